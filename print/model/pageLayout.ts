/**
 * The flowchart of one printed page: the rows of the page and the arrows
 * routed again with the same router as the whole flow. An arrow whose other
 * end is on another page ends (or starts) at a lettered off-page connector,
 * so nothing is drawn across the page break. The connectors sit in the lane
 * cells of the page's first and last rows, as signed SOPs draw them, not in
 * rows of their own: for the router they have a band of their own, which the
 * table prints as part of that row (`mergedInto`), with no rule between.
 */
import { tableGrid } from '../../core/layout/computeSwimlaneLayout';
import { placeLabels } from '../../core/layout/labels';
import { resolveLayoutOptions } from '../../core/layout/options';
import { routeEdges, type EdgeRequest } from '../../core/layout/routing';
import type { LayoutBand, LayoutEdge, LayoutNode, SwimlaneLayout, SwimlaneLayoutOptions } from '../../core/layout/types';
import type { PageConnector, PaginationLink, PaginationRow, PlannedPage } from './paginate';

export interface PageBand extends LayoutBand {
  kind: 'connectors' | 'step' | 'section';
  /** Step or section id; for connector bands `top-<n>` / `bottom-<n>`. */
  key: string;
  /** Connector bands: the row (first or last of the page) whose cells they are printed in. */
  mergedInto?: string;
}

export interface PageConnectorNode {
  letter: string;
  /** The document edge this connector continues. */
  edgeId: string;
  nodeId: string;
  direction: 'out' | 'in';
}

export interface PageDrawing {
  bands: PageBand[];
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  connectors: PageConnectorNode[];
  lanes: SwimlaneLayout['lanes'];
  channels: SwimlaneLayout['channels'];
  width: number;
  height: number;
}

/**
 * Height a row grows by for its connectors: one connector and a corridor. An
 * arrow meets a connector on one side only (it enters a connector at a page's
 * foot from above, leaves one at a page's head downwards), so half a
 * corridor on each side is room enough.
 */
export function connectorBandHeight(options: SwimlaneLayoutOptions): number {
  const opts = resolveLayoutOptions(options);
  return Math.ceil(opts.symbolSize('connector').height + opts.corridor + 2);
}

/** The rows and arrows of a layout as pagination input. */
export function paginationInput(layout: SwimlaneLayout): { rows: PaginationRow[]; links: PaginationLink[] } {
  const bandOf = new Map(layout.nodes.map((n) => [n.id, n.band] as const));
  return {
    rows: layout.bands.map((b) => ({ key: b.key, height: b.height, kind: b.kind })),
    links: layout.edges
      .filter((e) => e.kind === 'forward' || e.kind === 'back')
      .map((e) => ({ id: e.id, from: bandOf.get(e.from)!, to: bandOf.get(e.to)! })),
  };
}

