import type { SwimlaneLayoutOptions, TextColumnWidths, TextMetrics } from './types';

/** Every option with its value decided, so the layout modules never repeat defaults. */
export interface ResolvedLayoutOptions {
  laneWidths: (lane: number) => number;
  symbolWidth: number;
  symbolHeight: number;
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
  // Symbols are all one size; they shrink to leave gutters in the narrowest lane.
  const symbolWidth = Math.max(12, Math.min(options.symbolWidth ?? 44, narrowest - 2 * MIN_GUTTER));
  const symbolHeight = Math.max(10, Math.min(options.symbolHeight ?? Math.round(symbolWidth * 0.62), 200));
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
    rowHeights,
    textColumns: { ...DEFAULT_TEXT_COLUMNS, ...options.textColumns },
    text: { ...DEFAULT_TEXT_METRICS, ...options.text },
    trackGap: options.trackGap ?? 7,
    exitColumnWidth: options.exitColumnWidth ?? 120,
    labelFontSize,
    labelLineHeight: Math.round(labelFontSize * 1.2 * 10) / 10,
    corridor: Math.max(8, Math.round(symbolHeight * 0.35)),
    actorLabels: new Map((options.actors ?? []).map((a) => [a.id, a.label])),
  };
}
