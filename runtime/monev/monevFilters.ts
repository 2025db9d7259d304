/**
 * The dashboard's filters live in the URL (`#/monev/<sopId>?dari=…&sampai=…`),
 * so a view can be bookmarked, shared with a colleague or printed again next
 * semester. Keys are Indonesian because the URL is what users see and paste.
 * Dates are the office's local calendar dates (YYYY-MM-DD); the period is
 * [dari, sampai] inclusive, as forms state periods.
 */
import type { MonevQuery } from '../../core/monev';
import { addDaysToDate, formatLocalDate, fromWallTime, parseLocalDate, toWallTime } from '../../core/sla/zonedTime';

export interface MonevFilters {
  /** First day of the period (local date), inclusive. */
  from?: string;
  /** Last day of the period (local date), inclusive. */
  to?: string;
  office?: string;
  /** A lane (actor id). */
  lane?: string;
  revision?: number;
  /** Drill-down: the step whose cases are listed. */
  step?: string;
  /** Which of the step's cases: every one, or only those late, returned, looped or skipped. */
  which?: DrillDownKind;
  /** Where the measures come from: the device's own cases (absent, the default) or the server's, of the whole office. */
  source?: MonevSource;
}

export type MonevSource = 'server';

export const DRILL_DOWN_KINDS = ['all', 'late', 'returned', 'looped', 'skipped'] as const;
export type DrillDownKind = (typeof DRILL_DOWN_KINDS)[number];

const PARAM = { from: 'dari', to: 'sampai', office: 'kantor', lane: 'lajur', revision: 'revisi', step: 'langkah', which: 'kasus', source: 'sumber' } as const;

/** Reads filters from a query string; values that cannot be right (a date like 2026-13-40) are dropped, not guessed. */
export function parseMonevFilters(query: string): MonevFilters {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const date = (key: string) => {
    const value = text(key);
    return value && parseLocalDate(value) ? value : undefined;
  };
  const filters: MonevFilters = {};
  const from = date(PARAM.from);
  const to = date(PARAM.to);
  if (from) filters.from = from;
  if (to && (!from || to >= from)) filters.to = to;
  const office = text(PARAM.office);
  if (office) filters.office = office;
  const lane = text(PARAM.lane);
  if (lane) filters.lane = lane;
  const revision = Number(text(PARAM.revision));
  if (Number.isInteger(revision) && revision > 0) filters.revision = revision;
  const step = text(PARAM.step);
  if (step) {
    filters.step = step;
    const which = text(PARAM.which);
    filters.which = (DRILL_DOWN_KINDS as readonly string[]).includes(which ?? '') ? (which as DrillDownKind) : 'all';
  }
  // Any other value is the default: a mistyped link shows the device's cases rather than failing.
  if (text(PARAM.source) === 'server') filters.source = 'server';
  return filters;
}

/** The query string for filters ('' when none), in a fixed key order so equal filters give equal URLs. */
export function formatMonevFilters(filters: MonevFilters): string {
  const params = new URLSearchParams();
  if (filters.from) params.set(PARAM.from, filters.from);
  if (filters.to) params.set(PARAM.to, filters.to);
  if (filters.office) params.set(PARAM.office, filters.office);
  if (filters.lane) params.set(PARAM.lane, filters.lane);
  if (filters.revision) params.set(PARAM.revision, String(filters.revision));
  if (filters.step) {
    params.set(PARAM.step, filters.step);
    if (filters.which && filters.which !== 'all') params.set(PARAM.which, filters.which);
  }
  if (filters.source) params.set(PARAM.source, filters.source);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The core's query for filters: local dates become instants in the office's
 * time zone, and the period's last day is counted whole.
 */
export function monevQueryOf(filters: MonevFilters, timeZone: string): MonevQuery {
  const startOf = (text: string, addDays = 0) => {
    const date = addDaysToDate(parseLocalDate(text)!, addDays);
    return fromWallTime(timeZone, date.year, date.month, date.day);
  };
  return {
    ...(filters.from ? { from: startOf(filters.from) } : {}),
    ...(filters.to ? { to: startOf(filters.to, 1) } : {}),
    ...(filters.office ? { office: filters.office } : {}),
    ...(filters.lane ? { lane: filters.lane } : {}),
    ...(filters.revision ? { revision: filters.revision } : {}),
  };
}

/** The six months up to today (local dates), the span Permenpan sets for monitoring. */
export function lastSixMonths(now: number, timeZone: string): { from: string; to: string } {
  const wall = toWallTime(now, timeZone);
  const today = { year: wall.year, month: wall.month, day: wall.day };
  const back = new Date(Date.UTC(today.year, today.month - 1 - 6, today.day + 1));
  return { from: formatLocalDate({ year: back.getUTCFullYear(), month: back.getUTCMonth() + 1, day: back.getUTCDate() }), to: formatLocalDate(today) };
}
