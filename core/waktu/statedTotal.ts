/**
 * The total an SOP states in its "Jumlah Waktu" row, read into the same shape
 * as a computed total so the two can be compared (a mismatch is a warning).
 */
import { WAKTU_FAMILIES } from './families';
import { parseWaktu } from './parse';
import { addWaktu, emptyTotal, type WaktuTotal } from './total';

/** "8 jam (1 Hari Kerja)": the parenthesis restates the main value in another unit. */
const TRAILING_RESTATEMENT = /^([^()]*?) ?\([^()]*\)$/;
const MAX_STATED_LENGTH = 200;

export function parseStatedTotal(raw: string): WaktuTotal | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text.length > MAX_STATED_LENGTH) return null;
  const main = TRAILING_RESTATEMENT.exec(text)?.[1] ?? text;
  const parsed = parseWaktu(main);
  // A total is an amount; a window, alternatives or nothing is not a readable total.
  if (parsed.kind !== 'amount') return null;
  return addWaktu(emptyTotal(), parsed);
}

export function compareStatedTotal(stated: WaktuTotal, computed: WaktuTotal): { matches: boolean } {
  const matches = WAKTU_FAMILIES.every(
    (family) => stated[family].min === computed[family].min && stated[family].max === computed[family].max,
  );
  return { matches };
}
