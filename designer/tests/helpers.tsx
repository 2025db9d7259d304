import Dexie from 'dexie';
import { expect, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { App } from '../App';
import { openDesignerDb, SopRepository } from '../storage';
import type { ServerTransportOptions } from '../../ui/server/transport';

let counter = 0;

/** A designer with its own IndexedDB database; `reload()` mounts a fresh app on the same data, as a page reload does. */
export async function openDesigner(
  options: { seed?: () => readonly SopDocument[]; lang?: 'id' | 'en'; openRequest?: string; evaluationRequest?: string; dbName?: string; server?: ServerTransportOptions | false } = {},
) {
  const dbName = options.dbName ?? `designer-journey-${Date.now()}-${counter++}`;
  const seed = options.seed ?? (() => []);
  // A page URL's request (`?sop=<id>`) is honoured on the first load only: the page then drops it from the address.
  let openRequest = options.openRequest ?? null;
  let evaluationRequest = options.evaluationRequest ?? null;
  const mount = () => {
    const request = openRequest;
    const evaluation = evaluationRequest;
    openRequest = null;
    evaluationRequest = null;
    return render(
      <I18nProvider initialLang={options.lang ?? 'id'} persist={false}>
        <App dbName={dbName} seed={seed} openRequest={request} evaluationRequest={evaluation} {...(options.server !== undefined ? { server: options.server } : {})} />
      </I18nProvider>,
    );
  };
  let screen = await mount();
  return {
    get screen() {
      return screen;
    },
    dbName,
    async reload() {
      await screen.unmount();
      screen = await mount();
      return screen;
    },
    /** The document as stored in IndexedDB right now. */
    async stored(id: string): Promise<SopDocument | undefined> {
      const db = openDesignerDb({ name: dbName, seed });
      try {
        return (await new SopRepository(db).loadDraft(id))?.doc;
      } finally {
        db.close();
      }
    },
    async dispose() {
      await screen.unmount();
      await Dexie.delete(dbName);
    },
  };
}

/** Captures the next `.sop.json` download and returns its parsed JSON. */
export async function captureDownload(trigger: () => Promise<unknown>): Promise<{ fileName: string; json: unknown }> {
  const blobs: Blob[] = [];
  let fileName = '';
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:captured';
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    fileName = this.download;
  });
  try {
    await trigger();
    await vi.waitFor(() => {
      if (blobs.length === 0) throw new Error('no download yet');
    });
    return { fileName, json: JSON.parse(await blobs[0]!.text()) };
  } finally {
    create.mockRestore();
    click.mockRestore();
  }
}

/** Opens the designer on `seed`, then the first SOP of it from the library, and waits for its canvas. */
export async function openFirstSopOf(seed: () => SopDocument[]): Promise<Awaited<ReturnType<typeof openDesigner>>> {
  const designer = await openDesigner({ seed });
  const title = seed()[0]!.identity.title;
  await designer.screen.getByRole('button', { name: title, exact: true }).click();
  await expect.element(designer.screen.getByRole('heading', { name: title })).toBeVisible();
  await expect.poll(() => document.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0);
  return designer;
}

/** The canvas symbol of a step, by the start of its accessible name ("Langkah 3,"). */
export function canvasNode(name: string): HTMLElement {
  const node = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].find((n) =>
    (n.getAttribute('aria-label') ?? '').startsWith(name),
  );
  if (!node) throw new Error(`no canvas node named ${name}`);
  return node;
}

/**
 * Selects a step by clicking its canvas symbol, as a drafter does, and waits until the properties panel shows it.
 * The click is tried again while the panel shows another step: on a busy machine React Flow may still be placing
 * the nodes (fit to view) when the first click lands. A symbol outside the canvas's visible part (the opening
 * view shows the top of a long table) is brought in as a drafter would, with "show the whole diagram".
 */
export async function selectCanvasStep(name: string): Promise<void> {
  const label = name.replace(/,$/, '');
  const shown = () => document.getElementById('step-properties-heading')?.textContent?.split(' · ')[0] === label;
  await vi.waitFor(
    async () => {
      if (shown()) return;
      const node = canvasNode(name);
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      const box = node.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      if (pane && (x < pane.left || x > pane.right || y < pane.top || y > pane.bottom)) {
        document.querySelector<HTMLElement>('.react-flow__controls-fitview')?.click();
        throw new Error(`${label} was outside the canvas's visible part: the whole diagram is shown, then it is clicked`);
      }
      await userEvent.click(node);
      if (!shown()) throw new Error(`the properties panel does not show ${label}`);
    },
    { timeout: 20_000, interval: 500 },
  );
}

/**
 * Drags one element onto another with a series of mouse moves, as a hand
 * does: React Flow (d3-drag) starts a drag on the first move past its
 * threshold and moves the node on the ones after it.
 */
export async function dragOnto(source: HTMLElement, target: HTMLElement, steps = 8) {
  const from = source.getBoundingClientRect();
  const to = target.getBoundingClientRect();
  const start = { x: from.left + from.width / 2, y: from.top + from.height / 2 };
  const end = { x: to.left + to.width / 2, y: to.top + to.height / 2 };
  const init = (x: number, y: number, buttons: number): MouseEventInit => ({ bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons });
  source.dispatchEvent(new MouseEvent('mousedown', init(start.x, start.y, 1)));
  for (let i = 1; i <= steps; i++) {
    const x = start.x + ((end.x - start.x) * i) / steps;
    const y = start.y + ((end.y - start.y) * i) / steps;
    window.dispatchEvent(new MouseEvent('mousemove', init(x, y, 1)));
    await new Promise((r) => requestAnimationFrame(r));
  }
  window.dispatchEvent(new MouseEvent('mouseup', init(end.x, end.y, 0)));
  await new Promise((r) => setTimeout(r, 50));
}

export async function waitForSaved() {
  await vi.waitFor(() => {
    const status = document.querySelector('[data-testid="save-status"]');
    if (status?.textContent !== 'Tersimpan' && status?.textContent !== 'Saved') throw new Error(`save status: ${status?.textContent}`);
  }, 5000);
}

export { userEvent };
