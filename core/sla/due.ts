/**
 * Due times from a step's Waktu, and actual durations against it.
 *
 * - menit / jam count working time (addWorkingMinutes);
 * - hari kerja counts working days; hari counts calendar days; minggu is 7
 *   calendar days; bulan counts calendar months;
 * - a range ("2-3 Jam") is due by its maximum;
 * - alternatives ("15 menit / 1 hari") are due by the latest option, since
 *   the SOP allows any of them;
 * - a calendar window ("Setiap Tanggal 1 - 15") is due at the end of the
 *   window's last day, and says whether the window is open now;
 * - empty or unreadable Waktu has no due time (never zero);
 * - triwulan, semester and tahun are 3, 6 and 12 calendar months.
 *
 * What the Waktu measures (schema v2 `Waktu.measure`, README.md "Waktu kinds"):
 * work and limit give the step its due time and count toward the case's;
 * a wait gives no due time, only when it is expected to be over, and does
 * not count toward the case's due time.
 */
import type { Flow, ParsedWaktu, Waktu, WaktuAmount, WaktuWindow } from '../../schemas/generated/sop.types';
import { computeFlowTotal } from '../waktu/flowTotal';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  addWorkingMinutes,
  localDateOf,
  workingMinutesBetween,
  type WorkingCalendarConfig,
} from './calendar';
import { daysInMonth, fromWallTime } from './zonedTime';

export interface WindowStatus {
  /** True when the step became active inside the window. */
  open: boolean;
  /** Start of the window the step is due in (00:00 local of its first day). */
  opensAt: number;
  /** End of that window (00:00 local after its last day) = the due time. */
  closesAt: number;
  fromDay: number;
  toDay: number;
}

export interface StepDue {
  dueAt: number;
  kind: 'duration' | 'window';
  window?: WindowStatus;
}

/** The due time of something that starts at `startMs` and takes `amount` (by its maximum). */
export function addWaktuAmount(calendar: WorkingCalendarConfig, startMs: number, amount: WaktuAmount): number {
  const n = amount.max;
  switch (amount.unit) {
    case 'minute':
      return addWorkingMinutes(calendar, startMs, n);
    case 'hour':
      return addWorkingMinutes(calendar, startMs, n * 60);
    case 'workingDay':
      return addWorkingDays(calendar, startMs, n);
    case 'day':
      return addCalendarDays(calendar, startMs, n);
    case 'week':
      return addCalendarDays(calendar, startMs, n * 7);
    case 'month':
      return addMonths(calendar, startMs, n);
    case 'quarter':
      return addMonths(calendar, startMs, n * 3);
    case 'semester':
      return addMonths(calendar, startMs, n * 6);
    case 'year':
      return addMonths(calendar, startMs, n * 12);
  }
}

/**
 * The monthly window `fromDay`–`toDay` that a step active at `startMs` belongs
 * to: the current one when it is open (or still to open this month), else next month's.
 */
export function windowFor(calendar: WorkingCalendarConfig, startMs: number, window: WaktuWindow): WindowStatus {
  const tz = calendar.timeZone;
  const today = localDateOf(startMs, tz);
  const bounds = (year: number, month: number) => {
    const last = daysInMonth(year, month);
    const from = Math.min(window.fromDay, last);
    const to = Math.min(Math.max(window.toDay, window.fromDay), last);
    return {
      opensAt: fromWallTime(tz, year, month, from),
      // Midnight after the last day: the whole last day is inside the window.
      closesAt: fromWallTime(tz, year, month, to) + 86_400_000,
      from,
      to,
    };
  };
  let b = bounds(today.year, today.month);
  if (startMs >= b.closesAt) {
    const nextMonth = today.month === 12 ? { year: today.year + 1, month: 1 } : { year: today.year, month: today.month + 1 };
    b = bounds(nextMonth.year, nextMonth.month);
  }
  return { open: startMs >= b.opensAt && startMs < b.closesAt, opensAt: b.opensAt, closesAt: b.closesAt, fromDay: b.from, toDay: b.to };
}

/** The due time of a step that became active at `startMs`, or null when its Waktu states none. */
export function dueFromWaktu(calendar: WorkingCalendarConfig, startMs: number, parsed: ParsedWaktu | undefined): StepDue | null {
  if (!parsed) return null;
  switch (parsed.kind) {
    case 'amount':
      return { dueAt: addWaktuAmount(calendar, startMs, parsed), kind: 'duration' };
    case 'window': {
      const window = windowFor(calendar, startMs, parsed);
      return { dueAt: window.closesAt, kind: 'window', window };
    }
    case 'alternatives': {
      let latest: StepDue | null = null;
      for (const option of parsed.options) {
        const due = dueFromWaktu(calendar, startMs, option);
        if (due && (!latest || due.dueAt > latest.dueAt)) latest = due;
      }
      return latest;
    }
    default:
      return null;
  }
}

