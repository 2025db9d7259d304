/**
 * Row heights measured with the browser's own text metrics, so each row is
 * exactly as tall as its tallest cell on screen ("rows are as tall as their
 * longest cell"); the layout's character-count estimate is only a fallback
 * where there is no canvas (it under-estimates wide glyphs and over-estimates
 * narrow ones). Text is wrapped the way the cells wrap it: at spaces, with
 * long words broken, one paragraph per line of the text.
 */
import type { Flow, Step } from '../../schemas/generated/sop.types';
import { conditionText } from '../../core/table';
import { plainTextOf } from '../../core/text/richText';
import { CANVAS_TEXT } from './tableGeometry';

/** Extra left indent of list items (Kelengkapan) in the table cells. */
const LIST_INDENT = 12;

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

function measurer(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  try {
    context = document.createElement('canvas').getContext('2d');
    if (context) {
      const family = getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif';
      context.font = `${CANVAS_TEXT.fontSize}px ${family}`;
    }
  } catch {
    context = null;
  }
  return context ?? null;
}

/** Lines a text takes in a box `width` px wide. */
function lineCount(ctx: CanvasRenderingContext2D, text: string, width: number): number {
  const key = `${width}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const space = ctx.measureText(' ').width;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      lines++;
      continue;
    }
    let used = 0;
    let lineStarted = false;
    for (const word of words) {
      let w = ctx.measureText(word).width;
      if (lineStarted && used + space + w <= width) {
        used += space + w;
        continue;
      }
      if (lineStarted) lines++;
      // A word wider than the box is broken across lines.
      while (w > width) {
        lines++;
        w -= width;
      }
      used = w;
      lineStarted = true;
    }
    if (lineStarted) lines++;
  }
  if (cache.size > 20_000) cache.clear();
  cache.set(key, lines);
  return lines;
}

export interface MeasuredColumns {
  kegiatan: number;
  kelengkapan: number;
  waktu: number;
  output: number;
  keterangan: number;
}

/** Height of each step's row by step id, or null when text cannot be measured here. */
export function measureRowHeights(flow: Flow, columns: MeasuredColumns): Map<string, number> | null {
  const ctx = measurer();
  if (!ctx) return null;
  const { lineHeight, cellPaddingX, cellPaddingY } = CANVAS_TEXT;
  const inner = (width: number) => width - 2 * cellPaddingX - 2; // borders
  const heights = new Map<string, number>();
  const cell = (text: string | undefined, width: number) => (width > 0 && text ? lineCount(ctx, text, inner(width)) : 0);
  for (const step of flow.steps) heights.set(step.id, rowHeight(step));
  return heights;

  function rowHeight(step: Step): number {
    const kegiatan = cell(plainTextOf(step.text), columns.kegiatan) + cell(conditionText(step), columns.kegiatan);
    const requirements =
      columns.kelengkapan > 0
        ? (step.requirements ?? []).reduce((sum, r) => {
            const text = plainTextOf(r.text);
            return sum + (text ? lineCount(ctx!, text, inner(columns.kelengkapan) - LIST_INDENT) : 1);
          }, 0)
        : 0;
    const lines = Math.max(
      kegiatan,
      requirements,
      cell(step.waktu?.raw, columns.waktu),
      cell(plainTextOf(step.output), columns.output),
      cell(plainTextOf(step.remarks), columns.keterangan),
    );
    return Math.ceil(lines * lineHeight + 2 * cellPaddingY + 2);
  }
}
