/**
 * The step-kind registry: every symbol of the Permenpan RB 35/2012 flowchart
 * declared once (its outline, its size, the arrows it needs, its names and
 * where it sits in the designer's palette). The canvas, the print, the SVG and
 * PNG export and the runtime's map only draw what this file says, so a
 * terminator is the same capsule on screen, on paper and in the clerk's map.
 * Pure: no DOM, no React.
 */
import type { LocalizedText } from '../validation/diagnostic';
import type { NodeKind, Rect } from '../layout/types';

export type { NodeKind };

/** The step kinds a document can hold (an `exit` marker is drawn for an arrow, never stored as a step). */
export type StepKind = Exclude<NodeKind, 'exit'>;

export interface SymbolSize {
  width: number;
  height: number;
}

/**
 * Arrows a symbol takes and gives: what the drafter may connect, and the one
 * definition validation checks a step's arrows against (core/validation/rules/graph.ts).
 */
export interface SymbolExits {
  /** Arrows coming in: false for a start. */
  incoming: boolean;
  /** Least and most arrows going out (`null`: any number). */
  minOut: number;
  maxOut: number | null;
  /** Each outgoing arrow carries a branch label (Ya / Tidak). */
  labelled: boolean;
  /**
   * The step may be a parallel split (`split: "parallel"`): it then takes one
   * arrow into each lane it fans out to, whatever minOut and maxOut say
   * (validation's split.fan-out rule checks those arrows).
   */
  fansOut: boolean;
}

export interface SymbolDefinition {
  kind: NodeKind;
  /** What the symbol is called in the palette and on the canvas. */
  name: LocalizedText;
  /** What it means, for the printed legend and screen readers. */
  meaning: LocalizedText;
  /** Size in points (1/72 inch) at its natural scale, as measured on signed SOPs. */
  sizePt: SymbolSize;
  exits: SymbolExits;
  /** Position in the designer's palette; absent: not offered there (the exit marker). */
  palette?: number;
  /** The outline as SVG path data, inside `box`: the one definition every surface draws. */
  path(box: Rect): string;
  /**
   * Where text written inside the symbol sits (a connector's letter), as a
   * fraction of the box: x is the centre, y the baseline-centre.
   */
  textAt?: { x: number; y: number; sizeOfHeight: number };
}

const f = (n: number) => String(Math.round(n * 100) / 100);

function capsule({ x, y, width: w, height: h }: Rect): string {
  const r = Math.min(h / 2, w / 2);
  return `M${f(x + r)} ${f(y)}H${f(x + w - r)}A${f(r)} ${f(r)} 0 0 1 ${f(x + w - r)} ${f(y + h)}H${f(x + r)}A${f(r)} ${f(r)} 0 0 1 ${f(x + r)} ${f(y)}Z`;
}

function box({ x, y, width: w, height: h }: Rect): string {
  return `M${f(x)} ${f(y)}H${f(x + w)}V${f(y + h)}H${f(x)}Z`;
}

function diamond({ x, y, width: w, height: h }: Rect): string {
  const cx = x + w / 2;
  const cy = y + h / 2;
  return `M${f(cx)} ${f(y)}L${f(x + w)} ${f(cy)}L${f(cx)} ${f(y + h)}L${f(x)} ${f(cy)}Z`;
}

/** Segi lima: a square with a pointed bottom, centred in its box (arrows join its top and its tip). */
function pentagon({ x, y, width: w, height: h }: Rect): string {
  const cx = x + w / 2;
  const half = Math.min(w, h) / 2;
  const l = cx - half;
  const r = cx + half;
  return `M${f(l)} ${f(y)}H${f(r)}V${f(y + h * 0.62)}L${f(cx)} ${f(y + h)}L${f(l)} ${f(y + h * 0.62)}Z`;
}

/** An arrow-shaped tag pointing right: the flow continues outside this SOP. */
function tag({ x, y, width: w, height: h }: Rect): string {
  const cy = y + h / 2;
  return `M${f(x)} ${f(y + h * 0.2)}H${f(x + w * 0.62)}V${f(y)}L${f(x + w)} ${f(cy)}L${f(x + w * 0.62)} ${f(y + h)}V${f(y + h * 0.8)}H${f(x)}Z`;
}

const terminator = (kind: 'start' | 'end', name: LocalizedText, exits: SymbolExits, palette: number): SymbolDefinition => ({
  kind,
  name,
  meaning: { id: 'Terminator (kapsul): mulai atau selesai', en: 'Terminator (capsule): start or end' },
  sizePt: { width: 60, height: 27 },
  exits,
  palette,
  path: capsule,
});

/**
 * Every symbol, by kind. Sizes follow the signed SOPs measured in DESIGN.md:
 * terminator about 60×27 pt, diamond about 55×55 pt, process box about
 * 70×22 pt; the connector is a small lettered marker.
 */
