/**
 * A configurable working calendar: working hours per weekday (with breaks),
 * holidays, and the time zone the office keeps.
 *
 * Default: Indonesian central and regional government offices on a five-day
 * week. Perpres 21/2023 (Hari Kerja dan Jam Kerja Instansi Pemerintah) sets
 * 37.5 working hours a week, breaks excluded, and leaves the clock times to
 * each agency. The common arrangement, used by most Pemerintah Kabupaten, is
 * assumed here: Mon–Thu 07:30–16:00 with a 12:00–13:00 break (7.5 h) and
 * Fri 07:30–16:30 with an 11:30–13:00 break for Friday prayers (7.5 h);
 * Saturday and Sunday off. 4 × 7.5 + 7.5 = 37.5 h. Agencies that differ
 * (six-day weeks, Ramadan hours) configure their own calendar.
 * Holidays (libur nasional, cuti bersama, local holidays) are a list of local
 * dates the agency maintains; none are built in, because the yearly SKB list
 * is decided by decree and must not be guessed.
 */
import {
  addDaysToDate,
  assertTimeZone,
  formatLocalDate,
  fromWallTime,
  parseLocalDate,
  toWallTime,
  weekdayOf,
  type LocalDate,
} from './zonedTime';

/** "HH:MM", 24-hour local time. */
export type ClockTime = string;

export interface TimeSpan {
  start: ClockTime;
  end: ClockTime;
}

export interface WorkingDayHours extends TimeSpan {
  /** Breaks inside the working hours (istirahat); not working time. */
  breaks?: TimeSpan[];
}

export interface WorkingCalendarConfig {
  /** IANA zone the office keeps: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday; null = no work that day. */
  week: readonly (WorkingDayHours | null)[];
  /** Local dates (YYYY-MM-DD) with no work. */
  holidays: readonly string[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

const MON_THU: WorkingDayHours = { start: '07:30', end: '16:00', breaks: [{ start: '12:00', end: '13:00' }] };
const FRIDAY: WorkingDayHours = { start: '07:30', end: '16:30', breaks: [{ start: '11:30', end: '13:00' }] };

export const DEFAULT_WORKING_CALENDAR: WorkingCalendarConfig = {
  timeZone: DEFAULT_TIME_ZONE,
  week: [null, MON_THU, MON_THU, MON_THU, MON_THU, FRIDAY, null],
  holidays: [],
};

/** Builds a calendar from the default with some parts replaced. */
export function workingCalendar(overrides: Partial<WorkingCalendarConfig> = {}): WorkingCalendarConfig {
  return { ...DEFAULT_WORKING_CALENDAR, ...overrides };
}

export interface CalendarProblem {
  path: string;
  message: { id: string; en: string };
}

function clockMinutes(text: ClockTime): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : text === '24:00' ? 1440 : null;
}

/** Problems with a calendar a user configured; an empty list means it is usable. */
export function checkWorkingCalendar(calendar: WorkingCalendarConfig): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  try {
    assertTimeZone(calendar.timeZone);
  } catch {
    problems.push({
      path: 'timeZone',
      message: { id: `Zona waktu "${calendar.timeZone}" tidak dikenal.`, en: `Unknown time zone "${calendar.timeZone}".` },
    });
  }
  if (calendar.week.length !== 7) {
    problems.push({ path: 'week', message: { id: 'Minggu kerja harus berisi 7 hari.', en: 'The working week must list 7 days.' } });
  }
  calendar.week.forEach((hours, day) => {
    if (!hours) return;
    const start = clockMinutes(hours.start);
    const end = clockMinutes(hours.end);
    if (start === null || end === null || end <= start) {
      problems.push({
        path: `week/${day}`,
        message: { id: 'Jam kerja harus berformat JJ:MM dan jam pulang setelah jam masuk.', en: 'Working hours must be HH:MM with the end after the start.' },
      });
    }
  });
  calendar.holidays.forEach((holiday, i) => {
    if (!parseLocalDate(holiday)) {
      problems.push({
        path: `holidays/${i}`,
        message: { id: `Tanggal libur "${holiday}" tidak sah (gunakan TTTT-BB-HH).`, en: `Holiday "${holiday}" is not a valid date (use YYYY-MM-DD).` },
      });
    }
  });
  return problems;
}

