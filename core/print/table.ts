/**
 * The flowchart table's columns for one page width: which columns the SOP
 * has (with its own labels), how wide each is, how big the text and symbols
 * are, and the layout options that make the lanes match the actor columns.
 */
import type { Lang, MessageKey } from '../i18n';
import { translate } from '../i18n';
import { computeSwimlaneLayout } from '../layout';
import { laneWidthForLabel, longestLabelWord } from '../layout/labels';
import type { SwimlaneLayout, SwimlaneLayoutOptions } from '../layout/types';
import type { Flow, SopDocument } from '../../schemas/generated/sop.types';
import type { Orientation, PageBox } from './paper';

export type MutuBakuKey = 'kelengkapan' | 'waktu' | 'output';

export interface TableColumn {
  label: string;
  width: number;
}

export interface ActorColumn extends TableColumn {
  actorId: string | null;
  /** Lane index in the layout. */
  lane: number;
}

export interface TableColumns {
  no: TableColumn | null;
  kegiatan: TableColumn;
  pelaksanaLabel: string;
  actors: ActorColumn[];
  mutuBakuLabel: string;
  mutuBaku: Array<TableColumn & { key: MutuBakuKey }>;
  keterangan: TableColumn | null;
  totalLabel: string;
  /** Sum of the columns: the printable width. */
  width: number;
  /** x of the first actor column from the table's left edge: where the flowchart overlay starts. */
  actorsX: number;
}

export interface PrintMetrics {
  fontSize: number;
  lineHeight: number;
  headerFontSize: number;
  cellPaddingX: number;
  cellPaddingY: number;
  laneWidth: number;
  symbolWidth: number;
  symbolHeight: number;
  labelFontSize: number;
}

export interface PrintTablePlan {
  columns: TableColumns;
  metrics: PrintMetrics;
  /** Options for `computeSwimlaneLayout` (add the measured `rowHeights`). */
  layoutOptions: SwimlaneLayoutOptions;
  /** The layout with estimated row heights, before the browser measures the rows. */
  estimate: SwimlaneLayout;
}

const TEXT_WEIGHTS = { kegiatan: 2.6, kelengkapan: 1.3, output: 1.2, keterangan: 1.1 } as const;

/** Text and symbol sizes: the Word SOPs use 10-11 pt on landscape; portrait needs a smaller scale to fit the lanes. */
export function printMetrics(orientation: Orientation): Omit<PrintMetrics, 'laneWidth' | 'symbolWidth' | 'symbolHeight'> {
  return orientation === 'landscape'
    ? { fontSize: 11, lineHeight: 14, headerFontSize: 10.5, cellPaddingX: 4, cellPaddingY: 3, labelFontSize: 8.5 }
    : { fontSize: 9.5, lineHeight: 12, headerFontSize: 9, cellPaddingX: 3, cellPaddingY: 2, labelFontSize: 7.5 };
}

function label(doc: SopDocument, key: keyof NonNullable<SopDocument['columns']>, lang: Lang): string {
  return doc.columns?.[key]?.label ?? translate(lang, `print.doc.column.${key}` as MessageKey);
}

/** A column is shown when the SOP has it; a document without a column list shows them all. */
function shown(doc: SopDocument, key: keyof NonNullable<SopDocument['columns']>): boolean {
  if (!doc.columns) return true;
  if (key === 'kegiatan') return true; // the step text always needs a place
  return doc.columns[key] !== undefined;
}

