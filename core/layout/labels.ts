/**
 * Branch labels (Ya / Tidak / memenuhi syarat) are written beside the
 * diamond's exit, as on paper, and never on a line: not on an arrow, not on a
 * symbol, not on another label, and not on the table's grid (the lines between
 * lanes and between rows, which the canvas and the printed table both draw).
 * Each label tries spots beside the first runs of its arrow, inside one cell
 * of the grid, wrapped to the room that cell leaves, and takes the first
 * spot that is clear.
 */
import { rectsIntersect, segmentCrossesRect } from './geometry';
import type { ResolvedLayoutOptions } from './options';
import { textWidth as labelTextWidth } from './textMetrics';
import type { EdgeLabel, LayoutEdge, LayoutNode, Point, Rect } from './types';

export { labelTextWidth };

const LABEL_MAX_WIDTH = 90;
/** Distance between a label and the arrow run it sits beside. */
const GAP = 3;
/** Free space kept between a label and a grid line. */
const CLEARANCE = 1;
/** Free space kept between a label and any arrow. */
const RUN_CLEARANCE = 1;
/** Labels are looked for beside this many runs of their arrow, the first (at the diamond) first. */
const RUNS_TRIED = 3;
/** How many lines down (or up) a vertical run a label may slide to get past what is in its way. */
const SLIDE_STEPS = 12;

