/**
 * A Waktu to suggest for a step that keeps exceeding its own: the time most
 * visits actually took, rounded up to the steps SOP drafters write ("30
 * menit", "2 jam", "3 hari kerja"), never a false precision like "47 menit".
 */
import { workingIntervalsOn, type WorkingCalendarConfig } from '../../sla/calendar';
import type { Lang } from '../../i18n';

const MINUTE_STEPS = [5, 10, 15, 20, 30, 45, 60];

/** Average working minutes of the calendar's working weekdays (a Monday–Friday office: 7.5 h). */
export function minutesPerWorkingDay(calendar: WorkingCalendarConfig): number {
  let total = 0;
  let days = 0;
  // 2024-01-07 is a Sunday: one plain week, holidays aside.
  for (let day = 7; day < 14; day++) {
    const intervals = workingIntervalsOn({ ...calendar, holidays: [] }, { year: 2024, month: 1, day });
    const minutes = intervals.reduce((sum, [from, to]) => sum + (to - from) / 60_000, 0);
    if (minutes > 0) {
      total += minutes;
      days++;
    }
  }
  return days ? total / days : 450;
}

export function suggestWaktu(minutes: number, calendar: WorkingCalendarConfig, lang: Lang): string {
  const perDay = minutesPerWorkingDay(calendar);
  if (minutes <= 60) {
    const value = MINUTE_STEPS.find((step) => step >= minutes) ?? 60;
    return `${value} ${lang === 'id' ? 'menit' : 'minutes'}`;
  }
  if (minutes <= perDay) {
    const halfHours = Math.ceil(minutes / 30);
    return halfHours % 2 === 0 ? `${halfHours / 2} ${lang === 'id' ? 'jam' : 'hours'}` : `${halfHours * 30} ${lang === 'id' ? 'menit' : 'minutes'}`;
  }
  const days = Math.ceil(minutes / perDay);
  return `${days} ${lang === 'id' ? 'hari kerja' : 'working days'}`;
}
