// Bundled into an IIFE and injected into Chromium by bench/runDesignerBench.ts:
// the real designer app (App → EditorScreen → EditorLayout), opened on one SOP
// stored in IndexedDB, as a reload with that SOP open does.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../designer/App';
import { VIRTUALIZE_FROM_STEPS } from '../../designer/canvas/tableGeometry';
import { openDesignerDb, SopRepository } from '../../designer/storage';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import '../../ui/theme.css';
import { percentile, median, sleep, TYPED, whenShown } from './frames';
import { plainTextOf } from '../../core/text/richText';

export interface DesignerOpenInput {
  /** The SOP as JSON text. */
  json: string;
  view: 'canvas' | 'table';
  /** The step selected when the editor opens (its properties panel is open): the one the edits change. */
  editStepId: string;
  /** From computeSwimlaneLayout in Node: the canvas's symbols (in layout order) and its drawn arrows. */
  nodeIds: string[];
  edges: { id: string; from: string; to: string }[];
}

export interface DesignerOpenResult {
  firstRenderMs: number;
  /** What was in the DOM at that frame: symbols, arrows and grid rows drawn, symbols on screen. */
  drawn: { nodes: number; edges: number; rows: number; onScreen: number; minimap: number };
}

export interface EditResult {
  latenciesMs: number[];
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The keystrokes among them that made the step's row taller or shorter. */
  relayoutMs: number[];
}

let input: DesignerOpenInput;
let doc: SopDocument;

/** Stores the SOP and the session "this SOP open in this view" (not timed). */
async function prepare(next: DesignerOpenInput): Promise<string> {
  input = next;
  doc = JSON.parse(next.json) as SopDocument;
  const name = `designer-bench-${Date.now()}`;
  const db = openDesignerDb({ name, seed: () => [doc] });
  const repository = new SopRepository(db);
  await repository.saveSession({ screen: 'editor', sopId: doc.id, flowId: doc.flows[0]!.id, view: next.view, panel: 'properties', selectedStepId: next.editStepId });
  db.close();
  return name;
}

const flow = () => doc.flows[0]!;
const lastStep = () => flow().steps.at(-1)!;
const canvasNode = (stepId: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(`${stepId}#0`)}"]`);
const canvasRow = (stepId: string) => document.querySelector<HTMLElement>(`.swimlane-table [data-step-id="${CSS.escape(stepId)}"] .swimlane-table__td--kegiatan`);
const gridRow = (stepId: string) => document.querySelector<HTMLElement>(`.step-grid tr[data-step-id="${CSS.escape(stepId)}"] .step-grid__cell--text`);

/** The canvas's visible area and its transform (flow → screen). */
function viewport() {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
  const match = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(transform);
  if (!pane || !match) return null;
  return { width: pane.width, height: pane.height, x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

/**
 * The ids of the symbols that are on screen, from the minimap (which draws every symbol, in layout
 * order, at its flow position) and the viewport; null until the minimap shows every symbol.
 */
function symbolsOnScreen(): Set<string> | null {
  const rects = document.querySelectorAll<SVGRectElement>('.react-flow__minimap-node');
  const view = viewport();
  if (!view || rects.length !== input.nodeIds.length) return null;
  const onScreen = new Set<string>();
  rects.forEach((rect, i) => {
    const x = Number(rect.getAttribute('x')) * view.zoom + view.x;
    const y = Number(rect.getAttribute('y')) * view.zoom + view.y;
    const w = Number(rect.getAttribute('width')) * view.zoom;
    const h = Number(rect.getAttribute('height')) * view.zoom;
    if (x < view.width && x + w > 0 && y < view.height && y + h > 0) onScreen.add(input.nodeIds[i]!);
  });
  return onScreen;
}

const stepOf = (nodeId: string) => nodeId.slice(0, nodeId.lastIndexOf('#'));
const canvasEdge = (id: string) => document.querySelector(`.react-flow__edge[data-id="${CSS.escape(id)}"] path.route-edge`);

/**
 * The first render is complete when the screen shows everything it should:
 * - canvas view: the minimap shows every symbol of the flow (the whole flow is laid out); every
 *   symbol on screen is drawn with its row of the paper grid (No, Kegiatan, Mutu Baku), every arrow
 *   between two symbols on screen is drawn, and the selected step (where the drafter left off) is
 *   on screen. A short flow (under VIRTUALIZE_FROM_STEPS) draws everything, so there every symbol
 *   and arrow and the last step's grid row must be in the DOM too.
 * - table view: the step grid's last row shows its text.
 */
function complete(): boolean {
  const last = lastStep();
  if (input.view === 'table') return Boolean(gridRow(last.id)?.textContent?.includes(plainTextOf(last.text)));
  const onScreen = symbolsOnScreen();
  if (!onScreen || onScreen.size === 0 || !onScreen.has(`${input.editStepId}#0`)) return false;
  for (const id of onScreen) {
    if (!document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)) return false;
    if (!id.startsWith('exit#') && !document.querySelector(`.swimlane-table [data-step-id="${CSS.escape(stepOf(id))}"] .swimlane-table__td--kegiatan`)) return false;
  }
  for (const edge of input.edges) if (onScreen.has(edge.from) && onScreen.has(edge.to) && !canvasEdge(edge.id)) return false;
  if (flow().steps.length >= VIRTUALIZE_FROM_STEPS) return true;
  if (!canvasNode(last.id) || !canvasRow(last.id)?.textContent?.includes(plainTextOf(last.text))) return false;
  return input.nodeIds.every((id) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)) && input.edges.every((e) => canvasEdge(e.id));
}

