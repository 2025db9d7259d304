import { describe, expect, it } from 'vitest';
import { PRESETS, NOTATION_PRESETS, branchLabelText } from './presets';
import { symbolParts } from './draw';
import { LEGEND, PALETTE, PT_TO_PX, SYMBOLS, markPath, symbolPath, symbolSizes } from './symbols';

describe('the step-kind registry', () => {
  it('gives every symbol kind a closed outline inside its box', () => {
    for (const kind of Object.keys(SYMBOLS) as Array<keyof typeof SYMBOLS>) {
      const d = symbolPath(kind, { x: 10, y: 20, width: 40, height: 24 });
      expect(d.endsWith('Z'), kind).toBe(true);
      const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      expect(Math.min(...numbers), kind).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers), kind).toBeLessThanOrEqual(50);
    }
  });

  it('sizes symbols as signed SOPs print them: terminator about 60×27 pt, diamond about 55×55 pt', () => {
    expect(SYMBOLS.start.sizePt).toEqual({ width: 60, height: 27 });
    expect(SYMBOLS.end.sizePt).toEqual(SYMBOLS.start.sizePt);
    expect(SYMBOLS.decision.sizePt).toEqual({ width: 55, height: 55 });
    const px = symbolSizes(1);
    expect(px.start.width).toBeCloseTo(60 * PT_TO_PX, 1);
    expect(px.decision.height).toBeCloseTo(55 * PT_TO_PX, 1);
    // A surface scales every kind by one factor: proportions stay.
    const half = symbolSizes(0.5);
    expect(half.process.width / half.process.height).toBeCloseTo(px.process.width / px.process.height, 2);
  });

  it('lists the palette in its declared order, every step kind once, and no exit marker', () => {
    expect(PALETTE).toEqual(['process', 'decision', 'start', 'end', 'connector']);
    expect(LEGEND).toContain('exit');
  });

  it('names every kind in Indonesian and English, and says which arrows it takes', () => {
    for (const def of Object.values(SYMBOLS)) {
      expect(def.name.id.length, def.kind).toBeGreaterThan(0);
      expect(def.name.en.length, def.kind).toBeGreaterThan(0);
    }
    expect(SYMBOLS.start.exits.incoming).toBe(false);
    expect(SYMBOLS.end.exits.maxOut).toBe(0);
    expect(SYMBOLS.decision.exits).toMatchObject({ minOut: 2, labelled: true });
  });

  it('draws split and join bars inside the symbol box, at its bottom and its top', () => {
    const box = { x: 0, y: 0, width: 80, height: 30 };
    const split = (markPath('split', box, 'process').match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    const join = (markPath('join', box, 'process').match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    expect(Math.max(...split)).toBeLessThanOrEqual(80);
    expect(split).toContain(30);
    expect(join).toContain(0);
  });
});

describe('the presets', () => {
  it('set arrows apart from the grid: another colour or a heavier line', () => {
    for (const preset of NOTATION_PRESETS) {
      const { arrow, grid } = PRESETS[preset];
      expect(arrow.width, preset).toBeGreaterThan(grid.width * 1.5);
    }
    expect(PRESETS.standar.arrow.stroke).not.toBe(PRESETS.standar.grid.stroke);
  });

  it('fill the Standar symbols strongly and leave the black-and-white ones white', () => {
    expect(PRESETS.standar.symbols.decision.fill).not.toBe('#ffffff');
    for (const kind of Object.keys(SYMBOLS) as Array<keyof typeof SYMBOLS>) expect(PRESETS['hitam-putih'].symbols[kind].fill).toBe('#ffffff');
  });

  it('marks inferred branch labels in brackets and illegible ones as a question mark', () => {
    expect(branchLabelText('Ya', {})).toBe('Ya');
    expect(branchLabelText('Ya', { inferred: true })).toBe('[Ya]');
    expect(branchLabelText(undefined, { unknown: true })).toBe('?');
    expect(branchLabelText('  ', {})).toBeUndefined();
  });

  it('gives every surface the same parts for a symbol: outline, bars, letter', () => {
    const parts = symbolParts({ kind: 'connector', x: 0, y: 0, width: 20, height: 20, text: 'B' }, PRESETS.standar);
    expect(parts.map((p) => p.element)).toEqual(['path', 'text']);
    const split = symbolParts({ kind: 'process', x: 0, y: 0, width: 60, height: 20, split: true, join: true }, PRESETS['hitam-putih']);
    expect(split.map((p) => p.role)).toEqual(['outline', 'mark', 'mark']);
  });
});
