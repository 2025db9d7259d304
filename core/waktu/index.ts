/** Waktu (time) column: parsing, unit families, totals per path, formatting. */
export { parseWaktu, type WaktuUnit } from './parse';
export { UNIT_FAMILY, WAKTU_FAMILIES, toFamilyAmount, type FamilyAmount, type WaktuFamily } from './families';
export {
  addWaktu,
  emptyTotal,
  familyContribution,
  type FamilyRanges,
  type MinMax,
  type WaktuTotal,
} from './total';
export { computeFlowTotal } from './flowTotal';
export { describeParsedWaktu, formatMinMax, formatMinutes, formatNumber, formatWaktuTotal } from './format';
export { compareStatedTotal, parseStatedTotal } from './statedTotal';
export { minutesToWorkingDays } from './workingCalendar';
