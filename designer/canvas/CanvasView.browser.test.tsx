import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { generateSop } from '../../bench/generateSop';
import { validateSop } from '../../core/validation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { useEditorSnapshot } from '../editor/EditorContext';
import type { EditorStore } from '../editor/editorStore';
import { EditorFixture, sampleDoc } from '../stories/storySupport';
import { CanvasView } from './CanvasView';
import '../designer.css';

function CurrentCanvas() {
  const { doc, ui } = useEditorSnapshot();
  const flow = doc.flows.find((f) => f.id === ui.flowId)!;
  return <CanvasView doc={doc} flow={flow} diagnostics={validateSop(doc).diagnostics} />;
}

let unmount: (() => Promise<void>) | undefined;
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
});

async function renderCanvas(doc: SopDocument, size = { width: 900, height: 480 }) {
  let store: EditorStore | undefined;
  const screen = await render(
    <I18nProvider initialLang="id" persist={false}>
      <EditorFixture doc={doc} onStore={(s) => (store = s)}>
        <div className="designer designer--editor" style={{ ...size, display: 'flex' }}>
          <CurrentCanvas />
        </div>
      </EditorFixture>
    </I18nProvider>,
  );
  unmount = () => screen.unmount();
  await expect.poll(() => document.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0);
  await frames(2);
  return { screen, store: store! };
}

const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

/** The viewport as React Flow applies it: translate and scale of the transformed layer. */
function viewport(): { x: number; y: number; zoom: number } {
  const transform = getComputedStyle(document.querySelector('.react-flow__viewport')!).transform;
  const m = new DOMMatrixReadOnly(transform);
  return { x: m.e, y: m.f, zoom: m.a };
}

function wheel(init: WheelEventInit) {
  const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
  const clientX = pane.left + pane.width / 2;
  const clientY = pane.top + pane.height / 2;
  const target = document.elementFromPoint(clientX, clientY)!;
  target.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX, clientY, deltaMode: 0, ...init }));
}

function inside(inner: DOMRect, outer: DOMRect): boolean {
  const e = 0.5;
  return inner.left >= outer.left - e && inner.top >= outer.top - e && inner.right <= outer.right + e && inner.bottom <= outer.bottom + e;
}

describe('canvas viewport and connections (real Chromium)', () => {
  it('"fit" shows the whole paper table, the header rows and the text columns included', async () => {
    const { screen } = await renderCanvas(sampleDoc('bwi-spm-online'));
    const region = document.querySelector('.canvas-view')!.getBoundingClientRect();
    const table = () => document.querySelector('.swimlane-table')!.getBoundingClientRect();
    expect(inside(table(), region)).toBe(false); // a 17-step table is taller than the view at first
    await screen.getByRole('button', { name: 'Tampilkan seluruh diagram' }).click();
    await expect.poll(() => inside(table(), region)).toBe(true);
    const head = document.querySelector('.swimlane-table__head')!.getBoundingClientRect();
    expect(head.top).toBeGreaterThanOrEqual(region.top);
    expect(head.height).toBeGreaterThan(5); // the header is drawn at a size one can see, not squeezed away
  }, 30_000);

  it('"fit" shows a 300-step table whole too', async () => {
    const { screen } = await renderCanvas(generateSop({ steps: 300, lanes: 6 }));
    await screen.getByRole('button', { name: 'Tampilkan seluruh diagram' }).click();
    const region = document.querySelector('.canvas-view')!.getBoundingClientRect();
    await expect.poll(() => inside(document.querySelector('.swimlane-table')!.getBoundingClientRect(), region)).toBe(true);
  }, 30_000);

  it('the wheel scrolls (Shift+wheel sideways) and Ctrl+wheel zooms, as in draw.io and bpmn.io', async () => {
    await renderCanvas(sampleDoc('bwi-spm-online'));
    const start = viewport();
    wheel({ deltaY: 120 });
    await expect.poll(() => viewport().y).toBeCloseTo(start.y - 120, 0);
    expect(viewport().zoom).toBeCloseTo(start.zoom, 5);
    expect(viewport().x).toBeCloseTo(start.x, 5);

    const down = viewport();
    wheel({ deltaY: 100, shiftKey: true });
    await expect.poll(() => viewport().x).toBeCloseTo(down.x - 100, 0);
    expect(viewport().y).toBeCloseTo(down.y, 5);

    const before = viewport().zoom;
    wheel({ deltaY: -100, ctrlKey: true });
    await expect.poll(() => viewport().zoom).toBeGreaterThan(before * 1.05);
    const zoomedIn = viewport().zoom;
    wheel({ deltaY: 100, ctrlKey: true });
    await expect.poll(() => viewport().zoom).toBeLessThan(zoomedIn);
  }, 30_000);

  it('a drag that starts a few pixels off a handle\'s dot still draws an arrow', async () => {
    const doc = sampleDoc('bwi-spm-online');
    const flow = doc.flows[0]!;
    const [from, to] = [flow.steps[1]!, flow.steps[3]!];
    // Step 2 has lost its arrow (a process step has exactly one): the drafter draws it again, to step 4.
    flow.edges = flow.edges.filter((e) => e.from !== from.id);
    const { store } = await renderCanvas(doc, { width: 1200, height: 760 });
    expect(flow.edges.some((e) => e.from === from.id && e.to === to.id)).toBe(false);
    const node = (stepId: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id^="${stepId}#"]`)!;
    const dot = node(from.id).querySelector('.react-flow__handle-bottom')!.getBoundingClientRect();
    const target = node(to.id).querySelector('.react-flow__handle-top')!.getBoundingClientRect();
    // 7 px right of and 6 px below the dot's centre: outside the 10 px dot, inside the hit area.
    const start = { x: dot.left + dot.width / 2 + 7, y: dot.top + dot.height / 2 + 6 };
    const end = { x: target.left + target.width / 2, y: target.top + target.height / 2 };
    await drag(start, end);
    await expect.poll(() => store.doc.flows[0]!.edges.some((e) => e.from === from.id && e.to === to.id)).toBe(true);
  }, 30_000);
});

/** A mouse drag as a hand makes it, each event sent to whatever is under the pointer. */
async function drag(start: { x: number; y: number }, end: { x: number; y: number }) {
  const init = (x: number, y: number, buttons: number): MouseEventInit => ({ bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons });
  const under = (x: number, y: number) => document.elementFromPoint(x, y) ?? document.body;
  under(start.x, start.y).dispatchEvent(new PointerEvent('pointerdown', { ...init(start.x, start.y, 1), pointerId: 1, isPrimary: true }));
  under(start.x, start.y).dispatchEvent(new MouseEvent('mousedown', init(start.x, start.y, 1)));
  for (let i = 1; i <= 10; i++) {
    const x = start.x + ((end.x - start.x) * i) / 10;
    const y = start.y + ((end.y - start.y) * i) / 10;
    under(x, y).dispatchEvent(new MouseEvent('mousemove', init(x, y, 1)));
    await frames(1);
  }
  under(end.x, end.y).dispatchEvent(new MouseEvent('mouseup', init(end.x, end.y, 0)));
  await frames(2);
}
