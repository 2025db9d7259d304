/**
 * The shapes a swimlane layout is made of. Coordinates are CSS pixels with the
 * origin at the top-left of the flow area: x = 0 is the left edge of the left
 * side channel (or of the first lane when there is none), y = 0 is the top of
 * the first row band. Renderers (designer canvas, print table, SVG export)
 * translate the whole layout; they never move single nodes.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The Permenpan symbols, plus `exit`: the marker where an arrow leaves the SOP. */
export type NodeKind = 'start' | 'end' | 'process' | 'decision' | 'connector' | 'exit';

export type EdgeKind = 'forward' | 'back' | 'chain' | 'leave';

export type Side = 'left' | 'right';

export type Port = 'top' | 'bottom' | 'left' | 'right';

export interface LayoutLane {
  /** Actor of this column; null for the synthetic external column of a flow without lanes. */
  actorId: string | null;
  label: string;
  index: number;
  x: number;
  width: number;
}

/** A horizontal band of the table: a step row, a phase (section) row, or a connector band. */
export interface LayoutBand {
  y: number;
  height: number;
}

export interface LayoutRow extends LayoutBand {
  stepId: string;
  /** Index of the step in `flow.steps`. */
  index: number;
  /** The least height this row can have: the symbol band plus room for branch labels. */
  minHeight: number;
}

export interface LayoutSection extends LayoutBand {
  sectionId: string;
  title: string;
  /** The step this phase row is printed above. */
  beforeStepId: string;
}

/** A vertical strip beside the lanes that holds back-edges (or exit markers). */
export interface LayoutColumn {
  x: number;
  width: number;
  /** Number of parallel tracks laid out in the strip. */
  tracks: number;
}

export interface LayoutNode extends Rect {
  id: string;
  /** The step this symbol draws; for a page connector, the step at the edge's far end. */
  stepId: string;
  actorId: string | null;
  kind: NodeKind;
  /** Lane index; -1 for exit markers, which sit in the exit column. */
  lane: number;
  /** Band index in the layout that owns the node (a row, section or connector band). */
  band: number;
  /** Position in the step's chain of actors (0 = the first actor), and the chain's length. */
  chainIndex: number;
  chainLength: number;
  /** The step's actors have no lane here; it is drawn in a borrowed lane. */
  external: boolean;
  /** Exit markers: where the arrow goes. Connectors: their letter. */
  text?: string;
  /** A parallel split (every arrow out is taken at once) or join (waits for every path): drawn as a bar on the symbol. */
  split?: true;
  join?: true;
  /** An exit marker standing for a target the source does not show legibly. */
  unknownTarget?: true;
}

export interface EdgeLabel {
  text: string;
  /** The text broken into lines that fit beside the exit. */
  lines: string[];
  /** Box of the whole label, top-left; text is left-aligned when anchor is start, right-aligned when end. */
  x: number;
  y: number;
  width: number;
  height: number;
  anchor: 'start' | 'end';
  lineHeight: number;
  fontSize: number;
}

export interface LayoutEdge {
  id: string;
  /** The document edge this arrow draws (null for chain arrows between a step's actors). */
  sourceEdgeId: string | null;
  kind: EdgeKind;
  from: string;
  to: string;
  /** Orthogonal polyline; the arrowhead is at the last point. */
  points: Point[];
  label?: EdgeLabel;
  /** Back-edges: the channel and track they run in. */
  channel?: { side: Side; track: number };
  /** Chain arrows to an either/or actor ("Kepala / Sekretaris"): drawn dashed. */
  alternative?: boolean;
  /** The drafter inferred this arrow's target (drawn dotted) or label (printed in brackets). */
  inferred?: ReadonlyArray<'label' | 'target'>;
}

/** Every band of the layout, top to bottom; nodes refer to these by index. */
export interface LayoutBandRef extends LayoutBand {
  kind: 'step' | 'section';
  /** Step id or section id. */
  key: string;
}

export interface SwimlaneLayout {
  flowId: string;
  lanes: LayoutLane[];
  bands: LayoutBandRef[];
  rows: LayoutRow[];
  sections: LayoutSection[];
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  channels: { left: LayoutColumn | null; right: LayoutColumn | null };
  /** Column right of everything that holds the markers of arrows leaving the SOP. */
  exitColumn: LayoutColumn | null;
  /** The box every symbol fits in (the widest and tallest of the kinds): gutters and corridors keep clear of it. */
  symbol: { width: number; height: number };
  /** Each kind's size as drawn. */
  symbolSizes: Readonly<Record<NodeKind, { width: number; height: number }>>;
  width: number;
  height: number;
}

/** Widths of the table's text columns, used to estimate row heights; 0 or absent = column not shown. */
export interface TextColumnWidths {
  kegiatan?: number;
  kelengkapan?: number;
  waktu?: number;
  output?: number;
  keterangan?: number;
}

export interface TextMetrics {
  /** Font size in px of table text. */
  fontSize: number;
  lineHeight: number;
  /** Average glyph advance as a fraction of the font size (0.5 suits Arial/Liberation Sans). */
  charWidth: number;
  /** Horizontal and vertical padding of a table cell. */
  cellPaddingX: number;
  cellPaddingY: number;
}

export interface SwimlaneLayoutOptions {
  /** Labels of the lanes; without them a lane is labelled with its actor id. */
  actors?: ReadonlyArray<{ id: string; label: string }>;
  /** Width of every lane, or of each lane in order. */
  laneWidth?: number;
  laneWidths?: readonly number[];
  /** One size for every symbol (when `symbolSizes` is absent). */
  symbolWidth?: number;
  symbolHeight?: number;
  /**
   * Each kind's own size (from the step-kind registry, `symbolSizes()` in
   * core/notation). When the narrowest lane cannot hold the widest with its
   * gutters, all shrink by one factor, so they keep their proportions.
   */
  symbolSizes?: Readonly<Record<NodeKind, { width: number; height: number }>>;
  /**
   * Measured heights of the row bands, by step id (and section id for phase
   * rows). When given, they are used as they are, raised only to the row's
   * minHeight so the symbol band always fits (renderers apply the same
   * minimum, see `minRowHeights`).
   */
  rowHeights?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  textColumns?: TextColumnWidths;
  text?: Partial<TextMetrics>;
  /** Distance between parallel back-edges in a side channel. */
  trackGap?: number;
  exitColumnWidth?: number;
  labelFontSize?: number;
}