export const SYMBOLS: Readonly<Record<NodeKind, SymbolDefinition>> = {
  start: terminator('start', { id: 'Mulai', en: 'Start' }, { incoming: false, minOut: 1, maxOut: 1, labelled: false, fansOut: true }, 2),
  end: terminator('end', { id: 'Selesai', en: 'End' }, { incoming: true, minOut: 0, maxOut: 0, labelled: false, fansOut: false }, 3),
  process: {
    kind: 'process',
    name: { id: 'Proses', en: 'Process' },
    meaning: { id: 'Proses (kotak): kegiatan', en: 'Process (box): an activity' },
    sizePt: { width: 70, height: 22 },
    // One arrow out, or one into each lane of a parallel split.
    exits: { incoming: true, minOut: 1, maxOut: 1, labelled: false, fansOut: true },
    palette: 0,
    path: box,
  },
  decision: {
    kind: 'decision',
    name: { id: 'Keputusan', en: 'Decision' },
    meaning: { id: 'Keputusan (belah ketupat): pilihan Ya/Tidak', en: 'Decision (diamond): a Yes/No choice' },
    sizePt: { width: 55, height: 55 },
    exits: { incoming: true, minOut: 2, maxOut: null, labelled: true, fansOut: false },
    palette: 1,
    path: diamond,
  },
  connector: {
    kind: 'connector',
    name: { id: 'Konektor', en: 'Connector' },
    meaning: { id: 'Penghubung antarhalaman (segi lima)', en: 'Off-page connector (pentagon)' },
    sizePt: { width: 20, height: 20 },
    // A stored connector carries the flow on: exactly one arrow out.
    exits: { incoming: true, minOut: 1, maxOut: 1, labelled: false, fansOut: true },
    palette: 4,
    path: pentagon,
    textAt: { x: 0.5, y: 0.36, sizeOfHeight: 0.5 },
  },
  exit: {
    kind: 'exit',
    name: { id: 'Keluar SOP', en: 'Leaves the SOP' },
    meaning: { id: 'Keluar ke pihak lain', en: 'Continues with another party' },
    sizePt: { width: 26, height: 18 },
    exits: { incoming: true, minOut: 0, maxOut: 0, labelled: false, fansOut: false },
    path: tag,
  },
};

/**
 * The arrows out a step of this kind needs, as validation checks them: the
 * registry's exits, or any number for a parallel split (one per lane it fans
 * out to; `minOut: 0`, since split.fan-out reports a split without them).
 */
export function exitsNeeded(step: { kind: NodeKind; split?: string }): SymbolExits {
  const exits = SYMBOLS[step.kind].exits;
  return step.split === 'parallel' && exits.fansOut ? { ...exits, minOut: 0, maxOut: null } : exits;
}

/** Kinds in palette order: what the designer offers to add, first the most used. */
export const PALETTE: readonly StepKind[] = (Object.values(SYMBOLS) as SymbolDefinition[])
  .filter((s): s is SymbolDefinition & { kind: StepKind; palette: number } => s.palette !== undefined && s.kind !== 'exit')
  .sort((a, b) => a.palette - b.palette)
  .map((s) => s.kind);

/** Kinds in the order a legend lists them (one terminator stands for start and end). */
export const LEGEND: readonly NodeKind[] = ['start', 'process', 'decision', 'connector', 'exit'];

export function symbolPath(kind: NodeKind, box: Rect): string {
  return (SYMBOLS[kind] ?? SYMBOLS.process).path(box);
}

export const PT_TO_PX = 96 / 72;

/**
 * Every symbol's size in CSS px at `scale` (1 = the printed size: points
 * converted at 96 px per inch). Surfaces pick their scale (the canvas draws
 * a point as a pixel, the clerk's map smaller), never their own sizes.
 */
export function symbolSizes(scale = 1): Record<NodeKind, SymbolSize> {
  const out = {} as Record<NodeKind, SymbolSize>;
  for (const def of Object.values(SYMBOLS)) {
    out[def.kind] = {
      width: Math.round(def.sizePt.width * PT_TO_PX * scale * 100) / 100,
      height: Math.round(def.sizePt.height * PT_TO_PX * scale * 100) / 100,
    };
  }
  return out;
}

/**
 * Parallel split and join, drawn as the bars of an activity diagram on the
 * symbol itself: a split's box gets a heavy bar along its bottom edge (the
 * arrows fan out from it), a join's a heavy bar along its top edge (the
 * arrows meet on it). Inside the symbol's own box, so no arrow, label or
 * grid line can meet it, and legible on a black-and-white photocopy.
 */
export type FlowMark = 'split' | 'join';

export function markPath(mark: FlowMark, node: Rect, kind: NodeKind): string {
  const thickness = Math.max(2, Math.min(4, node.height * 0.14));
  // On a diamond the bar sits across its lower (upper) point, on a capsule between its round ends.
  const inset = kind === 'decision' ? node.width * 0.3 : kind === 'start' || kind === 'end' ? node.height / 2 : 0;
  const y = mark === 'split' ? node.y + node.height - thickness : node.y;
  return box({ x: node.x + inset, y, width: node.width - 2 * inset, height: thickness });
}
