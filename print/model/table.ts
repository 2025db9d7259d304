/**
 * The printed flowchart table for one page width: the shared table plan
 * (core/table: which columns, their labels, the header rows, the width
 * rules) sized for paper. Lanes are as wide as the registry's symbols at
 * their printed size need (or their header's longest word), and give way
 * only as far as the text columns need for their longest words; the text
 * columns follow their content (core/table `sizeTextColumns`).
 */
import type { Lang } from '../../core/i18n';
import { computeSwimlaneLayout, estimateSwimlane } from '../../core/layout';
import { laneWidthForLabel, longestLabelWord } from '../../core/layout/labels';
import { MIN_GUTTER, resolveLayoutOptions } from '../../core/layout/options';
import { longestWordWidth } from '../../core/layout/textMetrics';
import type { SwimlaneLayout, SwimlaneLayoutOptions } from '../../core/layout/types';
import { branchLabelText, symbolSizes } from '../../core/notation';
import { noColumnWidth, planTable, sizeTextColumns, textColumnLimits, type MutuBakuKey, type TablePlan, type TextColumnKey, type TextSizing } from '../../core/table';
import type { Flow, SopDocument } from '../../schemas/generated/sop.types';
import { connectorBandHeight } from './pageLayout';
import { paginate } from './paginate';
import type { Orientation, PageBox } from './paper';

export type { MutuBakuKey };

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
  /** The shared plan these columns size (labels, header rows). */
  plan: TablePlan;
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
  /** The box every symbol fits in, after the lanes scaled them. */
  symbolWidth: number;
  symbolHeight: number;
  /** The factor the symbols were scaled by from their printed size (1: the preset's size). */
  symbolScale: number;
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

/** The registry's symbols at their printed size. */
const PRINT_SYMBOLS = symbolSizes(1);
const WIDEST_SYMBOL = Math.max(...Object.values(PRINT_SYMBOLS).map((s) => s.width));
/** Room kept beside a symbol at full size, for the vertical runs of arrows in its lane. */
const LANE_GUTTER = 10;
/** Symbols are never drawn smaller than this share of their printed size; past it, text columns give way. */
const MIN_SYMBOL_SCALE = 0.3;
/** Room a page's table loses to the footer, the table header and the flow's heading (estimated before measuring). */
const PAGE_CHROME = 95;
/** Lanes may narrow to save a page down to symbols at this share of their printed size. */
const SAVING_SYMBOL_SCALE = 0.65;
/** Room a heading above the table takes (its line and its padding). */
const HEADING = 24;
/** Never widen a lane for its labels by more than this: past it, a label finds another spot or wraps. */
const MAX_LABEL_WIDENING = 60;

/** Text sizes: the Word SOPs use 10-11 pt on landscape; portrait needs a smaller scale to fit the lanes. */
export function printMetrics(orientation: Orientation): Omit<PrintMetrics, 'laneWidth' | 'symbolWidth' | 'symbolHeight' | 'symbolScale'> {
  return orientation === 'landscape'
    ? { fontSize: 11, lineHeight: 14, headerFontSize: 10.5, cellPaddingX: 4, cellPaddingY: 3, labelFontSize: 8.5 }
    : { fontSize: 9.5, lineHeight: 12, headerFontSize: 9, cellPaddingX: 3, cellPaddingY: 2, labelFontSize: 7.5 };
}

export interface PrintTableOptions {
  /** A heading is printed above the table (and a "continued" line on its following pages): less room for rows. */
  heading?: boolean;
}

