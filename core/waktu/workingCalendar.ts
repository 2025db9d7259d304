/**
 * Minutes to working days, only when the document supplies a working calendar:
 * the length of a working day is an agency's choice, never assumed.
 */
import type { WorkingCalendar } from '../../schemas/generated/sop.types';

export function minutesToWorkingDays(
  minutes: number,
  calendar: WorkingCalendar,
): { days: number; remainderMinutes: number } {
  const perDay = calendar.minutesPerWorkingDay;
  if (!(perDay > 0) || !Number.isFinite(perDay)) {
    throw new RangeError(`minutesPerWorkingDay must be a positive number, got ${perDay}`);
  }
  const days = Math.floor(minutes / perDay);
  return { days, remainderMinutes: minutes - days * perDay };
}