export type WaktuMeasure = NonNullable<Waktu['measure']>;

/** A step's due time read with its Waktu measure. */
export interface StepDueByMeasure {
  measure: WaktuMeasure;
  /** When the step is due: work and limit. Absent for a wait, which the office cannot be late on. */
  dueAt?: number;
  /** When a wait is expected to be over: shown, never counted as overdue. */
  waitUntil?: number;
  window?: WindowStatus;
}

/**
 * The due time of a step that became active at `startMs`, by what its Waktu
 * measures: work (the default) is due when the work's time is up (by the
 * range's maximum); limit ("paling lambat 24 jam") is due at the bound; a
 * wait (a reply, a visit window) is never due, only expected to be over.
 * Null when the Waktu states no time.
 */
export function stepDueFromWaktu(calendar: WorkingCalendarConfig, startMs: number, waktu: Waktu | undefined, parsed: ParsedWaktu | undefined): StepDueByMeasure | null {
  const due = dueFromWaktu(calendar, startMs, parsed);
  if (!due) return null;
  const measure: WaktuMeasure = waktu?.measure ?? 'work';
  const window = due.window ? { window: due.window } : {};
  return measure === 'wait' ? { measure, waitUntil: due.dueAt, ...window } : { measure, dueAt: due.dueAt, ...window };
}

/** The flow without the Waktu of its waiting steps: what the office is answerable for. */
function withoutWaits(flow: Flow): Flow {
  if (!flow.steps.some((s) => s.waktu?.measure === 'wait')) return flow;
  return { ...flow, steps: flow.steps.map((s) => (s.waktu?.measure === 'wait' ? { ...s, waktu: { raw: '' } } : s)) };
}

// Documents are immutable (every edit makes a new flow object), so a flow's total is computed once: every case
// started on a published revision asks for it (the sync server, hundreds of times a second).
const answerableTotals = new WeakMap<Flow, ReturnType<typeof computeFlowTotal>>();

function answerableTotalOf(flow: Flow): ReturnType<typeof computeFlowTotal> {
  let total = answerableTotals.get(flow);
  if (!total) answerableTotals.set(flow, (total = computeFlowTotal(withoutWaits(flow))));
  return total;
}

/**
 * The overall due time of a case started at `startMs`: the longest path's
 * total of each unit family, added in turn (working minutes, then working
 * days, calendar days, months). Calendar windows are not durations and do not
 * add to it; nor do waits (`measure: "wait"`): the engine moves the case's due
 * time later by the working time actually waited instead. Null when no step
 * states a time.
 */
export function caseDueFromFlow(calendar: WorkingCalendarConfig, startMs: number, flow: Flow): number | null {
  const total = answerableTotalOf(flow);
  if (total.minutes.max === 0 && total.workingDays.max === 0 && total.calendarDays.max === 0 && total.months.max === 0) {
    return null;
  }
  let due = startMs;
  if (total.minutes.max > 0) due = addWorkingMinutes(calendar, due, total.minutes.max);
  if (total.workingDays.max > 0) due = addWorkingDays(calendar, due, total.workingDays.max);
  if (total.calendarDays.max > 0) due = addCalendarDays(calendar, due, total.calendarDays.max);
  if (total.months.max > 0) due = addMonths(calendar, due, total.months.max);
  return due;
}

export function isOverdue(dueAt: number | null | undefined, nowMs: number): boolean {
  return dueAt !== null && dueAt !== undefined && nowMs > dueAt;
}

export interface ActualDuration {
  /** Wall-clock time elapsed. */
  elapsedMs: number;
  /** Working time elapsed (office hours only), in minutes. */
  workingMinutes: number;
  /** 'on-time' when finished by the due time, 'late' after it, 'no-limit' when Waktu states none. */
  verdict: 'on-time' | 'late' | 'no-limit';
  dueAt: number | null;
}

/** How long a step actually took, against its Waktu (the audit trail's "durasi vs Waktu"). */
export function actualAgainstWaktu(
  calendar: WorkingCalendarConfig,
  parsed: ParsedWaktu | undefined,
  startMs: number,
  endMs: number,
  dueAt?: number | null,
): ActualDuration {
  const due = dueAt === undefined ? dueFromWaktu(calendar, startMs, parsed)?.dueAt ?? null : dueAt;
  return {
    elapsedMs: Math.max(0, endMs - startMs),
    workingMinutes: workingMinutesBetween(calendar, startMs, endMs),
    verdict: due === null ? 'no-limit' : endMs <= due ? 'on-time' : 'late',
    dueAt: due,
  };
}
