/**
 * Column widths that follow their content, within the plan's limits: a text
 * column is never narrower than its longest word (words are never broken in
 * the middle: the column widens instead, up to its limit), never wider than
 * its longest line needs, and the room left is shared so the table is as
 * short as it can be (a row is as tall as its fullest cell). Text is
 * measured with the print font's advance widths (core/layout/textMetrics).
 */
import { textWidth } from '../layout/textMetrics';
import type { Flow } from '../../schemas/generated/sop.types';
import { cellLines, type PlannedColumn, type TablePlan, type TextColumnKey } from './tablePlan';

export interface TextSizing {
  fontSize: number;
  lineHeight: number;
  /** Horizontal padding of a cell, each side, plus its border. */
  cellPaddingX: number;
  cellPaddingY: number;
  /** Font size of the header cells (bold). */
  headerFontSize?: number;
}

/** A column's lines this close to its least width are kept whole: a few px save a line in every row. */
const SHORT_LINE_EM = 1.5;

/** Extra indent of a numbered requirement list (1.4em in the print's stylesheet). */
const LIST_INDENT_EM = 1.4;

interface Measured {
  key: TextColumnKey | 'no';
  /** Widest word of the column's cells and of its header label, px (header words in bold). */
  word: number;
  /** Per step: the width in px of each paragraph of its cell. */
  paragraphs: number[][];
  /** The column's longest paragraph, px. */
  longest: number;
}

/**
 * Measured columns by plan, flow and text size. The print tries several lane widths and sizes the
 * text columns twice for each, always for the same plan: measuring every word of every cell again
 * each time was the larger part of planning a table. A plan is made for one flow and not changed
 * after, so its entries go when the plan does.
 */
const measuredByPlan = new WeakMap<TablePlan, WeakMap<Flow, Map<string, Measured>>>();

function measureIn(plan: TablePlan, column: PlannedColumn, flow: Flow, sizing: TextSizing): Measured {
  let byFlow = measuredByPlan.get(plan);
  if (!byFlow) measuredByPlan.set(plan, (byFlow = new WeakMap()));
  let byKey = byFlow.get(flow);
  if (!byKey) byFlow.set(flow, (byKey = new Map()));
  const key = `${column.key}\u0000${column.label}\u0000${sizing.fontSize}\u0000${sizing.headerFontSize ?? sizing.fontSize}`;
  let measured = byKey.get(key);
  if (!measured) byKey.set(key, (measured = measure(column, flow, sizing)));
  return measured;
}

function measure(column: PlannedColumn, flow: Flow, sizing: TextSizing): Measured {
  const fs = sizing.fontSize;
  const header = sizing.headerFontSize ?? fs;
  let word = 0;
  for (const w of column.label.split(/[\s/]+/)) if (w) word = Math.max(word, textWidth(w, header, true));
  let longest = 0;
  const paragraphs = flow.steps.map((step) => {
    const lines = cellLines(step, column.key);
    // Several requirements print as a numbered list: each item is indented.
    const indent = column.key === 'kelengkapan' && lines.length > 1 ? LIST_INDENT_EM * fs : 0;
    return lines.map((line) => {
      for (const w of line.split(/\s+/)) if (w) word = Math.max(word, textWidth(w, fs) + indent);
      const width = textWidth(line, fs) + indent;
      longest = Math.max(longest, width);
      return width;
    });
  });
  return { key: column.key, word, paragraphs, longest };
}

export interface ColumnLimits {
  /** The least width: the longest word and the rule's minimum (never past the rule's maximum). */
  min: number;
  /** What a column can go down to on paper too narrow for the rules: its longest word (Kegiatan keeps its rule). */
  hard: number;
  /** The most the content uses: its longest line, within the rule. */
  preferred: number;
  /** The rule's maximum. */
  max: number;
}

function limits(column: PlannedColumn, m: Measured, sizing: TextSizing): ColumnLimits {
  const fs = sizing.fontSize;
  const pad = 2 * sizing.cellPaddingX + 1;
  const max = column.rule.max * fs;
  const word = Math.min(max, Math.ceil(m.word + pad));
  const least = Math.max(column.rule.min * fs, word);
  const preferred = Math.min(max, Math.max(least, Math.ceil(m.longest + pad)));
  // A column whose longest line is barely wider than its least width ("10 menit") keeps it on one line.
  const min = preferred - least <= SHORT_LINE_EM * fs ? preferred : least;
  return { min, hard: column.key === 'kegiatan' ? min : word, preferred, max };
}