/** Opens the designer and resolves when the first complete frame has been painted. */
async function open(next: DesignerOpenInput): Promise<DesignerOpenResult> {
  const dbName = await prepare(next);
  const container = document.getElementById('root')!;
  const started = performance.now();
  createRoot(container).render(
    <StrictMode>
      <I18nProvider initialLang="id" persist={false}>
        <App dbName={dbName} seed={() => []} />
      </I18nProvider>
    </StrictMode>,
  );
  const shown = await whenShown(complete, `first render (${input.view}) of ${flow().steps.length} steps`);
  return {
    firstRenderMs: shown - started,
    drawn: {
      nodes: document.querySelectorAll('.react-flow__node').length,
      edges: document.querySelectorAll('.react-flow__edge').length,
      rows: document.querySelectorAll('.swimlane-table [data-step-id], .step-grid tr[data-step-id]').length,
      onScreen: symbolsOnScreen()?.size ?? 0,
      minimap: document.querySelectorAll('.react-flow__minimap-node').length,
    },
  };
}

const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;


/**
 * Types into the Kegiatan field of the properties panel, one character per
 * edit (as a keystroke does: the input event React listens to), and times
 * each keystroke until the changed text is painted where the view shows it:
 * the symbol's accessible name and the paper grid's Kegiatan cell on the
 * canvas, or the Kegiatan cell of the step grid. Keystrokes that made the
 * row taller (a line wrapped: every row below moves) are also listed apart.
 */
async function edit(count: number, warmUp: number, pauseMs: number, chars = TYPED): Promise<EditResult> {
  const stepId = input.editStepId;
  const field = document.querySelector<HTMLTextAreaElement>('#side-panel-body .properties textarea');
  if (!field) throw new Error('no Kegiatan field in the properties panel');
  const rowHeight = () =>
    (input.view === 'table' ? gridRow(stepId)?.parentElement : canvasRow(stepId))?.getBoundingClientRect().height ?? 0;
  // The drafter sees the row they edit: the canvas opened around it; the grid is scrolled to it.
  if (input.view === 'table') gridRow(stepId)?.scrollIntoView({ block: 'center' });
  const latencies: number[] = [];
  const relayout: number[] = [];
  for (let i = 0; i < warmUp + count; i++) {
    const text = `${field.value}${chars[i % chars.length]}`;
    const shownEverywhere = () =>
      input.view === 'table'
        ? gridRow(stepId)?.textContent === text
        : Boolean(canvasNode(stepId)?.getAttribute('aria-label')?.includes(text) && canvasRow(stepId)?.textContent === text);
    field.focus();
    const before = rowHeight();
    const started = performance.now();
    setValue.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    const shown = await whenShown(shownEverywhere, `edit ${i}`, 10_000);
    if (i >= warmUp) {
      latencies.push(shown - started);
      if (rowHeight() !== before) relayout.push(shown - started);
    }
    await sleep(pauseMs);
  }
  return { latenciesMs: latencies, medianMs: median(latencies), p95Ms: percentile(latencies, 95), maxMs: Math.max(...latencies), relayoutMs: relayout };
}

(globalThis as unknown as { designerBench: unknown }).designerBench = { open, edit };
