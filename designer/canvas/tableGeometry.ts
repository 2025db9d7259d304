/**
 * Where the paper-table parts of the canvas go, around the swimlane layout:
 * the table plan's columns (core/table, the same the print uses: No only when
 * the SOP has it, Kegiatan, the lanes from computeSwimlaneLayout, then the
 * Mutu Baku columns and Keterangan) under its two header rows. Widths follow
 * the plan's rules at a fixed budget, so they do not move while the drafter
 * types. Pure: the canvas and its tests share it.
 */
import type { Flow, SopDocument } from '../../schemas/generated/sop.types';
import { computeSwimlaneLayout, type SwimlaneLayout, type SwimlaneLayoutOptions } from '../../core/layout';
import { symbolSizes } from '../../core/notation';
import { nominalColumnWidths, planTable, type TablePlan, type TextColumnKey } from '../../core/table';

export type { TextColumnKey };

export const CANVAS_TEXT = { fontSize: 12, lineHeight: 16, charWidth: 0.52, cellPaddingX: 6, cellPaddingY: 4 } as const;

/** The text columns share this many ems of the screen (No and the lanes come on top). */
export const CANVAS_TEXT_BUDGET_EM = 66;
/** The No column on screen: a few digits. */
export const CANVAS_NO_WIDTH = 40;

/** From this many steps on, the canvas draws only the symbols, arrows and rows near the visible area. */
export const VIRTUALIZE_FROM_STEPS = 60;

export const HEADER_GROUP_HEIGHT = 26;
export const HEADER_NAMES_HEIGHT = 48;
export const HEADER_HEIGHT = HEADER_GROUP_HEIGHT + HEADER_NAMES_HEIGHT;
export const LANE_WIDTH = 120;
/** The registry's symbols on screen: a printed point is a screen pixel (three quarters of print size). */
export const CANVAS_SYMBOL_SCALE = 0.75;

export interface TableColumn {
  key: 'no' | TextColumnKey;
  x: number;
  width: number;
}

export interface CanvasGeometry {
  layout: SwimlaneLayout;
  /** The shared table plan: which columns, in which order, under which header rows. */
  plan: TablePlan;
  /** Left edge of the swimlane area (layout x = 0) in canvas coordinates. */
  flowX: number;
  /** Top of the first row (layout y = 0) in canvas coordinates. */
  flowY: number;
  leftColumns: TableColumn[];
  rightColumns: TableColumn[];
  width: number;
  height: number;
}

/** Widths of the text columns the SOP has on screen; 0 for the ones it does not have. */
export function canvasTextColumns(doc: SopDocument, flow: Flow): Record<TextColumnKey, number> {
  const widths = nominalColumnWidths(planTable(doc, flow, 'id'), CANVAS_TEXT_BUDGET_EM, CANVAS_TEXT.fontSize);
  return { kegiatan: widths.kegiatan ?? 0, kelengkapan: widths.kelengkapan ?? 0, waktu: widths.waktu ?? 0, output: widths.output ?? 0, keterangan: widths.keterangan ?? 0 };
}

export function layoutOptionsFor(doc: SopDocument, flow: Flow): SwimlaneLayoutOptions {
  return {
    actors: doc.actors,
    laneWidth: LANE_WIDTH,
    symbolSizes: symbolSizes(CANVAS_SYMBOL_SCALE),
    textColumns: canvasTextColumns(doc, flow),
    text: CANVAS_TEXT,
  };
}

export function computeCanvasGeometry(
  doc: SopDocument,
  flow: Flow,
  measure?: (flow: Flow, columns: Record<TextColumnKey, number>) => ReadonlyMap<string, number> | null,
): CanvasGeometry {
  const plan = planTable(doc, flow, 'id');
  const options = layoutOptionsFor(doc, flow);
  const text = options.textColumns as Record<TextColumnKey, number>;
  const measured = measure?.(flow, text);
  const layout = computeSwimlaneLayout(flow, measured ? { ...options, rowHeights: measured } : options);
  const leftColumns: TableColumn[] = [];
  let x = 0;
  if (plan.no) {
    leftColumns.push({ key: 'no', x, width: CANVAS_NO_WIDTH });
    x += CANVAS_NO_WIDTH;
  }
  leftColumns.push({ key: 'kegiatan', x, width: text.kegiatan });
  x += text.kegiatan;
  const flowX = x;
  // The lanes area is at least one lane wide, so an SOP without lanes still shows where they go.
  x = flowX + Math.max(layout.width, LANE_WIDTH);
  const rightColumns: TableColumn[] = [];
  for (const column of plan.textColumns) {
    if (column.key === 'kegiatan') continue;
    const key = column.key as TextColumnKey;
    rightColumns.push({ key, x, width: text[key] });
    x += text[key];
  }
  return {
    layout,
    plan,
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
