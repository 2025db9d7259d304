/**
 * Unit families: units that convert into each other by an exact identity.
 *
 * Only exact identities are used (1 jam = 60 menit, 1 minggu = 7 hari). A day is
 * never turned into minutes, nor a month into days: how long a working day is,
 * or how many days a month has, is not stated by the SOP (see workingCalendar.ts
 * for the explicit opt-in).
 */
import type { WaktuAmount } from '../../schemas/generated/sop.types';
import type { WaktuUnit } from './parse';

export type WaktuFamily = 'minutes' | 'workingDays' | 'calendarDays' | 'months';

/** Display and summing order: minutes first, as SOP totals are written. */
export const WAKTU_FAMILIES: readonly WaktuFamily[] = ['minutes', 'workingDays', 'calendarDays', 'months'];

interface FamilyMembership {
  family: WaktuFamily;
  /** How many of the family's base unit one unit is. */
  factor: number;
}

export const UNIT_FAMILY: Readonly<Record<WaktuUnit, FamilyMembership>> = {
  minute: { family: 'minutes', factor: 1 },
  hour: { family: 'minutes', factor: 60 },
  workingDay: { family: 'workingDays', factor: 1 },
  day: { family: 'calendarDays', factor: 1 },
  // A week is exactly seven calendar days; it is not five working days.
  week: { family: 'calendarDays', factor: 7 },
  month: { family: 'months', factor: 1 },
  // Exact in months, like a week in days: a triwulan is three months, a semester six, a year twelve.
  quarter: { family: 'months', factor: 3 },
  semester: { family: 'months', factor: 6 },
  year: { family: 'months', factor: 12 },
};

export interface FamilyAmount {
  family: WaktuFamily;
  min: number;
  max: number;
}

export function toFamilyAmount(amount: WaktuAmount): FamilyAmount {
  const { family, factor } = UNIT_FAMILY[amount.unit];
  return { family, min: cleanFloat(amount.min * factor), max: cleanFloat(amount.max * factor) };
}

/** Drops binary floating-point noise (0.1 jam × 60 = 6.000000000000001) that would break equality with a stated total. */
export function cleanFloat(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
