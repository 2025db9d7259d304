/**
 * Wall-clock arithmetic in a named IANA time zone, independent of the
 * machine's own zone: every conversion goes through Intl.DateTimeFormat with
 * an explicit `timeZone`, never through Date's local-time getters.
 */

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** A local calendar date (no time). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError for a zone name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The offset of `timeZone` at a whole second, asked of Intl (slow: formatToParts allocates a dozen objects). */
function offsetFromIntl(second: number, timeZone: string): number {
  const ms = second * 1000;
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - ms;
}

// Offsets by zone and by whole second. The time zone database changes offsets only at whole seconds, so the offset
// of a second holds for every millisecond in it: the cache is exact. Working-calendar arithmetic asks for the same
// day starts and ends over and over (every due time of every case), which Intl made the server's hottest path.
const offsetsBySecond = new Map<string, Map<number, number>>();
const MAX_CACHED_SECONDS = 100_000;

function offsetAt(ms: number, timeZone: string): number {
  let zone = offsetsBySecond.get(timeZone);
  if (!zone) offsetsBySecond.set(timeZone, (zone = new Map()));
  const second = Math.floor(ms / 1000);
  let offset = zone.get(second);
  if (offset === undefined) {
    offset = offsetFromIntl(second, timeZone);
    if (zone.size >= MAX_CACHED_SECONDS) zone.clear();
    zone.set(second, offset);
  }
  return offset;
}

/** The wall-clock reading of instant `ms` in `timeZone`. */
export function toWallTime(ms: number, timeZone: string): WallTime {
  const wall = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: wall.getUTCDay(),
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (Asia/Jakarta: +7 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  return offsetAt(ms, timeZone);
}

/**
 * The instant at which the wall clock of `timeZone` reads the given local time.
 * A wall time skipped by a daylight-saving jump resolves to the instant after
 * the jump; Indonesian zones have no DST, so this only matters for other zones.
 */
export function fromWallTime(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let guess = naive - zoneOffsetMs(naive, timeZone);
  // Two refinements settle every real zone (the offset at the guess may differ from the one at `naive`).
  for (let i = 0; i < 2; i++) {
    const next = naive - zoneOffsetMs(guess, timeZone);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds days to a calendar date (pure date arithmetic, no zone involved). */
export function addDaysToDate(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of week (0 = Sunday) of a calendar date. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function parseLocalDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) return null;
  return date;
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
