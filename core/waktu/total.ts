/**
 * Totals per unit family. Families are never mixed, so a total is a min/max
 * per family plus counters for the steps that could not be summed.
 */
import type { ParsedWaktu } from '../../schemas/generated/sop.types';
import { WAKTU_FAMILIES, cleanFloat, toFamilyAmount, type WaktuFamily } from './families';

export type MinMax = { min: number; max: number };

export interface WaktuTotal {
  minutes: MinMax;
  workingDays: MinMax;
  calendarDays: MinMax;
  months: MinMax;
  /** Steps whose Waktu is a calendar window ("Setiap Tanggal 1 - 15"): when, not how long. */
  calendarWindows: number;
  /** Steps with no time stated: never counted as zero minutes. */
  empty: number;
  unparsed: number;
}

export type FamilyRanges = Record<WaktuFamily, MinMax>;

export function emptyTotal(): WaktuTotal {
  return { ...zeroRanges(), calendarWindows: 0, empty: 0, unparsed: 0 };
}

export function zeroRanges(): FamilyRanges {
  return {
    minutes: { min: 0, max: 0 },
    workingDays: { min: 0, max: 0 },
    calendarDays: { min: 0, max: 0 },
    months: { min: 0, max: 0 },
  };
}

/** What one step adds to each family. */
export function familyContribution(parsed: ParsedWaktu): FamilyRanges {
  const ranges = zeroRanges();
  if (parsed.kind === 'amount') {
    const { family, min, max } = toFamilyAmount(parsed);
    ranges[family] = { min, max };
  } else if (parsed.kind === 'alternatives') {
    for (const family of WAKTU_FAMILIES) {
      const inFamily = parsed.options.flatMap((o) =>
        o.kind === 'amount' && toFamilyAmount(o).family === family ? [toFamilyAmount(o)] : [],
      );
      if (inFamily.length === 0) continue;
      // Choosing an option of another family adds nothing here, so the least this family can get is 0.
      const someOptionElsewhere = inFamily.length < parsed.options.length;
      ranges[family] = {
        min: someOptionElsewhere ? 0 : Math.min(...inFamily.map((a) => a.min)),
        max: Math.max(...inFamily.map((a) => a.max)),
      };
    }
  }
  return ranges;
}

export function addRanges(a: FamilyRanges, b: FamilyRanges): FamilyRanges {
  const sum = zeroRanges();
  for (const family of WAKTU_FAMILIES) {
    sum[family] = {
      min: cleanFloat(a[family].min + b[family].min),
      max: cleanFloat(a[family].max + b[family].max),
    };
  }
  return sum;
}

/** Adds one step's Waktu to a running total (pure: returns a new total). */
export function addWaktu(total: WaktuTotal, parsed: ParsedWaktu): WaktuTotal {
  return { ...total, ...addRanges(total, familyContribution(parsed)), ...countersAfter(total, parsed) };
}

export function countersAfter(
  total: Pick<WaktuTotal, 'calendarWindows' | 'empty' | 'unparsed'>,
  parsed: ParsedWaktu,
): Pick<WaktuTotal, 'calendarWindows' | 'empty' | 'unparsed'> {
  // A step offering a window as one alternative still happens on calendar dates, so it is flagged as one.
  const isWindow =
    parsed.kind === 'window' || (parsed.kind === 'alternatives' && parsed.options.some((o) => o.kind === 'window'));
  return {
    calendarWindows: total.calendarWindows + (isWindow ? 1 : 0),
    empty: total.empty + (parsed.kind === 'empty' ? 1 : 0),
    unparsed: total.unparsed + (parsed.kind === 'unparsed' ? 1 : 0),
  };
}
