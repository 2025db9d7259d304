/**
 * Row bands: one per step, in flow order, with each phase (section) row in
 * its own band just above the step it introduces. A row is as tall as its
 * tallest cell (estimated here, or measured by the renderer) and never lower
 * than its symbol band.
 */
import type { Flow, Section, Step } from '../../schemas/generated/sop.types';
import { plainTextOf } from '../text/richText';
import type { ResolvedLayoutOptions } from './options';
import { countWrappedLines } from './textMetrics';

export type BandPlan =
  | { kind: 'section'; key: string; section: Section }
  | { kind: 'step'; key: string; stepIndex: number };

export function planBands(flow: Flow): BandPlan[] {
  const sectionsBefore = new Map<string, Section[]>();
  for (const section of flow.sections ?? []) {
    const list = sectionsBefore.get(section.beforeStep) ?? [];
    list.push(section);
    sectionsBefore.set(section.beforeStep, list);
  }
  const bands: BandPlan[] = [];
  const seen = new Set<string>();
  flow.steps.forEach((step, stepIndex) => {
    if (!seen.has(step.id)) {
      // A duplicated step id (invalid, but drawable) gets its sections once.
      seen.add(step.id);
      for (const section of sectionsBefore.get(step.id) ?? []) bands.push({ kind: 'section', key: section.id, section });
    }
    bands.push({ kind: 'step', key: step.id, stepIndex });
  });
  return bands;
}

/** Height of a step row from the text of its cells, in the column widths the table will have. */
export function estimateStepHeight(step: Step, options: ResolvedLayoutOptions): number {
  const { text, textColumns } = options;
  const cell = (content: string, width: number) =>
    width > 0 ? countWrappedLines(content, width - 2 * text.cellPaddingX, text.fontSize, text.charWidth) : 0;
  const requirements = (step.requirements ?? []).map((r) => plainTextOf(r.text)).join('\n');
  const lines = Math.max(
    cell(plainTextOf(step.text), textColumns.kegiatan),
    cell(requirements, textColumns.kelengkapan),
    cell(step.waktu?.raw ?? '', textColumns.waktu),
    cell(plainTextOf(step.output), textColumns.output),
    cell(plainTextOf(step.remarks), textColumns.keterangan),
  );
  return Math.ceil(lines * text.lineHeight + 2 * text.cellPaddingY);
}

export function estimateSectionHeight(section: Section, width: number, options: ResolvedLayoutOptions): number {
  const { text } = options;
  const lines = Math.max(1, countWrappedLines(section.title, width - 2 * text.cellPaddingX, text.fontSize, text.charWidth));
  return Math.ceil(lines * text.lineHeight + 2 * text.cellPaddingY);
}

export function minSectionHeight(options: ResolvedLayoutOptions): number {
  return Math.ceil(options.text.lineHeight + 2 * options.text.cellPaddingY);
}

/**
 * The symbol band: the row's tallest symbol (a diamond is taller than a box)
 * plus a corridor above and below for the horizontal runs of arrows.
 */
export function minStepHeight(options: ResolvedLayoutOptions, extraCorridor = 0, symbolHeight = options.symbolHeight): number {
  return Math.ceil(symbolHeight + 2 * Math.max(options.corridor, extraCorridor));
}

/** A measured height when there is one, else the estimate; never below the minimum. */
export function bandHeight(key: string, estimate: () => number, min: number, options: ResolvedLayoutOptions): number {
  const measured = options.rowHeights?.(key);
  const height = measured !== undefined && Number.isFinite(measured) ? measured : estimate();
  return Math.max(height, min);
}