export function planPrintTable(doc: SopDocument, flow: Flow, box: PageBox, lang: Lang, options: PrintTableOptions = {}): PrintTablePlan {
  const base = printMetrics(box.orientation);
  const plan = planTable(doc, flow, lang);
  const sizing: TextSizing = { fontSize: base.fontSize, lineHeight: base.lineHeight, cellPaddingX: base.cellPaddingX, cellPaddingY: base.cellPaddingY, headerFontSize: base.headerFontSize };
  const width = box.contentWidth;
  const laneCount = Math.max(1, plan.pelaksana.lanes.length);
  const noWidth = noColumnWidth(plan, flow, sizing);
  const limits = textColumnLimits(plan, flow, sizing);
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  const neededText = sum([...limits.values()].map((l) => l.min));

  // A lane is never narrower than its header's longest word (lane names wrap after a slash, never inside a word).
  const headerWord = plan.pelaksana.lanes.map((lane) => Math.ceil(longestWordWidth(lane.label.replace(/\//g, '/ '), base.headerFontSize, true) + 2 * 2 + 1));
  // A lane whose step writes a branch label under its diamond is made wide enough for the label's
  // longest word beside the arrow, so the label never has to cross the lane's lines (up to a limit).
  const labelWords = longestLabelWordByLane(flow, base.labelFontSize);
  const laneWidthsFor = (laneWidth: number) =>
    Array.from({ length: laneCount }, (_, lane) => {
      const own = Math.max(laneWidth, headerWord[lane] ?? 0);
      const word = labelWords.get(lane);
      if (word === undefined) return own;
      return Math.max(own, Math.min(laneWidth + MAX_LABEL_WIDENING, laneWidthForLabel(word)));
    });
  const layoutOptionsFor = (laneWidth: number, textWidths: Partial<Record<TextColumnKey, number>>): SwimlaneLayoutOptions => ({
    actors: doc.actors,
    laneWidth,
    laneWidths: laneWidthsFor(laneWidth),
    symbolSizes: PRINT_SYMBOLS,
    labelFontSize: base.labelFontSize,
    text: { fontSize: base.fontSize, lineHeight: base.lineHeight, cellPaddingX: base.cellPaddingX, cellPaddingY: base.cellPaddingY },
    textColumns: {
      kegiatan: textWidths.kegiatan ?? 0,
      kelengkapan: textWidths.kelengkapan ?? 0,
      waktu: textWidths.waktu ?? 0,
      output: textWidths.output ?? 0,
      keterangan: textWidths.keterangan ?? 0,
    },
  });
  // Lanes start where the symbols are at their printed size and give way, down to a floor, until
  // the text columns have their least width (their longest words): text is what people read.
  const natural = Math.ceil(WIDEST_SYMBOL + 2 * LANE_GUTTER);
  const floor = Math.ceil(WIDEST_SYMBOL * MIN_SYMBOL_SCALE + 2 * MIN_GUTTER);
  const share = (budget: number, minRows?: ReadonlyMap<string, number>) => sizeTextColumns(plan, flow, budget, sizing, minRows ? { minRowHeights: minRows } : {});
  // Candidate lane widths are compared on estimates (rows and widths, no arrows routed); only the
  // chosen one is laid out.
  // Pass 1: the side channels' width depends on the flow (back-edges, labels), so measure it once.
  // Neither it nor a row's least height (its symbols) depends on the text columns' widths, so
  // this pass gives the text none: no text is wrapped for rows whose heights are not used.
  const frameAt = (laneWidth: number) => {
    const first = estimateSwimlane(flow, layoutOptionsFor(laneWidth, {}));
    const extra = first.width - sum(laneWidthsFor(laneWidth));
    const minRows = new Map(first.bands.filter((b) => b.kind === 'step').map((b) => [b.key, b.minHeight] as const));
    return { extra, minRows };
  };
  const sizeAt = (laneWidth: number, frame = frameAt(laneWidth)) => {
    const { extra, minRows } = frame;
    // Pass 2: the text columns share the rest, knowing which rows their symbols make tall anyway
    // (text there is free up to that height).
    const textBudget = width - noWidth - sum(laneWidthsFor(laneWidth)) - extra;
    const textWidths = share(textBudget, minRows);
    // Rounding leftovers go to Kegiatan so the table fills the page exactly.
    textWidths.kegiatan = textBudget - plan.textColumns.filter((c) => c.key !== 'kegiatan').reduce((s, c) => s + textWidths[c.key as TextColumnKey], 0);
    const layoutOptions = layoutOptionsFor(laneWidth, textWidths);
    return { laneWidth, textWidths, extra, layoutOptions, rows: estimateSwimlane(flow, layoutOptions) };
  };
  const textFits = (laneWidth: number, extra: number) => width - noWidth - sum(laneWidthsFor(laneWidth)) - extra >= neededText;
  let widest = natural;
  const probe = frameAt(natural);
  while (widest > floor && !textFits(widest, probe.extra)) widest -= 2;
  // Among lane widths from there down, the one whose table takes the fewest pages (rows with long
  // texts get shorter as lanes give their room to the text); on a tie, the widest: bigger symbols.
  const body = Math.max(100, box.contentHeight - PAGE_CHROME - (options.heading ? HEADING : 0));
  // Pages as the paginator would cut the estimated rows, connectors counted.
  const pages = (c: ReturnType<typeof sizeAt>) =>
    paginate({ rows: c.rows.bands, links: c.rows.links, firstPageBody: body, pageBody: body, tableHeader: 0, bandHeight: connectorBandHeight(c.layoutOptions), connectorsPerBand: laneCount }).pages.length;
  let chosen = widest === natural ? sizeAt(natural, probe) : sizeAt(widest);
  let chosenPages = pages(chosen);
  // Symbols give way to save pages only down to this share of their printed size.
  // Where the text already pushed the symbols below that share (many lanes, portrait), every page
  // counts: they may go down to the floor if that saves one.
  const savingFloor = Math.ceil(WIDEST_SYMBOL * SAVING_SYMBOL_SCALE + 2 * MIN_GUTTER);
  const searchFloor = widest > savingFloor ? savingFloor : floor;
  if (chosenPages > 1 && widest - searchFloor >= 2) {
    // Fewer lanes' room means no more pages (the text gets it): find the fewest pages at the floor,
    // then the widest lane that still prints on that many, by halving.
    const narrowest = sizeAt(searchFloor);
    const fewest = pages(narrowest);
    if (fewest < chosenPages) {
      let wide = widest; // more pages than `fewest`
      let narrow = searchFloor; // `fewest` pages
      let best = narrowest;
      while (wide - narrow > 2) {
        const mid = Math.round((wide + narrow) / 2);
        const candidate = sizeAt(mid);
        if (pages(candidate) <= fewest) {
          narrow = mid;
          best = candidate;
        } else wide = mid;
      }
      chosen = best;
      chosenPages = fewest;
    }
  }
  const { laneWidth, textWidths, layoutOptions } = chosen;
  const estimate = computeSwimlaneLayout(flow, layoutOptions);
  const resolved = resolveLayoutOptions(layoutOptions);

  const actors: ActorColumn[] = estimate.lanes.map((lane, i) => {
    const isFirst = i === 0;
    const isLast = i === estimate.lanes.length - 1;
    // The first and last actor columns also hold the side channels (and the exit markers).
    const left = isFirst ? 0 : lane.x;
    const right = isLast ? estimate.width : lane.x + lane.width;
    return { actorId: lane.actorId, lane: lane.index, label: plan.pelaksana.lanes[i]?.label ?? lane.label, width: right - left };
  });
  const columns: TableColumns = {
    plan,
    no: plan.no ? { label: plan.no.label, width: noWidth } : null,
    kegiatan: { label: plan.kegiatan.label, width: textWidths.kegiatan },
    pelaksanaLabel: plan.pelaksana.label,
    actors,
    mutuBakuLabel: plan.mutuBaku.label,
    mutuBaku: plan.mutuBaku.columns.map((c) => ({ key: c.key, label: c.label, width: textWidths[c.key] })),
    keterangan: plan.keterangan ? { label: plan.keterangan.label, width: textWidths.keterangan } : null,
    totalLabel: plan.totalLabel,
    width,
    actorsX: noWidth + textWidths.kegiatan,
  };
  const metrics: PrintMetrics = {
    ...base,
    laneWidth,
    symbolWidth: resolved.symbolWidth,
    symbolHeight: resolved.symbolHeight,
    symbolScale: Math.round((resolved.symbolSize('process').width / PRINT_SYMBOLS.process.width) * 1000) / 1000,
  };
  return { columns, metrics, layoutOptions, estimate };
}

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
    // As printed: an inferred label in brackets, an illegible one as "?".
    const text = branchLabelText(edge.label, { inferred: edge.inferred?.includes('label') ?? false, unknown: edge.labelUnknown === true });
    if (!text || lane === undefined) continue;
    needs.set(lane, Math.max(needs.get(lane) ?? 0, longestLabelWord(text, fontSize)));
  }
  return needs;
}