interface CompiledCalendar {
  config: WorkingCalendarConfig;
  /** Per weekday: working intervals in minutes of the day, breaks removed. */
  intervals: [number, number][][];
  holidays: Set<string>;
}

const compiled = new WeakMap<WorkingCalendarConfig, CompiledCalendar>();

function compile(config: WorkingCalendarConfig): CompiledCalendar {
  let c = compiled.get(config);
  if (c) return c;
  const intervals = Array.from({ length: 7 }, (_, day) => {
    const hours = config.week[day];
    if (!hours) return [];
    const start = clockMinutes(hours.start);
    const end = clockMinutes(hours.end);
    if (start === null || end === null || end <= start) return [];
    let spans: [number, number][] = [[start, end]];
    for (const pause of hours.breaks ?? []) {
      const bs = clockMinutes(pause.start);
      const be = clockMinutes(pause.end);
      if (bs === null || be === null || be <= bs) continue;
      spans = spans.flatMap(([s, e]): [number, number][] => {
        if (be <= s || bs >= e) return [[s, e]];
        const out: [number, number][] = [];
        if (bs > s) out.push([s, bs]);
        if (be < e) out.push([be, e]);
        return out;
      });
    }
    return spans;
  });
  c = { config, intervals, holidays: new Set(config.holidays.map((h) => h.trim())) };
  compiled.set(config, c);
  return c;
}

export function isHoliday(calendar: WorkingCalendarConfig, date: LocalDate): boolean {
  return compile(calendar).holidays.has(formatLocalDate(date));
}

/** Working intervals of one local date as instants [start, end) in ms; empty on days off. */
export function workingIntervalsOn(calendar: WorkingCalendarConfig, date: LocalDate): [number, number][] {
  const c = compile(calendar);
  if (c.holidays.has(formatLocalDate(date))) return [];
  return c.intervals[weekdayOf(date)]!.map(([s, e]) => [
    fromWallTime(calendar.timeZone, date.year, date.month, date.day, Math.floor(s / 60), s % 60),
    fromWallTime(calendar.timeZone, date.year, date.month, date.day, Math.floor(e / 60), e % 60),
  ]);
}

export function isWorkingDay(calendar: WorkingCalendarConfig, date: LocalDate): boolean {
  const c = compile(calendar);
  return !c.holidays.has(formatLocalDate(date)) && c.intervals[weekdayOf(date)]!.length > 0;
}

