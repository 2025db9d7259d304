/**
 * Branch labels (Ya / Tidak / memenuhi syarat) are written beside the
 * diamond's exit, as on paper. Each label tries a few spots around the first
 * segment of its arrow and takes the first that covers no symbol, no other
 * label and no other arrow run.
 */
import { rectsIntersect, segmentCrossesRect } from './geometry';
import type { ResolvedLayoutOptions } from './options';
import { wrapText } from './textMetrics';
import type { EdgeLabel, LayoutEdge, LayoutNode, Point, Rect } from './types';

const LABEL_CHAR_WIDTH = 0.55;
const LABEL_MAX_WIDTH = 90;

/** A label broken into lines of at most `maxWidth` px. */
export function measureLabel(text: string, maxWidth: number, options: ResolvedLayoutOptions) {
  const fontSize = options.labelFontSize;
  const lines = wrapText(text.trim(), maxWidth, fontSize, LABEL_CHAR_WIDTH);
  const width = Math.max(...lines.map((l) => l.length * fontSize * LABEL_CHAR_WIDTH), 0);
  return { lines, width: Math.ceil(width), height: Math.ceil(lines.length * options.labelLineHeight) };
}

/** The widest a label may be: about half a lane plus the next lane's gutter. */
export function labelMaxWidth(laneWidth: number): number {
  return Math.max(36, Math.min(LABEL_MAX_WIDTH, laneWidth - 6));
}

export function placeLabels(
  edges: LayoutEdge[],
  labels: ReadonlyMap<string, string>,
  nodes: readonly LayoutNode[],
  bounds: Rect,
  laneWidth: number,
  options: ResolvedLayoutOptions,
): void {
  const maxWidth = labelMaxWidth(laneWidth);
  // Labels only ever meet what is near them: index symbols and arrow runs by height on the page.
  const nodeIndex = new YBuckets<Rect>();
  for (const node of nodes) nodeIndex.add(node, node);
  const runIndex = new YBuckets<Run>();
  for (const edge of edges) {
    for (let i = 1; i < edge.points.length; i++) {
      const a = edge.points[i - 1]!;
      const b = edge.points[i]!;
      runIndex.add({ edge, index: i, a, b }, { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) });
    }
  }
  const placedIndex = new YBuckets<Rect>();
  // Sideways exits first: their spot beside the run is the only good one, while a label under
  // a diamond can go either side of the downward run.
  const sideways = (e: LayoutEdge) => e.points.length >= 2 && e.points[0]!.y === e.points[1]!.y;
  const ordered = [...edges.filter(sideways), ...edges.filter((e) => !sideways(e))];
  for (const edge of ordered) {
    const text = labels.get(edge.id);
    if (!text || !text.trim() || edge.points.length < 2) continue;
    const p0 = edge.points[0]!;
    const p1 = edge.points[1]!;
    const gap = 3;
    const fits = (box: Rect) =>
      box.x >= bounds.x &&
      box.x + box.width <= bounds.x + bounds.width &&
      box.y >= bounds.y &&
      box.y + box.height <= bounds.y + bounds.height &&
      !nodeIndex.some(box, (n) => rectsIntersect(box, n)) &&
      !placedIndex.some(box, (p) => rectsIntersect(box, p)) &&
      !runIndex.some(box, (run) => !(run.edge === edge && run.index === 1) && segmentCrossesRect(run.a, run.b, box, 0));
    // Wider first (fewer lines), then narrower wraps for tight spots such as a lane next to a channel.
    let choice: Candidate | null = null;
    let fallback: Candidate | null = null;
    let lastLineCount = -1;
    // Never narrower than the longest word: a label is wrapped between words, never inside one.
    const longestWord = Math.max(0, ...text.split(/\s+/).map((w) => Math.ceil(w.length * options.labelFontSize * LABEL_CHAR_WIDTH) + 1));
    for (const wrap of [maxWidth, Math.round(maxWidth * 0.66), Math.round(maxWidth * 0.45)].map((w) => Math.max(w, longestWord))) {
      const m = measureLabel(text, wrap, options);
      if (m.lines.length === lastLineCount) continue;
      lastLineCount = m.lines.length;
      const spots: Candidate[] = [];
      if (p0.x === p1.x) {
        // Leaving downwards (or upwards): beside the vertical run, just off the symbol.
        const y = p1.y > p0.y ? p0.y + 1 : p0.y - 1 - m.height;
        spots.push({ ...m, x: p0.x + gap, y, anchor: 'start' }, { ...m, x: p0.x - gap - m.width, y, anchor: 'end' });
      } else {
        // Leaving sideways: above the horizontal run, else below it.
        const rightward = p1.x > p0.x;
        const x = rightward ? p0.x + gap : p0.x - gap - m.width;
        const anchor = rightward ? 'start' : 'end';
        spots.push({ ...m, x, y: p0.y - 1 - m.height, anchor }, { ...m, x, y: p0.y + 1, anchor });
      }
      fallback ??= spots[0]!;
      choice = spots.find(fits) ?? null;
      if (choice) break;
    }
    choice ??= fallback!;
    const { lines, width, height } = choice;
    const label: EdgeLabel = {
      text,
      lines,
      x: choice.x,
      y: choice.y,
      width,
      height,
      anchor: choice.anchor,
      lineHeight: options.labelLineHeight,
      fontSize: options.labelFontSize,
    };
    placedIndex.add(label, label);
    edge.label = label;
  }
}

interface Candidate extends Rect {
  lines: string[];
  anchor: 'start' | 'end';
}

interface Run {
  edge: LayoutEdge;
  index: number;
  a: Point;
  b: Point;
}

const BUCKET = 64;

/** Items filed under every 64 px slice of height they cover, for "what is near this box" queries. */
class YBuckets<T> {
  private readonly buckets = new Map<number, T[]>();

  add(item: T, box: Rect): void {
    for (let k = Math.floor(box.y / BUCKET); k <= Math.floor((box.y + box.height) / BUCKET); k++) {
      const list = this.buckets.get(k);
      if (list) list.push(item);
      else this.buckets.set(k, [item]);
    }
  }

  /** Whether any item filed near `box` passes `test` (an item may be tested more than once). */
  some(box: Rect, test: (item: T) => boolean): boolean {
    for (let k = Math.floor(box.y / BUCKET); k <= Math.floor((box.y + box.height) / BUCKET); k++) {
      const list = this.buckets.get(k);
      if (list && list.some(test)) return true;
    }
    return false;
  }
}