export function planPrintTable(doc: SopDocument, flow: Flow, box: PageBox, lang: Lang): PrintTablePlan {
  const base = printMetrics(box.orientation);
  const portrait = box.orientation === 'portrait';
  const width = box.contentWidth;
  const laneCount = Math.max(1, flow.lanes.length);
  const noWidth = shown(doc, 'no') ? (portrait ? 26 : 32) : 0;
  const waktuWidth = shown(doc, 'waktu') ? (portrait ? 54 : 66) : 0;
  const textKeys = (['kegiatan', 'kelengkapan', 'output', 'keterangan'] as const).filter((k) => shown(doc, k));
  const cells = textCells(flow, textKeys);
  // A column the SOP has but never fills only needs room for its header.
  const filled = (key: TextKey) => cells.get(key)!.some((lines) => lines.length > 0);
  const minText = (key: TextKey) => (key === 'kegiatan' ? (portrait ? 120 : 170) : !filled(key) ? 46 : portrait ? 60 : 78);
  const neededText = textKeys.reduce((sum, k) => sum + minText(k), 0);

  // A lane whose step writes a branch label under its diamond is made wide enough for the label's
  // longest word beside the arrow, so the label never has to cross the lane's lines (up to a limit).
  const labelWords = longestLabelWordByLane(flow, base.labelFontSize);
  const symbolWidthFor = (laneWidth: number) => Math.max(18, Math.min(42, Math.round(laneWidth * 0.5)));
  const laneWidthsFor = (laneWidth: number) =>
    Array.from({ length: laneCount }, (_, lane) => {
      const word = labelWords.get(lane);
      if (word === undefined) return laneWidth;
      return Math.max(laneWidth, Math.min(laneWidth + MAX_LABEL_WIDENING, laneWidthForLabel(word)));
    });
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const sizeLanes = (extra: number) => {
    // Lanes start generous and give way, down to a floor, until the text columns have their minimum.
    // Text is what people read: with many lanes on narrow paper the lanes shrink (symbols with them)
    // before the text columns go below their minimum.
    let laneWidth = portrait ? 66 : 88;
    const floor = 34;
    while (laneWidth > floor && width - noWidth - waktuWidth - sum(laneWidthsFor(laneWidth)) - extra < neededText) laneWidth -= 2;
    const symbolWidth = symbolWidthFor(laneWidth);
    return { laneWidth, laneWidths: laneWidthsFor(laneWidth), symbolWidth, symbolHeight: Math.round(symbolWidth * 0.6) };
  };
  const layoutOptionsFor = (sizes: ReturnType<typeof sizeLanes>, textWidths: Record<string, number>): SwimlaneLayoutOptions => ({
    actors: doc.actors,
    laneWidth: sizes.laneWidth,
    laneWidths: sizes.laneWidths,
    symbolWidth: sizes.symbolWidth,
    symbolHeight: sizes.symbolHeight,
    labelFontSize: base.labelFontSize,
    text: { fontSize: base.fontSize, lineHeight: base.lineHeight, cellPaddingX: base.cellPaddingX, cellPaddingY: base.cellPaddingY },
    textColumns: {
      kegiatan: textWidths['kegiatan'] ?? 0,
      kelengkapan: textWidths['kelengkapan'] ?? 0,
      waktu: waktuWidth,
      output: textWidths['output'] ?? 0,
      keterangan: textWidths['keterangan'] ?? 0,
    },
  });
  const shareText = (budget: number) => balanceTextColumns(cells, textKeys, budget, minText, base);

  // Pass 1: the side channels' width depends on the flow (back-edges, labels), so measure it once.
  const firstSizes = sizeLanes(0);
  const first = computeSwimlaneLayout(flow, layoutOptionsFor(firstSizes, shareText(width - noWidth - waktuWidth - sum(firstSizes.laneWidths))));
  const extra = first.width - first.lanes.reduce((sum, l) => sum + l.width, 0);
  // Pass 2: final lane widths with the channels counted; the text columns share the rest.
  const sizes = sizeLanes(extra);
  const provisional = computeSwimlaneLayout(flow, layoutOptionsFor(sizes, shareText(width - noWidth - waktuWidth - sum(sizes.laneWidths) - extra)));
  const textBudget = width - noWidth - waktuWidth - provisional.width;
  const textWidths = shareText(textBudget);
  // Rounding leftovers go to Kegiatan so the table fills the page exactly.
  textWidths['kegiatan'] = textBudget - textKeys.filter((k) => k !== 'kegiatan').reduce((sum, k) => sum + textWidths[k]!, 0);
  const layoutOptions = layoutOptionsFor(sizes, textWidths);
  const estimate = computeSwimlaneLayout(flow, layoutOptions);

  const actors: ActorColumn[] = estimate.lanes.map((lane, i) => {
    const isFirst = i === 0;
    const isLast = i === estimate.lanes.length - 1;
    // The first and last actor columns also hold the side channels (and the exit markers).
    const left = isFirst ? 0 : lane.x;
    const right = isLast ? estimate.width : lane.x + lane.width;
    return {
      actorId: lane.actorId,
      lane: lane.index,
      label: lane.actorId === null ? translate(lang, 'print.doc.externalLane') : lane.label,
      width: right - left,
    };
  });
  const mutuBaku = (['kelengkapan', 'waktu', 'output'] as const)
    .filter((k) => shown(doc, k))
    .map((key) => ({ key, label: label(doc, key, lang), width: key === 'waktu' ? waktuWidth : textWidths[key]! }));
  const columns: TableColumns = {
    no: noWidth > 0 ? { label: label(doc, 'no', lang), width: noWidth } : null,
    kegiatan: { label: label(doc, 'kegiatan', lang), width: textWidths['kegiatan']! },
    pelaksanaLabel: label(doc, 'pelaksana', lang),
    actors,
    mutuBakuLabel: label(doc, 'mutuBaku', lang),
    mutuBaku,
    keterangan: shown(doc, 'keterangan') ? { label: label(doc, 'keterangan', lang), width: textWidths['keterangan']! } : null,
    totalLabel: doc.columns?.total?.label ?? flow.statedTotal?.label ?? translate(lang, 'print.doc.column.total'),
    width,
    actorsX: noWidth + textWidths['kegiatan']!,
  };
  const { laneWidths: _perLane, ...metrics } = sizes;
  return { columns, metrics: { ...base, ...metrics }, layoutOptions, estimate };
}