export function localDateOf(ms: number, timeZone: string): LocalDate {
  const w = toWallTime(ms, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

/** A calendar with no working day at all would loop forever; searches stop after this many days. */
const MAX_SEARCH_DAYS = 366 * 20;

function assertSearchable(calendar: WorkingCalendarConfig): void {
  if (!compile(calendar).intervals.some((spans) => spans.length > 0)) {
    throw new RangeError('The working calendar has no working hours on any day of the week.');
  }
}

/** The instant, at or after `ms`, when working time next runs (ms itself when inside working hours). */
export function nextWorkingMoment(calendar: WorkingCalendarConfig, ms: number): number {
  assertSearchable(calendar);
  let date = localDateOf(ms, calendar.timeZone);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++, date = addDaysToDate(date, 1)) {
    for (const [s, e] of workingIntervalsOn(calendar, date)) {
      if (ms < e) return Math.max(ms, s);
    }
  }
  throw new RangeError('No working time found within 20 years; check the holiday list.');
}

/** Adds `minutes` of working time to `ms`: time outside working hours, breaks and holidays does not count. */
export function addWorkingMinutes(calendar: WorkingCalendarConfig, ms: number, minutes: number): number {
  if (!(minutes > 0)) return ms;
  assertSearchable(calendar);
  let remaining = minutes * 60_000;
  let date = localDateOf(ms, calendar.timeZone);
  for (let i = 0; i < MAX_SEARCH_DAYS * 10; i++, date = addDaysToDate(date, 1)) {
    for (const [s, e] of workingIntervalsOn(calendar, date)) {
      if (e <= ms) continue;
      const from = Math.max(ms, s);
      if (from + remaining <= e) return from + remaining;
      remaining -= e - from;
    }
  }
  throw new RangeError('Working-time addition did not end; the amount is too large.');
}

/** Working time between two instants, in minutes (0 when `to` ≤ `from`). */
export function workingMinutesBetween(calendar: WorkingCalendarConfig, from: number, to: number): number {
  if (!(to > from)) return 0;
  let total = 0;
  let date = localDateOf(from, calendar.timeZone);
  const last = localDateOf(to, calendar.timeZone);
  for (let i = 0; i < MAX_SEARCH_DAYS * 10; i++, date = addDaysToDate(date, 1)) {
    for (const [s, e] of workingIntervalsOn(calendar, date)) {
      const a = Math.max(s, from);
      const b = Math.min(e, to);
      if (b > a) total += b - a;
    }
    if (date.year === last.year && date.month === last.month && date.day === last.day) break;
  }
  return total / 60_000;
}

/**
 * `days` working days after `ms`: the same local time of day on the n-th
 * following working day, kept inside that day's working hours. A start
 * outside working hours first moves to the next opening (a case received on
 * Saturday starts counting on Monday at 07:30).
 */
export function addWorkingDays(calendar: WorkingCalendarConfig, ms: number, days: number): number {
  const start = nextWorkingMoment(calendar, ms);
  if (!(days > 0)) return start;
  const whole = Math.ceil(days);
  const wall = toWallTime(start, calendar.timeZone);
  let date: LocalDate = { year: wall.year, month: wall.month, day: wall.day };
  let counted = 0;
  for (let i = 0; i < MAX_SEARCH_DAYS && counted < whole; i++) {
    date = addDaysToDate(date, 1);
    if (isWorkingDay(calendar, date)) counted++;
  }
  const target = fromWallTime(calendar.timeZone, date.year, date.month, date.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const spans = workingIntervalsOn(calendar, date);
  const first = spans[0]!;
  const last = spans[spans.length - 1]!;
  return Math.min(Math.max(target, first[0]), last[1]);
}

/** `days` calendar days after `ms`: the same local time of day (weekends and holidays count). */
export function addCalendarDays(calendar: WorkingCalendarConfig, ms: number, days: number): number {
  const wall = toWallTime(ms, calendar.timeZone);
  const whole = Math.floor(days);
  const date = addDaysToDate({ year: wall.year, month: wall.month, day: wall.day }, whole);
  const base = fromWallTime(calendar.timeZone, date.year, date.month, date.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  // A fractional day (from "1,5 hari") adds its share of 24 hours.
  return base + Math.round((days - whole) * 86_400_000);
}

/** `months` months after `ms`, on the same day of the month (or the month's last day: 31 Jan + 1 = 28/29 Feb). */
export function addMonths(calendar: WorkingCalendarConfig, ms: number, months: number): number {
  const wall = toWallTime(ms, calendar.timeZone);
  const whole = Math.floor(months);
  const index = wall.year * 12 + (wall.month - 1) + whole;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(wall.day, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const base = fromWallTime(calendar.timeZone, year, month, day, wall.hour, wall.minute, wall.second, wall.millisecond);
  // A fractional month counts as that share of 30 days: the SOP never states a finer rule.
  return months === whole ? base : addCalendarDays(calendar, base, (months - whole) * 30);
}
