/**
 * Where the paper-table parts of the canvas go, around the swimlane layout:
 * No and Kegiatan on the left, the lanes (from computeSwimlaneLayout), then
 * the Mutu Baku columns (Kelengkapan, Waktu, Output) and Keterangan, under a
 * two-row header. Pure: the canvas and its tests share it.
 */
import type { Columns, Flow, SopDocument } from '../../schemas/generated/sop.types';
import { computeSwimlaneLayout, type SwimlaneLayout, type SwimlaneLayoutOptions } from '../../core/layout';

export type TextColumnKey = 'kelengkapan' | 'waktu' | 'output' | 'keterangan';

export const CANVAS_TEXT = { fontSize: 12, lineHeight: 16, charWidth: 0.52, cellPaddingX: 6, cellPaddingY: 4 } as const;

/** Widths on screen; a column the SOP does not print gets 0 and disappears. */
export const SCREEN_COLUMN_WIDTHS = {
  no: 40,
  kegiatan: 260,
  kelengkapan: 160,
  waktu: 96,
  output: 140,
  keterangan: 130,
} as const;

/** From this many steps on, the canvas draws only the symbols, arrows and rows near the visible area. */
export const VIRTUALIZE_FROM_STEPS = 60;

export const HEADER_GROUP_HEIGHT = 26;
export const HEADER_NAMES_HEIGHT = 48;
export const HEADER_HEIGHT = HEADER_GROUP_HEIGHT + HEADER_NAMES_HEIGHT;
export const LANE_WIDTH = 120;
export const SYMBOL_WIDTH = 54;

export interface TableColumn {
  key: 'no' | 'kegiatan' | TextColumnKey;
  x: number;
  width: number;
}

export interface CanvasGeometry {
  layout: SwimlaneLayout;
  /** Left edge of the swimlane area (layout x = 0) in canvas coordinates. */
  flowX: number;
  /** Top of the first row (layout y = 0) in canvas coordinates. */
  flowY: number;
  leftColumns: TableColumn[];
  rightColumns: TableColumn[];
  width: number;
  height: number;
}

/** The columns an SOP shows: all when it says nothing, else the ones it names. */
export function shownColumns(columns: Columns | undefined): Record<TextColumnKey | 'kegiatan', boolean> {
  const all = columns === undefined || Object.keys(columns).length === 0;
  const has = (key: keyof Columns) => all || columns?.[key] !== undefined;
  return {
    kegiatan: true,
    kelengkapan: has('kelengkapan'),
    waktu: has('waktu'),
    output: has('output'),
    keterangan: has('keterangan'),
  };
}

export function layoutOptionsFor(doc: SopDocument): SwimlaneLayoutOptions {
  const shown = shownColumns(doc.columns);
  const width = (key: TextColumnKey | 'kegiatan') => (shown[key] ? SCREEN_COLUMN_WIDTHS[key] : 0);
  return {
    actors: doc.actors,
    laneWidth: LANE_WIDTH,
    symbolWidth: SYMBOL_WIDTH,
    textColumns: {
      kegiatan: width('kegiatan'),
      kelengkapan: width('kelengkapan'),
      waktu: width('waktu'),
      output: width('output'),
      keterangan: width('keterangan'),
    },
    text: CANVAS_TEXT,
  };
}

export function computeCanvasGeometry(
  doc: SopDocument,
  flow: Flow,
  measure?: (flow: Flow, columns: Record<TextColumnKey | 'kegiatan', number>) => ReadonlyMap<string, number> | null,
): CanvasGeometry {
  const options = layoutOptionsFor(doc);
  const measured = measure?.(flow, options.textColumns as Record<TextColumnKey | 'kegiatan', number>);
  const layout = computeSwimlaneLayout(flow, measured ? { ...options, rowHeights: measured } : options);
  const shown = shownColumns(doc.columns);
  const leftColumns: TableColumn[] = [
    { key: 'no', x: 0, width: SCREEN_COLUMN_WIDTHS.no },
    { key: 'kegiatan', x: SCREEN_COLUMN_WIDTHS.no, width: SCREEN_COLUMN_WIDTHS.kegiatan },
  ];
  const flowX = SCREEN_COLUMN_WIDTHS.no + SCREEN_COLUMN_WIDTHS.kegiatan;
  // The lanes area is at least one lane wide, so an SOP without lanes still shows where they go.
  let x = flowX + Math.max(layout.width, LANE_WIDTH);
  const rightColumns: TableColumn[] = [];
  for (const key of ['kelengkapan', 'waktu', 'output', 'keterangan'] as const) {
    if (!shown[key]) continue;
    rightColumns.push({ key, x, width: SCREEN_COLUMN_WIDTHS[key] });
    x += SCREEN_COLUMN_WIDTHS[key];
  }
  return {
    layout,
    flowX,
    flowY: HEADER_HEIGHT,
    leftColumns,
    rightColumns,
    width: x,
    height: HEADER_HEIGHT + Math.max(layout.height, 60),
  };
}

/** How far the wheel and the minus button zoom out; "fit" goes further when a long table needs it. */
export const MIN_CANVAS_ZOOM = 0.1;

/**
 * The viewport that shows the whole paper table (header rows, the No and
 * Kegiatan columns, the lanes, Mutu Baku and Keterangan) inside a view of
 * `viewWidth` × `viewHeight` pixels with `margin` pixels around it, centred.
 * Like bpmn.io's "fit viewport", it never enlarges past 100 %: a small table
 * is shown at its real size.
 */
export function fitTableViewport(
  geometry: Pick<CanvasGeometry, 'width' | 'height'>,
  viewWidth: number,
  viewHeight: number,
  margin = 16,
): { x: number; y: number; zoom: number } {
  const availableWidth = Math.max(1, viewWidth - 2 * margin);
  const availableHeight = Math.max(1, viewHeight - 2 * margin);
  const zoom = Math.max(0.001, Math.min(1, availableWidth / geometry.width, availableHeight / geometry.height));
  return {
    x: (viewWidth - geometry.width * zoom) / 2,
    y: Math.max(margin, (viewHeight - geometry.height * zoom) / 2),
    zoom,
  };
}

/** The lane index under a canvas x, or -1 when x is outside the lanes. */
export function laneAt(geometry: CanvasGeometry, canvasX: number): number {
  const x = canvasX - geometry.flowX;
  return geometry.layout.lanes.findIndex((lane) => x >= lane.x && x < lane.x + lane.width);
}

/** The row (index into layout.rows) nearest to a canvas y. */
export function rowAt(geometry: CanvasGeometry, canvasY: number): number {
  const y = canvasY - geometry.flowY;
  const rows = geometry.layout.rows;
  if (rows.length === 0) return -1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (y < row.y + row.height) return i;
  }
  return rows.length - 1;
}