/** Never widen a lane for its labels by more than this: past it, a label finds another spot or wraps. */
const MAX_LABEL_WIDENING = 40;

/** Per lane index: the longest word of the branch labels written in it; lanes without labels are absent. */
function longestLabelWordByLane(flow: Flow, fontSize: number): Map<number, number> {
  const laneOf = new Map<string, number>();
  flow.steps.forEach((step) => {
    // The exit leaves from the step's last actor in a lane, as the layout draws it.
    const laned = step.actors.filter((a) => flow.lanes.includes(a.actor));
    const last = laned[laned.length - 1];
    if (last) laneOf.set(step.id, flow.lanes.indexOf(last.actor));
  });
  const needs = new Map<number, number>();
  for (const edge of flow.edges) {
    const lane = laneOf.get(edge.from);
    if (!edge.label?.trim() || lane === undefined) continue;
    needs.set(lane, Math.max(needs.get(lane) ?? 0, longestLabelWord(edge.label, fontSize)));
  }
  return needs;
}

type TextKey = 'kegiatan' | 'kelengkapan' | 'output' | 'keterangan';

/** Per text column, per step: the lengths of the cell's lines (the only thing wrapping depends on here). */
function textCells(flow: Flow, keys: readonly TextKey[]): Map<TextKey, number[][]> {
  const lengths = (text: string | undefined) => (text ? text.split('\n').map((line) => line.trim().length) : []);
  const cells = new Map<TextKey, number[][]>();
  for (const key of keys) {
    cells.set(
      key,
      flow.steps.map((step) => {
        if (key === 'kegiatan') return lengths(step.text);
        if (key === 'kelengkapan') return (step.requirements ?? []).flatMap((r) => lengths(r.text).map((n) => n + 3));
        if (key === 'output') return lengths(step.output);
        return lengths(step.remarks);
      }),
    );
  }
  return cells;
}

/**
 * Shares the width left for text among the text columns so the table is as
 * short as possible: a row is as tall as its fullest cell, so width goes
 * where the long texts are (Banyuwangi's Keterangan, Lumajang's Kegiatan).
 * Starts from fixed proportions and moves width in small steps between
 * columns while the estimated table height drops.
 */
function balanceTextColumns(
  cells: ReadonlyMap<TextKey, number[][]>,
  keys: readonly TextKey[],
  budget: number,
  minimum: (key: TextKey) => number,
  metrics: { fontSize: number; cellPaddingX: number },
): Record<string, number> {
  const weights = keys.reduce((sum, k) => sum + TEXT_WEIGHTS[k], 0);
  const widths = keys.map((k) => Math.floor((budget * TEXT_WEIGHTS[k]) / weights));
  const glyph = metrics.fontSize * 0.5;
  const steps = cells.get(keys[0]!)?.length ?? 0;
  const lines = (k: number, step: number, width: number) => {
    const perLine = Math.max(1, (width - 2 * metrics.cellPaddingX) / glyph);
    let n = 0;
    for (const len of cells.get(keys[k]!)![step]!) n += Math.max(1, Math.ceil(len / perLine));
    return n;
  };
  const cost = (w: readonly number[]) => {
    let total = 0;
    for (let step = 0; step < steps; step++) {
      let tallest = 1;
      for (let k = 0; k < keys.length; k++) tallest = Math.max(tallest, lines(k, step, w[k]!));
      total += tallest;
    }
    return total;
  };
  const stepPx = Math.max(6, Math.round(budget / 80));
  let current = cost(widths);
  for (let iteration = 0; iteration < 60 && keys.length > 1; iteration++) {
    let best: { from: number; to: number; value: number } | null = null;
    for (let from = 0; from < keys.length; from++) {
      if (widths[from]! - stepPx < minimum(keys[from]!)) continue;
      for (let to = 0; to < keys.length; to++) {
        if (to === from) continue;
        widths[from]! -= stepPx;
        widths[to]! += stepPx;
        const value = cost(widths);
        widths[from]! += stepPx;
        widths[to]! -= stepPx;
        if (value < current && (!best || value < best.value)) best = { from, to, value };
      }
    }
    if (!best) break;
    widths[best.from]! -= stepPx;
    widths[best.to]! += stepPx;
    current = best.value;
  }
  const out: Record<string, number> = {};
  keys.forEach((k, i) => (out[k] = widths[i]!));
  return out;
}
