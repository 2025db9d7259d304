/**
 * One notation, three surfaces: the designer's canvas, the printed table and
 * the clerk's map draw the same SOP (every symbol of the step-kind registry:
 * terminators, a splitting process, a joining diamond, a lettered connector,
 * an exit marker), each from the registry's shapes, and each looks as its
 * baseline does (tests/visual/__baselines__/notation-*.png).
 *
 * A surface may differ from its baseline in at most 0.5 % of its pixels
 * (antialiasing shades are ignored); beyond that the test fails and writes
 * the actual picture and a diff to tests/visual/__diffs__/. After an intended
 * change: VITE_UPDATE_VISUAL_BASELINES=1 npx vitest run --project browser tests/visual
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { CaseState } from '../../core/engine';
import { SYMBOLS, symbolPath, type NodeKind } from '../../core/notation';
import { validateSop } from '../../core/validation';
import { CanvasView } from '../../designer/canvas/CanvasView';
import { useEditorSnapshot } from '../../designer/editor/EditorContext';
import { EditorFixture } from '../../designer/stories/storySupport';
import '../../designer/designer.css';
import { everySymbolDoc } from '../../print/fixtures/craftedV2';
import { PrintDocument } from '../../print/view/PrintDocument';
import { SwimlaneMap } from '../../runtime/case/SwimlaneMap';
import '../../runtime/runtime.css';
import '../../ui/theme.css';
import { I18nProvider } from '../../ui/i18n';

const doc = everySymbolDoc();
const update = import.meta.env['VITE_UPDATE_VISUAL_BASELINES'] === '1';
const TOLERANCE = 0.005;

let unmount: (() => Promise<void>) | undefined;
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
});

/** The command letters of an SVG path: the shape's outline, whatever its size and place. */
const shapeOf = (d: string) => d.replace(/[^A-Za-z]/g, '');

/** Every symbol of a surface: each kind of the registry present, each outline the registry's shape for its kind. */
function symbolsDrawn(root: Element): Map<NodeKind, number> {
  const found = new Map<NodeKind, number>();
  for (const glyph of root.querySelectorAll<SVGGElement>('.symbol-glyph')) {
    const kind = glyph.dataset['kind'] as NodeKind;
    const outline = glyph.querySelector('.symbol__shape')!.getAttribute('d')!;
    expect(shapeOf(outline), kind).toBe(shapeOf(symbolPath(kind, { x: 0, y: 0, width: 40, height: 20 })));
    found.set(kind, (found.get(kind) ?? 0) + 1);
  }
  return found;
}

function expectEverySymbol(root: Element) {
  const found = symbolsDrawn(root);
  // Every kind the registry holds, the end terminator included (the legend lists start and end once).
  for (const kind of Object.keys(SYMBOLS) as NodeKind[]) expect(found.get(kind) ?? 0, `${kind} drawn`).toBeGreaterThan(0);
  expect(root.querySelectorAll('.symbol__mark').length, 'split and join bars').toBe(2);
}

async function decode(base64: string): Promise<ImageData> {
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

async function encode(image: ImageData): Promise<string> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  canvas.getContext('2d')!.putImageData(image, 0, 0);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Compares a screenshot of `element` with its baseline; writes the baseline when there is none (or when updating). */
async function matchesBaseline(element: Element, name: string): Promise<string[]> {
  const actual = (await page.screenshot({ element, save: false })) as string;
  const baseline = `tests/visual/__baselines__/${name}.png`;
  let expected: string | null = null;
  try {
    expected = await commands.readFile(baseline, 'base64');
  } catch {
    expected = null;
  }
  if (update || expected === null) {
    await commands.writeFile(baseline, actual, 'base64');
    return update ? [] : [`no baseline for ${name}: written to ${baseline}, check it and run again`];
  }
  const [a, b] = [await decode(expected), await decode(actual)];
  if (a.width !== b.width || a.height !== b.height) {
    await commands.writeFile(`tests/visual/__diffs__/${name}.actual.png`, actual, 'base64');
    return [`${name}: ${b.width}×${b.height} px, the baseline is ${a.width}×${a.height}`];
  }
  const diff = new ImageData(a.width, a.height);
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const delta = Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!));
    if (delta > 48) {
      differing++;
      diff.data.set([255, 0, 0, 255], i);
    } else {
      const grey = 255 - (255 - b.data[i]!) / 4;
      diff.data.set([grey, grey, grey, 255], i);
    }
  }
  const ratio = differing / (a.width * a.height);
  if (ratio <= TOLERANCE) return [];
  await commands.writeFile(`tests/visual/__diffs__/${name}.actual.png`, actual, 'base64');
  await commands.writeFile(`tests/visual/__diffs__/${name}.diff.png`, await encode(diff), 'base64');
  return [`${name} differs in ${(ratio * 100).toFixed(2)}% of its pixels (see tests/visual/__diffs__/${name}.diff.png)`];
}

function Canvas() {
  const { doc: current, ui } = useEditorSnapshot();
  const flow = current.flows.find((f) => f.id === ui.flowId)!;
  return <CanvasView doc={current} flow={flow} diagnostics={validateSop(current).diagnostics} />;
}

const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

describe('one notation on the canvas, the print and the runtime map (real Chromium)', () => {
  it('the canvas draws every symbol from the registry, and looks as before', async () => {
    const screen = await render(
      <I18nProvider initialLang="id" persist={false}>
        <EditorFixture doc={doc}>
          <div className="designer designer--editor" style={{ width: 1200, height: 720, display: 'flex' }}>
            <Canvas />
          </div>
        </EditorFixture>
      </I18nProvider>,
    );
    unmount = () => screen.unmount();
    await expect.poll(() => document.querySelectorAll('.react-flow__node').length).toBeGreaterThanOrEqual(8);
    await frames(3);
    const root = screen.container.querySelector('.canvas-view')!;
    expectEverySymbol(root);
    expect(await matchesBaseline(root, 'notation-canvas')).toEqual([]);
  });

  it('the print draws every symbol from the registry, and looks as before', async () => {
    const screen = await render(
      <I18nProvider initialLang="id" persist={false}>
        <PrintDocument doc={doc} paper="a4" orientation="landscape" />
      </I18nProvider>,
    );
    unmount = () => screen.unmount();
    await expect.poll(() => screen.container.querySelector('[data-print-state="ready"]'), { timeout: 15_000 }).not.toBeNull();
    const sheet = screen.container.querySelectorAll('.print-page')[1]!;
    expectEverySymbol(sheet);
    expect(await matchesBaseline(sheet, 'notation-print')).toEqual([]);
  });

  it('the runtime map draws every symbol from the registry on the shared layout, and looks as before', async () => {
    const state = {
      sop: { flowId: 'main' },
      visits: [
        { id: 'v1', stepId: 's1', status: 'done' },
        { id: 'v2', stepId: 's2', status: 'done' },
        { id: 'v3', stepId: 's3', status: 'active' },
        { id: 'v4', stepId: 's4', status: 'active' },
      ],
    } as unknown as CaseState;
    const screen = await render(
      <I18nProvider initialLang="id" persist={false}>
        <div style={{ display: 'inline-block', padding: 8, background: '#ffffff' }}>
          <SwimlaneMap sop={doc} state={state} />
        </div>
      </I18nProvider>,
    );
    unmount = () => screen.unmount();
    const map = screen.container.querySelector('.rt-map')!;
    expectEverySymbol(map);
    expect(map.querySelector('[data-step="s3"]')?.getAttribute('data-status')).toBe('active');
    expect(await matchesBaseline(map, 'notation-map')).toEqual([]);
  });
});