/** Greedy word wrap to `maxWidth` px; a word wider than a line gets a line of its own (labels are never cut inside a word). */
function wrapLabel(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && labelTextWidth(candidate, fontSize) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** A label broken into lines of at most `maxWidth` px (a single word may be wider). */
export function measureLabel(text: string, maxWidth: number, options: Pick<ResolvedLayoutOptions, 'labelFontSize' | 'labelLineHeight'>) {
  const fontSize = options.labelFontSize;
  const lines = wrapLabel(text.trim(), maxWidth, fontSize);
  const width = Math.max(0, ...lines.map((l) => labelTextWidth(l, fontSize)));
  return { lines, width: Math.ceil(width), height: Math.ceil(lines.length * options.labelLineHeight) };
}

/** The widest word of a label: no wrap makes the label narrower than this. */
export function longestLabelWord(text: string, fontSize: number): number {
  return Math.ceil(Math.max(0, ...text.split(/\s+/).map((w) => labelTextWidth(w, fontSize))));
}

/** The widest a label may be: about half a lane plus the next lane's gutter. */
export function labelMaxWidth(laneWidth: number): number {
  return Math.max(36, Math.min(LABEL_MAX_WIDTH, laneWidth - 6));
}

/**
 * The room a label has beside a downward exit in the middle of a lane: from
 * the run to the lane's edge. Rows reserve corridors for their labels with it.
 */
export function labelRoomBesideExit(laneWidth: number): number {
  return Math.max(0, Math.floor(laneWidth / 2 - GAP - CLEARANCE));
}

/**
 * The narrowest lane in which a label can stand beside a downward exit (on
 * either side of the run in the lane's middle) without touching the lane's
 * lines: twice its longest word and the gaps. A sideways exit needs no more:
 * its run goes on across the next lanes, and its label may stand past a line.
 */
export function laneWidthForLabel(longestWord: number): number {
  return Math.ceil(2 * (longestWord + GAP + CLEARANCE) + 1);
}

/** The lines of the table a label must not cross: x of the lines between lanes, y of the lines between rows. */
export interface LabelGrid {
  xs: readonly number[];
  ys: readonly number[];
}

/**
 * Places every label; returns the edges whose label found no spot clear of
 * every line (the layout then gives their rows more room and tries again).
 */
export function placeLabels(
  edges: LayoutEdge[],
  labels: ReadonlyMap<string, string>,
  nodes: readonly LayoutNode[],
  bounds: Rect,
  laneWidth: number,
  options: ResolvedLayoutOptions,
  grid: LabelGrid = { xs: [], ys: [] },
): LayoutEdge[] {
  const cramped: LayoutEdge[] = [];
  const maxWidth = labelMaxWidth(laneWidth);
  const xs = [...grid.xs].sort((a, b) => a - b);
  const ys = [...grid.ys].sort((a, b) => a - b);
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
  const crossesGrid = (box: Rect) =>
    lineWithin(xs, box.x - CLEARANCE, box.x + box.width + CLEARANCE) || lineWithin(ys, box.y - CLEARANCE, box.y + box.height + CLEARANCE);
  const clearOfDrawing = (box: Rect) =>
    box.x >= bounds.x &&
    box.x + box.width <= bounds.x + bounds.width &&
    box.y >= bounds.y &&
    box.y + box.height <= bounds.y + bounds.height &&
    !nodeIndex.some(box, (n) => rectsIntersect(box, n)) &&
    !placedIndex.some(box, (p) => rectsIntersect(box, p)) &&
    // A pixel clear of every arrow: the printed glyphs reach a little past the label's line box.
    !runIndex.some(box, (run) => segmentCrossesRect(run.a, run.b, box, -RUN_CLEARANCE));
  const cell = { xs, ys, bounds };

  // Sideways exits first: their spot beside the run is the only good one, while a label under
  // a diamond can go either side of the downward run.
  const sideways = (e: LayoutEdge) => e.points.length >= 2 && e.points[0]!.y === e.points[1]!.y;
  const ordered = [...edges.filter(sideways), ...edges.filter((e) => !sideways(e))];
  for (const edge of ordered) {
    const text = labels.get(edge.id)?.trim();
    if (!text || edge.points.length < 2) continue;
    // Best, a clear spot inside one cell of the row the arrow leaves from. A spot further along
    // the arrow, in the next row, is taken but reported: that row is followed by another step on
    // one page and by a connector on the next, so the layout gives the label room in its own row.
    // Else a spot clear of the drawing that touches the grid; else the first (a layout too
    // cramped for its labels still shows them).
    const p0 = edge.points[0]!;
    const rowTop = nextLine(ys, p0.y, -1, bounds.y);
    const rowBottom = nextLine(ys, p0.y, 1, bounds.y + bounds.height);
    let home: Candidate | undefined;
    let clean: Candidate | undefined;
    let clearOnly: Candidate | undefined;
    let first: Candidate | undefined;
    for (const spot of candidateSpots(edge.points, text, maxWidth, options, cell)) {
      first ??= spot;
      if (!clearOfDrawing(spot)) continue;
      clearOnly ??= spot;
      if (crossesGrid(spot)) continue;
      clean ??= spot;
      if (spot.y >= rowTop && spot.y + spot.height <= rowBottom) {
        home = spot;
        break;
      }
    }
    if (!home) cramped.push(edge);
    const choice = home ?? clean ?? clearOnly ?? first;
    if (!choice) continue;
    const label: EdgeLabel = {
      text,
      lines: choice.lines,
      x: choice.x,
      y: choice.y,
      width: choice.width,
      height: choice.height,
      anchor: choice.anchor,
      lineHeight: options.labelLineHeight,
      fontSize: options.labelFontSize,
    };
    placedIndex.add(label, label);
    edge.label = label;
  }
  return cramped;
}

interface Cell {
  xs: readonly number[];
  ys: readonly number[];
  bounds: Rect;
}

/** Index of the first of the sorted `lines` greater than `v` (binary search: a long flow has hundreds of rows). */
function firstAbove(lines: readonly number[], v: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The nearest line strictly beyond `v` in the direction of `sign`, else the bound. */
function nextLine(lines: readonly number[], v: number, sign: 1 | -1, bound: number): number {
  if (sign > 0) return lines[firstAbove(lines, v)] ?? bound;
  let i = firstAbove(lines, v) - 1;
  while (i >= 0 && lines[i]! >= v) i--;
  return i >= 0 ? lines[i]! : bound;
}

/** Whether one of the sorted `lines` lies strictly between `from` and `to`. */
function lineWithin(lines: readonly number[], from: number, to: number): boolean {
  const next = lines[firstAbove(lines, from)];
  return next !== undefined && next < to;
}

/**
 * Where a label may go, best first: beside the first run of its arrow (at the
 * diamond), on either side, then past each grid line the run crosses, then
 * beside the next runs. Each spot is wrapped to the width its cell leaves, at
 * most `maxWidth`, and more narrowly too (more lines, for tight spots).
 */
function* candidateSpots(points: readonly Point[], text: string, maxWidth: number, options: ResolvedLayoutOptions, cell: Cell): Generator<Candidate> {
  const { xs, bounds } = cell;
  const right = bounds.x + bounds.width;
  const longestWord = longestLabelWord(text, options.labelFontSize);
  const measured = new Map<number, ReturnType<typeof measureLabel>>();
  const wraps = (room: number) => {
    const widths = [maxWidth, maxWidth * 0.66, maxWidth * 0.45].map((w) => Math.round(Math.max(longestWord, Math.min(w, room))));
    return [...new Set(widths)].map((w) => {
      let m = measured.get(w);
      if (!m) measured.set(w, (m = measureLabel(text, w, options)));
      return m;
    });
  };
  /** To the right of a vertical line at x (anchor start), or to its left (anchor end), within its lane. */
  const sideRoom = (x: number, side: 1 | -1) => {
    const edge = nextLine(xs, x, side, side > 0 ? right : bounds.x);
    return side > 0 ? edge - (x + GAP) - CLEARANCE : x - GAP - edge - CLEARANCE;
  };
  // Beside a vertical run: to its right (anchor start) and to its left (anchor end), at its start
  // (just off the diamond) first, then further along it, a line at a time, past what is in the way.
  function* besideVertical(a: Point, b: Point): Generator<Candidate> {
    const down = b.y > a.y;
    const length = Math.abs(b.y - a.y);
    const step = options.labelLineHeight;
    const sides = ([1, -1] as const).map((side) => ({ side, fits: wraps(sideRoom(a.x, side)) }));
    for (let offset = 0; offset === 0 || (offset + step <= length && offset <= SLIDE_STEPS * step); offset += step) {
      for (const { side, fits } of sides) {
        for (const m of fits) {
          const x = side > 0 ? a.x + GAP : a.x - GAP - m.width;
          const y = down ? a.y + 1 + offset : a.y - 1 - offset - m.height;
          yield { ...m, x, y, anchor: side > 0 ? 'start' : 'end' };
        }
      }
    }
  }
  // Above and below a horizontal run, starting at `from` (its start, or just past a grid line it crosses).
  function* besideHorizontal(from: number, y: number, rightward: boolean): Generator<Candidate> {
    const anchor = rightward ? 'start' : 'end';
    for (const m of wraps(sideRoom(from, rightward ? 1 : -1))) {
      const x = rightward ? from + GAP : from - GAP - m.width;
      yield { ...m, x, y: y - 1 - m.height, anchor };
      yield { ...m, x, y: y + 1, anchor };
    }
  }
  for (let i = 1; i < Math.min(points.length, RUNS_TRIED + 1); i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.x === b.x) {
      yield* besideVertical(a, b);
      continue;
    }
    const rightward = b.x > a.x;
    yield* besideHorizontal(a.x, a.y, rightward);
    // The run goes on into the next lanes: the label may stand past each line it crosses.
    const crossed = xs.filter((x) => (rightward ? x > a.x && x < b.x : x < a.x && x > b.x));
    for (const x of rightward ? crossed : [...crossed].reverse()) yield* besideHorizontal(x, a.y, rightward);
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
