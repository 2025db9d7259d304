import type { NodeKind, SwimlaneLayoutOptions, TextColumnWidths, TextMetrics } from './types';

/** Every option with its value decided, so the layout modules never repeat defaults. */
export interface ResolvedLayoutOptions {
  laneWidths: (lane: number) => number;
  /** The box every symbol fits in: the widest and the tallest kind. Gutters keep clear of it. */
  symbolWidth: number;
  symbolHeight: number;
  /** Each kind's size, scaled to the lanes. */
  symbolSize: (kind: NodeKind) => { width: number; height: number };
  rowHeights: ((key: string) => number | undefined) | null;
  textColumns: Required<TextColumnWidths>;
  text: TextMetrics;
  trackGap: number;
  exitColumnWidth: number;
  labelFontSize: number;
  labelLineHeight: number;
  /** Free space kept above and below a symbol inside its row, for the horizontal runs of arrows. */
  corridor: number;
  actorLabels: ReadonlyMap<string, string>;
}

export const DEFAULT_TEXT_METRICS: TextMetrics = {
  fontSize: 11,
  lineHeight: 14,
  charWidth: 0.5,
  cellPaddingX: 4,
  cellPaddingY: 3,
};

export const DEFAULT_TEXT_COLUMNS: Required<TextColumnWidths> = {
  kegiatan: 240,
  kelengkapan: 120,
  waktu: 70,
  output: 110,
  keterangan: 110,
};

const DEFAULT_LANE_WIDTH = 96;
/** A lane must leave at least this much beside its symbol on each side, for vertical arrow runs. */
export const MIN_GUTTER = 8;

export function resolveLayoutOptions(options: SwimlaneLayoutOptions = {}): ResolvedLayoutOptions {
  const laneWidth = Math.max(options.laneWidth ?? DEFAULT_LANE_WIDTH, 24);
  const widths = options.laneWidths;
  const laneWidths = (lane: number) => Math.max(widths?.[lane] ?? laneWidth, 24);
  const narrowest = Math.min(laneWidth, ...(widths ?? []));
  const { symbolSize, symbolWidth, symbolHeight, baseHeight } = resolveSymbolSizes(options, narrowest);
  const labelFontSize = options.labelFontSize ?? 9;
  const measured = options.rowHeights;
  let rowHeights: ResolvedLayoutOptions['rowHeights'] = null;
  if (measured instanceof Map) rowHeights = (key) => measured.get(key);
  else if (measured) {
    const record = measured as Readonly<Record<string, number>>;
    rowHeights = (key) => (Object.hasOwn(record, key) ? record[key] : undefined);
  }
  return {
    laneWidths,
    symbolWidth,
    symbolHeight,
    symbolSize,
    rowHeights,
    textColumns: { ...DEFAULT_TEXT_COLUMNS, ...options.textColumns },
    text: { ...DEFAULT_TEXT_METRICS, ...options.text },
    trackGap: options.trackGap ?? 7,
    exitColumnWidth: options.exitColumnWidth ?? 120,
    labelFontSize,
    labelLineHeight: Math.round(labelFontSize * 1.2 * 10) / 10,
    // From the process box, the common symbol: a diamond's height must not widen every row's corridors.
    corridor: Math.max(8, Math.round(baseHeight * 0.35)),
    actorLabels: new Map((options.actors ?? []).map((a) => [a.id, a.label])),
  };
}

const KINDS: readonly NodeKind[] = ['start', 'end', 'process', 'decision', 'connector', 'exit'];

/**
 * Symbol sizes: each kind's own (`symbolSizes`), or one size for all. They
 * shrink, all by one factor, to leave gutters in the narrowest lane.
 */
function resolveSymbolSizes(options: SwimlaneLayoutOptions, narrowest: number) {
  const room = narrowest - 2 * MIN_GUTTER;
  if (!options.symbolSizes) {
    // Symbols are all one size; they shrink to leave gutters in the narrowest lane.
    const width = Math.max(12, Math.min(options.symbolWidth ?? 44, room));
    const height = Math.max(10, Math.min(options.symbolHeight ?? Math.round(width * 0.62), 200));
    return { symbolSize: () => ({ width, height }), symbolWidth: width, symbolHeight: height, baseHeight: height };
  }
  const given = options.symbolSizes;
  const widest = Math.max(...KINDS.map((k) => given[k]?.width ?? 0));
  const scale = widest > 0 ? Math.max(0.35, Math.min(1, room / widest)) : 1;
  const r = (n: number) => Math.round(n * scale * 100) / 100;
  const sizes = new Map<NodeKind, { width: number; height: number }>();
  for (const kind of KINDS) {
    const size = given[kind] ?? given.process ?? { width: 44, height: 27 };
    sizes.set(kind, { width: Math.max(8, r(size.width)), height: Math.max(8, r(size.height)) });
  }
  return {
    symbolSize: (kind: NodeKind) => sizes.get(kind) ?? sizes.get('process')!,
    symbolWidth: Math.max(...[...sizes.values()].map((s) => s.width)),
    symbolHeight: Math.max(...[...sizes.values()].map((s) => s.height)),
    baseHeight: sizes.get('process')!.height,
  };
}
