/**
 * What a drawn flowchart must never show, as a checkable list of problems:
 * overlapping symbols, slanted arrows, arrows through symbols, back-edges
 * outside their channel, labels on symbols. Used by the layout tests, the
 * print tests and the designer's "opens without overlaps" test.
 */
import { isOrthogonal, rectsIntersect, segmentCrossesRect } from './geometry';
import type { LayoutBand, LayoutColumn, LayoutEdge, LayoutLane, LayoutNode, Point } from './types';

export interface DrawnFlowchart {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
  channels: { left: LayoutColumn | null; right: LayoutColumn | null };
}

export function layoutProblems(layout: DrawnFlowchart): string[] {
  const problems: string[] = [];
  const nodes = layout.nodes;
  // Symbols are sorted by top edge so only neighbours in y are compared: O(n log n) for big flows.
  const byTop = [...nodes].sort((a, b) => a.y - b.y);
  for (let i = 0; i < byTop.length; i++) {
    const a = byTop[i]!;
    for (let j = i + 1; j < byTop.length && byTop[j]!.y < a.y + a.height; j++) {
      const b = byTop[j]!;
      if (rectsIntersect(a, b)) problems.push(`symbols ${a.id} and ${b.id} overlap`);
    }
  }
  for (const edge of layout.edges) {
    if (edge.points.length < 2) problems.push(`edge ${edge.id} has fewer than two points`);
    if (!isOrthogonal(edge.points)) problems.push(`edge ${edge.id} has a slanted segment`);
    for (let i = 1; i < edge.points.length; i++) {
      const a = edge.points[i - 1]!;
      const b = edge.points[i]!;
      for (const node of symbolsNear(byTop, a, b)) {
        if (segmentCrossesRect(a, b, node)) problems.push(`edge ${edge.id} crosses symbol ${node.id}`);
      }
    }
    if (edge.kind === 'back') {
      const channel = edge.channel ? layout.channels[edge.channel.side] : null;
      const run = longestVerticalRun(edge.points);
      if (!channel) problems.push(`back-edge ${edge.id} has no channel`);
      else if (!run || run.x < channel.x || run.x > channel.x + channel.width) {
        problems.push(`back-edge ${edge.id} runs outside its ${edge.channel!.side} channel`);
      }
    }
    if (edge.label && nodes.some((n) => rectsIntersect(edge.label!, n))) problems.push(`label of ${edge.id} covers a symbol`);
  }
  const labelled = layout.edges.filter((e) => e.label);
  for (let i = 0; i < labelled.length; i++) {
    for (let j = i + 1; j < labelled.length; j++) {
      if (rectsIntersect(labelled[i]!.label!, labelled[j]!.label!)) problems.push(`labels of ${labelled[i]!.id} and ${labelled[j]!.id} overlap`);
    }
  }
  return problems;
}

function symbolsNear(byTop: readonly LayoutNode[], a: Point, b: Point): LayoutNode[] {
  const top = Math.min(a.y, b.y);
  const bottom = Math.max(a.y, b.y);
  // Binary search for the first symbol that could reach `top` (no symbol is taller than the tallest).
  const height = maxHeight(byTop);
  let lo = 0;
  let hi = byTop.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byTop[mid]!.y + height < top) lo = mid + 1;
    else hi = mid;
  }
  const out: LayoutNode[] = [];
  for (let i = lo; i < byTop.length && byTop[i]!.y <= bottom; i++) out.push(byTop[i]!);
  return out;
}

const tallest = new WeakMap<readonly LayoutNode[], number>();
function maxHeight(nodes: readonly LayoutNode[]): number {
  let h = tallest.get(nodes);
  if (h === undefined) tallest.set(nodes, (h = nodes.reduce((m, n) => Math.max(m, n.height), 0)));
  return h;
}

function longestVerticalRun(points: readonly Point[]): { x: number; length: number } | null {
  let best: { x: number; length: number } | null = null;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.x !== b.x) continue;
    const length = Math.abs(a.y - b.y);
    if (!best || length > best.length) best = { x: a.x, length };
  }
  return best;
}

/** A drawn flowchart with the table around it: its lanes and row bands draw the grid lines. */
export interface DrawnTable {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
  lanes: readonly Pick<LayoutLane, 'x'>[];
  /** A band printed as part of another row (`mergedInto` its key: a page's connectors) has no rule between them. */
  bands: ReadonlyArray<LayoutBand & { key?: string; mergedInto?: string }>;
}

/**
 * Where a branch label touches a line: an arrow (its own included), a symbol,
 * another label, a line between lanes or between rows. Labels must show none.
 */
export function labelProblems(table: DrawnTable): string[] {
  const problems: string[] = [];
  const xs = table.lanes.slice(1).map((l) => l.x);
  const printedRow = (band: DrawnTable['bands'][number], i: number) => band.mergedInto ?? band.key ?? String(i);
  const ys = table.bands.slice(1).flatMap((b, i) => (printedRow(table.bands[i]!, i) === printedRow(b, i + 1) ? [] : [b.y]));
  const labelled = table.edges.filter((e) => e.label);
  labelled.forEach((edge, i) => {
    const label = edge.label!;
    const name = `label "${label.text}" of ${edge.id}`;
    for (const other of table.edges) {
      for (let k = 1; k < other.points.length; k++) {
        if (segmentCrossesRect(other.points[k - 1]!, other.points[k]!, label, 0)) {
          problems.push(`${name} is on the arrow ${other.id}`);
          break;
        }
      }
    }
    for (const node of table.nodes) if (rectsIntersect(label, node)) problems.push(`${name} is on the symbol ${node.id}`);
    for (const x of xs) if (x > label.x && x < label.x + label.width) problems.push(`${name} is on the line between lanes at x ${x}`);
    for (const y of ys) if (y > label.y && y < label.y + label.height) problems.push(`${name} is on the line between rows at y ${y}`);
    for (const other of labelled.slice(i + 1)) if (rectsIntersect(label, other.label!)) problems.push(`${name} is on the label of ${other.id}`);
  });
  return problems;
}
