/**
 * How the symbols, arrows and grid are inked. Two presets, as agencies print
 * their SOPs: "Standar", symbols solidly filled in one strong colour with the
 * arrows in a colour and weight of their own so they never read as grid
 * lines; and "Hitam putih", black outlines on white for a photocopier, where
 * only the weight tells arrows from the grid. Every surface takes its inks
 * from here (the canvas and the runtime map use Standar).
 */
import type { LocalizedText } from '../validation/diagnostic';
import type { NodeKind } from '../layout/types';

export type NotationPreset = 'standar' | 'hitam-putih';

export const NOTATION_PRESETS: readonly NotationPreset[] = ['standar', 'hitam-putih'];

export interface SymbolInk {
  fill: string;
  stroke: string;
  /** In px. */
  strokeWidth: number;
  /** Text drawn inside the symbol (a connector's letter). */
  text: string;
}

export interface PresetInks {
  name: LocalizedText;
  symbols: Readonly<Record<NodeKind, SymbolInk>>;
  /** The split/join bars. */
  mark: string;
  arrow: { stroke: string; width: number };
  /** Branch labels and the text beside an exit marker. */
  label: string;
  /** Table rules (the grid the arrows must not be mistaken for). */
  grid: { stroke: string; width: number };
  /** Header cells and phase rows. */
  shade: string;
  /** Body text. */
  ink: string;
}

const INK = '#1f2933';

/** One strong blue for every symbol, as most signed SOPs fill them; the connector stays open for its letter. */
const STRONG = '#2f6eb5';
const STRONG_EDGE = '#173f6e';

export const PRESETS: Readonly<Record<NotationPreset, PresetInks>> = {
  standar: {
    name: { id: 'Standar', en: 'Standard' },
    symbols: {
      start: { fill: STRONG, stroke: STRONG_EDGE, strokeWidth: 1.2, text: '#ffffff' },
      end: { fill: STRONG, stroke: STRONG_EDGE, strokeWidth: 1.2, text: '#ffffff' },
      process: { fill: STRONG, stroke: STRONG_EDGE, strokeWidth: 1.2, text: '#ffffff' },
      decision: { fill: STRONG, stroke: STRONG_EDGE, strokeWidth: 1.2, text: '#ffffff' },
      connector: { fill: '#ffffff', stroke: STRONG_EDGE, strokeWidth: 1.4, text: INK },
      exit: { fill: '#ffffff', stroke: STRONG_EDGE, strokeWidth: 1.2, text: INK },
    },
    mark: '#0d2747',
    // Darker and heavier than the grey grid: an arrow is never taken for a rule.
    arrow: { stroke: '#0b3d91', width: 1.5 },
    label: INK,
    grid: { stroke: '#4a5563', width: 0.75 },
    shade: '#e6ebf1',
    ink: INK,
  },
  'hitam-putih': {
    name: { id: 'Hitam putih', en: 'Black and white' },
    symbols: {
      start: { fill: '#ffffff', stroke: '#000000', strokeWidth: 1.4, text: '#000000' },
      end: { fill: '#ffffff', stroke: '#000000', strokeWidth: 1.4, text: '#000000' },
      process: { fill: '#ffffff', stroke: '#000000', strokeWidth: 1.4, text: '#000000' },
      decision: { fill: '#ffffff', stroke: '#000000', strokeWidth: 1.4, text: '#000000' },
      connector: { fill: '#ffffff', stroke: '#000000', strokeWidth: 1.4, text: '#000000' },
      exit: { fill: '#ffffff', stroke: '#000000', strokeWidth: 1.2, text: '#000000' },
    },
    mark: '#000000',
    // A photocopy keeps no colour: the arrows are set apart by weight alone.
    arrow: { stroke: '#000000', width: 1.3 },
    label: '#000000',
    grid: { stroke: '#000000', width: 0.6 },
    shade: '#ffffff',
    ink: '#000000',
  },
};

export function isNotationPreset(value: unknown): value is NotationPreset {
  return typeof value === 'string' && (NOTATION_PRESETS as readonly string[]).includes(value);
}

/** Dash patterns for lines that are not plain arrows; the same on every surface. */
export const DASH = {
  /** A chain arrow to an either/or actor ("Kepala / Sekretaris"), and a symbol drawn in a borrowed lane. */
  alternative: '4 2',
  /** An arrow whose target the drafter inferred rather than read in the source. */
  inferred: '1.5 2.5',
  /** An exit marker's outline. */
  exit: '3 2',
} as const;

/**
 * A branch label as printed: an inferred label in square brackets (the
 * editor's mark for words supplied, not read), an illegible one as "?".
 */
export function branchLabelText(label: string | undefined, options: { inferred?: boolean; unknown?: boolean }): string | undefined {
  if (options.unknown) return '?';
  const text = label?.trim();
  if (!text) return undefined;
  return options.inferred ? `[${text}]` : text;
}