export function layoutPage(layout: SwimlaneLayout, options: SwimlaneLayoutOptions, page: PlannedPage): PageDrawing {
  const opts = resolveLayoutOptions(options);
  const bandHeight = connectorBandHeight(options);
  const bands: PageBand[] = [];
  let y = 0;
  for (let i = 0; i < page.topBands; i++, y += bandHeight) bands.push({ kind: 'connectors', key: `top-${i}`, y, height: bandHeight });
  const firstRowBand = bands.length;
  const shift = y - (layout.bands[page.start]?.y ?? 0);
  for (let b = page.start; b < page.end; b++) {
    const band = layout.bands[b]!;
    bands.push({ kind: band.kind, key: band.key, y: band.y + shift, height: band.height });
  }
  y = bands.length > 0 ? bands[bands.length - 1]!.y + bands[bands.length - 1]!.height : 0;
  const firstBottomBand = bands.length;
  for (let i = 0; i < page.bottomBands; i++, y += bandHeight) bands.push({ kind: 'connectors', key: `bottom-${i}`, y, height: bandHeight });
  // Connector bands print inside the page's first and last rows: no blank row of their own.
  const firstRow = bands[firstRowBand];
  const lastRow = bands[firstBottomBand - 1];
  for (const band of bands) {
    if (band.kind !== 'connectors') continue;
    const into = band.key.startsWith('top-') ? firstRow : lastRow;
    if (into && into.kind !== 'connectors') band.mergedInto = into.key;
  }

  const onPage = (node: LayoutNode) => node.band >= page.start && node.band < page.end;
  const nodes: LayoutNode[] = layout.nodes
    .filter(onPage)
    .map((node) => ({ ...node, band: node.band - page.start + firstRowBand, y: node.y + shift }));
  const nodeById = new Map(layout.nodes.map((n) => [n.id, n] as const));
  const edgeById = new Map(layout.edges.map((e) => [e.id, e] as const));
  const laneCount = layout.lanes.length;
  const { width: sw, height: sh } = opts.symbolSize('connector');

  // Connectors: in the lane of the step they stand for, or for a back-edge in the lane next to its channel.
  const connectors: PageConnectorNode[] = [];
  const place = (list: readonly PageConnector[], firstBand: number, bandCount: number) => {
    const taken: Array<Set<number>> = Array.from({ length: bandCount }, () => new Set());
    for (const connector of list) {
      const edge = edgeById.get(connector.linkId)!;
      const stepNode = nodeById.get(connector.direction === 'out' ? edge.from : edge.to)!;
      const wanted = edge.kind === 'back' ? (edge.channel?.side === 'right' ? laneCount - 1 : 0) : stepNode.lane;
      let sub = 0;
      let lane = -1;
      for (; sub < bandCount && lane < 0; sub++) lane = nearestFreeLane(wanted, laneCount, taken[sub]!);
      sub -= 1;
      if (lane < 0) lane = wanted; // cannot happen: bands are sized for their connectors
      taken[sub]!.add(lane);
      const band = bands[firstBand + sub]!;
      const l = layout.lanes[lane]!;
      const id = `connector#${connector.letter}#${connector.direction}`;
      nodes.push({
        id,
        stepId: stepNode.stepId,
        actorId: l.actorId,
        kind: 'connector',
        lane,
        band: firstBand + sub,
        chainIndex: 0,
        chainLength: 1,
        external: false,
        text: connector.letter,
        x: round(l.x + (l.width - sw) / 2),
        y: round(band.y + (band.height - sh) / 2),
        width: sw,
        height: sh,
      });
      connectors.push({ letter: connector.letter, edgeId: connector.linkId, nodeId: id, direction: connector.direction });
    }
  };
  place(page.top, 0, page.topBands);
  place(page.bottom, firstBottomBand, page.bottomBands);
  const connectorOf = new Map(connectors.map((c) => [`${c.edgeId}:${c.direction}`, c.nodeId] as const));

  const requests: EdgeRequest[] = [];
  const labels = new Map<string, string>();
  const pageNodeIds = new Set(nodes.map((n) => n.id));
  for (const edge of layout.edges) {
    const base = { sourceEdgeId: edge.sourceEdgeId, kind: edge.kind, ...(edge.channel ? { channel: edge.channel } : {}), ...(edge.alternative ? { alternative: true } : {}) };
    const fromHere = pageNodeIds.has(edge.from);
    const toHere = pageNodeIds.has(edge.to);
    if (fromHere && toHere) {
      requests.push({ id: edge.id, from: edge.from, to: edge.to, ...base });
      if (edge.label) labels.set(edge.id, edge.label.text);
    } else if (fromHere) {
      const id = `${edge.id}~out`;
      requests.push({ id, from: edge.from, to: connectorOf.get(`${edge.id}:out`)!, ...base });
      if (edge.label) labels.set(id, edge.label.text);
    } else if (toHere) {
      requests.push({ id: `${edge.id}~in`, from: connectorOf.get(`${edge.id}:in`)!, to: edge.to, ...base });
    }
  }
  const scene = { lanes: layout.lanes, bands, nodes, channels: layout.channels, options: opts };
  const edges = routeEdges(scene, requests);
  const height = y;
  placeLabels(edges, labels, nodes, { x: 0, y: 0, width: layout.width, height }, Math.min(...layout.lanes.map((l) => l.width)), opts, pageGrid(layout.lanes, bands));
  return { bands, nodes, edges, connectors, lanes: layout.lanes, channels: layout.channels, width: layout.width, height };
}

/** The lines the printed page draws: between lanes, and between rows except inside a row that holds connectors. */
export function pageGrid(lanes: SwimlaneLayout['lanes'], bands: readonly PageBand[]): { xs: number[]; ys: number[] } {
  const printedRow = (band: PageBand) => band.mergedInto ?? band.key;
  const ys: number[] = [];
  for (let i = 1; i < bands.length; i++) if (printedRow(bands[i - 1]!) !== printedRow(bands[i]!)) ys.push(bands[i]!.y);
  return { xs: tableGrid(lanes, bands).xs, ys };
}

function nearestFreeLane(wanted: number, count: number, taken: ReadonlySet<number>): number {
  for (let d = 0; d < count; d++) {
    for (const lane of [wanted - d, wanted + d]) if (lane >= 0 && lane < count && !taken.has(lane)) return lane;
  }
  return -1;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