/** Width of the No column: its longest number or its header, within the rule. */
export function noColumnWidth(plan: TablePlan, flow: Flow, sizing: TextSizing): number {
  if (!plan.no) return 0;
  return limits(plan.no, measureIn(plan, plan.no, flow, sizing), sizing).preferred;
}

/** The limits of every text column, for the lanes to know how much room the text needs at least. */
export function textColumnLimits(plan: TablePlan, flow: Flow, sizing: TextSizing): Map<TextColumnKey, ColumnLimits> {
  const out = new Map<TextColumnKey, ColumnLimits>();
  for (const column of plan.textColumns) out.set(column.key as TextColumnKey, limits(column, measureIn(plan, column, flow, sizing), sizing));
  return out;
}

export interface SizeOptions {
  /** Per step id, the least height of its row (its symbol band): text shorter than that costs nothing. */
  minRowHeights?: ReadonlyMap<string, number>;
}

/**
 * Widths of the text columns sharing `budget` px. Each starts at its least
 * width; the rest goes where it shortens the table most, a small step at a
 * time, never past what a column's content can use (then by the rules'
 * weights, so the table fills its width). Below the sum of the least widths
 * the columns shrink in proportion: only then can a long word break.
 */
export function sizeTextColumns(plan: TablePlan, flow: Flow, budget: number, sizing: TextSizing, options: SizeOptions = {}): Record<TextColumnKey, number> {
  const columns = plan.textColumns;
  const measured = columns.map((c) => measureIn(plan, c, flow, sizing));
  const bounds = columns.map((c, i) => limits(c, measured[i]!, sizing));
  const widths = bounds.map((b) => b.min);
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const result = () => Object.fromEntries(columns.map((c, i) => [c.key, Math.round(widths[i]! * 100) / 100])) as Record<TextColumnKey, number>;
  if (columns.length === 0) return result();

  const least = sum(widths);
  if (least >= budget) {
    // Too narrow for the rules: each column down to its longest word first (Kegiatan keeps its
    // rule), the room between shared by weight; below even that, everything in proportion.
    const hard = bounds.map((b) => b.hard);
    const hardSum = sum(hard);
    if (hardSum >= budget) {
      for (let i = 0; i < widths.length; i++) widths[i] = hard[i]! * (budget / hardSum);
      return result();
    }
    const gaps = bounds.map((b, i) => (b.min - hard[i]!) * Math.max(0.1, columns[i]!.rule.weight));
    const gapSum = sum(gaps) || 1;
    for (let i = 0; i < widths.length; i++) widths[i] = hard[i]! + ((budget - hardSum) * gaps[i]!) / gapSum;
    return result();
  }

  const pad = 2 * sizing.cellPaddingX + 1;
  const floors = flow.steps.map((step) => {
    const min = options.minRowHeights?.get(step.id);
    return min === undefined ? 1 : Math.max(1, Math.floor((min - 2 * sizing.cellPaddingY) / sizing.lineHeight));
  });
  const steps = flow.steps.length;
  const lines = (k: number, step: number, width: number) => {
    const inner = Math.max(1, width - pad);
    let n = 0;
    for (const p of measured[k]!.paragraphs[step]!) n += Math.max(1, Math.ceil(p / inner));
    return n;
  };
  // The same column is tried at the same width again and again (every column is offered the next
  // step each round, and only one takes it): each column's lines are wrapped once per width.
  const wrapped = columns.map(() => new Map<number, Int32Array>());
  const linesOf = (k: number, width: number) => {
    let out = wrapped[k]!.get(width);
    if (out) return out;
    out = new Int32Array(steps);
    for (let step = 0; step < steps; step++) out[step] = lines(k, step, width);
    wrapped[k]!.set(width, out);
    return out;
  };
  const cost = (w: readonly number[]) => {
    const per = columns.map((_, k) => linesOf(k, w[k]!));
    let total = 0;
    for (let step = 0; step < steps; step++) {
      let tallest = floors[step]!;
      for (let k = 0; k < columns.length; k++) tallest = Math.max(tallest, per[k]![step]!);
      total += tallest;
    }
    return total;
  };
  /**
   * The table's cost with column `k` at `width` and the others as they are:
   * only column k is wrapped again, against each row's tallest other cell.
   * Per row, the tallest and second tallest of the columns as they are (with
   * the row's floor) give every column's "tallest other" without a loop.
   */
  let current: Int32Array[] = [];
  const tallest = new Int32Array(steps);
  const tallestColumn = new Int32Array(steps);
  const runnerUp = new Int32Array(steps);
  const refresh = () => {
    for (let step = 0; step < steps; step++) {
      let top = floors[step]!;
      let topColumn = -1;
      let second = floors[step]!;
      for (let j = 0; j < columns.length; j++) {
        const n = current[j]![step]!;
        if (n > top) {
          second = top;
          top = n;
          topColumn = j;
        } else if (n > second) second = n;
      }
      tallest[step] = top;
      tallestColumn[step] = topColumn;
      runnerUp[step] = second;
    }
  };
  const costWith = (k: number, width: number) => {
    const mine = linesOf(k, width);
    let total = 0;
    for (let step = 0; step < steps; step++) {
      const others = tallestColumn[step] === k ? runnerUp[step]! : tallest[step]!;
      total += Math.max(others, mine[step]!);
    }
    return total;
  };

  // A cell a few px short of one line ("10 menit") gets them first: the cheapest lines to save.
  for (let k = 0; k < columns.length; k++) {
    const need = bounds[k]!.preferred - widths[k]!;
    if (need > 0 && need <= 1.5 * sizing.fontSize && need <= budget - sum(widths)) widths[k]! += need;
  }
  // Then the room goes out in small steps to the column whose widening shortens the table most;
  // where no single step shortens it (rows held up by their symbols, or a line saved only a few
  // steps on), to the column furthest below what its content would use, by weight.
  let left = budget - sum(widths);
  const step = Math.max(4, Math.round(budget / 90));
  current = columns.map((_, k) => linesOf(k, widths[k]!));
  refresh();
  let currentCost = cost(widths);
  while (left >= 1) {
    const give = Math.min(step, left);
    let best = -1;
    let bestCost = currentCost;
    for (let k = 0; k < columns.length; k++) {
      if (widths[k]! + give > bounds[k]!.preferred + 0.5) continue;
      const value = costWith(k, widths[k]! + give);
      if (value < bestCost) {
        bestCost = value;
        best = k;
      }
    }
    if (best < 0) {
      let most = 0;
      for (let k = 0; k < columns.length; k++) {
        const deficit = (bounds[k]!.preferred - widths[k]!) * columns[k]!.rule.weight;
        if (deficit > most) {
          most = deficit;
          best = k;
        }
      }
      if (best < 0) break;
      const room = Math.min(give, bounds[best]!.preferred - widths[best]!);
      widths[best]! += room;
      left -= room;
      current[best] = linesOf(best, widths[best]!);
      refresh();
      currentCost = cost(widths);
      continue;
    }
    widths[best]! += give;
    left -= give;
    current[best] = linesOf(best, widths[best]!);
    refresh();
    currentCost = bestCost;
  }
  if (left > 0) {
    const weights = columns.map((c) => c.rule.weight);
    const total = sum(weights) || 1;
    for (let k = 0; k < columns.length; k++) widths[k]! += (left * weights[k]!) / total;
  }
  return result();
}

/**
 * Widths that do not move while the drafter types (the canvas): the text
 * columns share `budgetEm` by the rules' weights, each within its limits.
 * Which columns there are, and their order, is the plan's, as on paper.
 */
export function nominalColumnWidths(plan: TablePlan, budgetEm: number, fontSize: number): Record<TextColumnKey, number> {
  const columns = plan.textColumns;
  const weights = columns.reduce((sum, c) => sum + c.rule.weight, 0) || 1;
  const out = {} as Record<TextColumnKey, number>;
  for (const c of columns) out[c.key as TextColumnKey] = Math.round(Math.min(c.rule.max, Math.max(c.rule.min, (budgetEm * c.rule.weight) / weights)) * fontSize);
  return out;
}
