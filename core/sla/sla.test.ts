import { afterEach, describe, expect, it } from 'vitest';
import type { Flow } from '../../schemas/generated/sop.types';
import { parseWaktu } from '../waktu';
import {
  DEFAULT_WORKING_CALENDAR,
  actualAgainstWaktu,
  addCalendarDays,
  addMonths,
  addWorkingDays,
  addWorkingMinutes,
  caseDueFromFlow,
  checkWorkingCalendar,
  dueFromWaktu,
  isOverdue,
  nextWorkingMoment,
  workingCalendar,
  workingMinutesBetween,
  zoneOffsetMs,
} from './index';

/** An instant written as WIB wall time. */
const wib = (local: string) => Date.parse(`${local}:00+07:00`);
const iso = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const cal = DEFAULT_WORKING_CALENDAR;
const due = (raw: string, at: string) => dueFromWaktu(cal, wib(at), parseWaktu(raw));

// 2025-06-02 is a Monday; 2025-06-06 a Friday.
describe('default calendar (Indonesian government hours, WIB)', () => {
  it('is valid and keeps Asia/Jakarta (UTC+7)', () => {
    expect(checkWorkingCalendar(cal)).toEqual([]);
    expect(zoneOffsetMs(wib('2025-06-02T10:00'), 'Asia/Jakarta')).toBe(7 * 3_600_000);
  });

  it('counts minutes and hours in working time, skipping the lunch break', () => {
    expect(iso(addWorkingMinutes(cal, wib('2025-06-02T10:00'), 10))).toBe('2025-06-02 10:10');
    expect(iso(addWorkingMinutes(cal, wib('2025-06-02T11:30'), 60))).toBe('2025-06-02 13:30');
    expect(iso(addWorkingMinutes(cal, wib('2025-06-02T12:15'), 10))).toBe('2025-06-02 13:10');
  });

  it('carries working minutes over the end of the day and the weekend', () => {
    expect(iso(addWorkingMinutes(cal, wib('2025-06-02T15:30'), 60))).toBe('2025-06-03 08:00');
    expect(iso(addWorkingMinutes(cal, wib('2025-06-06T16:00'), 60))).toBe('2025-06-09 08:00');
    expect(iso(addWorkingMinutes(cal, wib('2025-06-07T09:00'), 10))).toBe('2025-06-09 07:40');
  });

  it('uses the longer Friday (07:30–16:30) with the 11:30–13:00 prayer break', () => {
    expect(iso(addWorkingMinutes(cal, wib('2025-06-06T11:00'), 60))).toBe('2025-06-06 13:30');
    expect(iso(addWorkingMinutes(cal, wib('2025-06-06T16:00'), 20))).toBe('2025-06-06 16:20');
    expect(workingMinutesBetween(cal, wib('2025-06-06T00:00'), wib('2025-06-07T00:00'))).toBe(450);
    expect(workingMinutesBetween(cal, wib('2025-06-02T00:00'), wib('2025-06-09T00:00'))).toBe(37.5 * 60);
  });

  it('reads "2-3 Jam" by its maximum', () => {
    expect(iso(due('2-3 Jam', '2025-06-02T08:00')!.dueAt)).toBe('2025-06-02 11:00');
  });

  it('counts hari kerja as working days, keeping the time of day', () => {
    expect(iso(due('2 hari kerja', '2025-06-05T10:00')!.dueAt)).toBe('2025-06-09 10:00');
    // Started Friday 16:20: Monday closes at 16:00, so the due time is kept inside working hours.
    expect(iso(due('1 hari kerja', '2025-06-06T16:20')!.dueAt)).toBe('2025-06-09 16:00');
    // Received on Saturday: counting starts at Monday's opening.
    expect(iso(due('1 hari kerja', '2025-06-07T10:00')!.dueAt)).toBe('2025-06-10 07:30');
  });

  it('counts hari as calendar days and minggu as weeks, weekends included', () => {
    expect(iso(due('1 hari', '2025-06-06T10:00')!.dueAt)).toBe('2025-06-07 10:00');
    expect(iso(due('2 minggu', '2025-06-02T10:00')!.dueAt)).toBe('2025-06-16 10:00');
  });

  it('counts bulan as calendar months, clamped to the month end', () => {
    expect(iso(due('1 Bulan', '2025-01-31T10:00')!.dueAt)).toBe('2025-02-28 10:00');
    expect(iso(due('6 bulan', '2025-06-02T10:00')!.dueAt)).toBe('2025-12-02 10:00');
    expect(iso(addMonths(cal, wib('2024-01-31T10:00'), 1))).toBe('2024-02-29 10:00');
  });

  it('is due by the latest of alternatives', () => {
    expect(iso(due('15 menit / 1 hari', '2025-06-02T10:00')!.dueAt)).toBe('2025-06-03 10:00');
  });

  it('has no due time for empty or unreadable Waktu (never zero)', () => {
    expect(due('', '2025-06-02T10:00')).toBeNull();
    expect(due('L hari', '2025-06-02T10:00')).toBeNull();
    expect(dueFromWaktu(cal, wib('2025-06-02T10:00'), undefined)).toBeNull();
  });
});

describe('calendar windows ("Setiap Tanggal 1 - 15")', () => {
  it('inside the window: due at the end of its last day, and open', () => {
    const d = due('Setiap Tanggal 1 - 15', '2025-06-10T09:00')!;
    expect(d.kind).toBe('window');
    expect(d.window!.open).toBe(true);
    expect(iso(d.dueAt)).toBe('2025-06-16 00:00');
    expect(iso(d.window!.opensAt)).toBe('2025-06-01 00:00');
  });

  it('before the window opens this month: due at this month\'s window end, not yet open', () => {
    const d = due('Tanggal 18 - 20', '2025-06-10T09:00')!;
    expect(d.window!.open).toBe(false);
    expect(iso(d.window!.opensAt)).toBe('2025-06-18 00:00');
    expect(iso(d.dueAt)).toBe('2025-06-21 00:00');
  });

  it('after the window closed: next month\'s window, across the year end', () => {
    const d = due('Setiap Tanggal 1 - 15', '2025-12-20T09:00')!;
    expect(d.window!.open).toBe(false);
    expect(iso(d.window!.opensAt)).toBe('2026-01-01 00:00');
    expect(iso(d.dueAt)).toBe('2026-01-16 00:00');
  });

  it('clamps a window past the month end (tanggal 25 - 31 in February)', () => {
    const d = due('Setiap Tanggal 25 - 31', '2025-02-26T09:00')!;
    expect(d.window!.open).toBe(true);
    expect(iso(d.dueAt)).toBe('2025-03-01 00:00');
  });
});

describe('holidays and configuration', () => {
  const withHolidays = workingCalendar({ holidays: ['2025-06-06', '2025-06-09'] });

  it('skips holidays for working minutes and working days', () => {
    expect(iso(addWorkingMinutes(withHolidays, wib('2025-06-05T15:30'), 60))).toBe('2025-06-10 08:00');
    expect(iso(addWorkingDays(withHolidays, wib('2025-06-05T10:00'), 1))).toBe('2025-06-10 10:00');
    expect(iso(nextWorkingMoment(withHolidays, wib('2025-06-06T10:00')))).toBe('2025-06-10 07:30');
  });

  it('does not skip holidays for calendar days', () => {
    expect(iso(addCalendarDays(withHolidays, wib('2025-06-05T10:00'), 1))).toBe('2025-06-06 10:00');
  });

  it('keeps other zones: WITA (Asia/Makassar) opens at 07:30 local = 06:30 WIB', () => {
    const wita = workingCalendar({ timeZone: 'Asia/Makassar' });
    expect(iso(nextWorkingMoment(wita, wib('2025-06-07T10:00')))).toBe('2025-06-09 06:30');
  });

  it('reports a bad configuration in both languages', () => {
    const problems = checkWorkingCalendar({ timeZone: 'Mars/Olympus', week: [null], holidays: ['31-12-2025'] });
    expect(problems.map((p) => p.path)).toEqual(['timeZone', 'week', 'holidays/0']);
    expect(problems[0]!.message.id).toContain('Zona waktu');
    expect(problems[0]!.message.en).toContain('Unknown time zone');
  });

  it('refuses a calendar without any working day instead of looping', () => {
    const never = workingCalendar({ week: [null, null, null, null, null, null, null] });
    expect(() => addWorkingMinutes(never, wib('2025-06-02T10:00'), 10)).toThrow(RangeError);
  });
});

describe('independence from the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same due times whatever TZ the process runs in', () => {
    const compute = () => [
      due('60 Menit', '2025-06-06T15:45')!.dueAt,
      due('2 hari kerja', '2025-06-05T10:00')!.dueAt,
      due('1 Bulan', '2025-01-31T23:30')!.dueAt,
      due('Setiap Tanggal 1 - 15', '2025-06-15T23:30')!.dueAt,
    ];
    process.env.TZ = 'UTC';
    const utc = compute();
    process.env.TZ = 'America/New_York';
    expect(compute()).toEqual(utc);
    process.env.TZ = 'Pacific/Kiritimati';
    expect(compute()).toEqual(utc);
    expect(iso(utc[2]!)).toBe('2025-02-28 23:30');
  });
});

describe('case due time, overdue flags, actual durations', () => {
  const flow: Flow = {
    id: 'f',
    lanes: ['a'],
    steps: [
      { id: 's1', kind: 'start', text: '', actors: [{ actor: 'a', role: 'performs' }], waktu: { raw: '60 Menit' } },
      { id: 's2', kind: 'decision', text: '', actors: [{ actor: 'a', role: 'performs' }], waktu: { raw: '10 menit' } },
      { id: 's3', kind: 'process', text: '', actors: [{ actor: 'a', role: 'performs' }], waktu: { raw: '2 hari kerja' } },
      { id: 's4', kind: 'end', text: '', actors: [{ actor: 'a', role: 'performs' }], waktu: { raw: '' } },
    ],
    edges: [
      { id: 'e1', from: 's1', to: 's2' },
      { id: 'e2', from: 's2', to: 's3', label: 'Ya' },
      { id: 'e3', from: 's2', to: 's4', label: 'Tidak' },
      { id: 'e4', from: 's3', to: 's4' },
    ],
  };

  it('adds the longest path: 70 working minutes then 2 working days', () => {
    expect(iso(caseDueFromFlow(cal, wib('2025-06-02T08:00'), flow)!)).toBe('2025-06-04 09:10');
  });

  it('has no case due time when no step states a time', () => {
    const timeless = { ...flow, steps: flow.steps.map((s) => ({ ...s, waktu: { raw: '' } })) };
    expect(caseDueFromFlow(cal, wib('2025-06-02T08:00'), timeless)).toBeNull();
  });

  it('flags overdue only after the due time', () => {
    const d = wib('2025-06-02T10:00');
    expect(isOverdue(d, d)).toBe(false);
    expect(isOverdue(d, d + 1)).toBe(true);
    expect(isOverdue(null, d + 1)).toBe(false);
  });

  it('measures working time taken against Waktu', () => {
    const a = actualAgainstWaktu(cal, parseWaktu('60 Menit'), wib('2025-06-02T11:30'), wib('2025-06-02T13:20'));
    expect(a.workingMinutes).toBe(50);
    expect(a.verdict).toBe('on-time');
    const late = actualAgainstWaktu(cal, parseWaktu('10 Menit'), wib('2025-06-02T08:00'), wib('2025-06-02T09:00'));
    expect(late.verdict).toBe('late');
    expect(actualAgainstWaktu(cal, parseWaktu(''), wib('2025-06-02T08:00'), wib('2025-06-02T09:00')).verdict).toBe('no-limit');
  });
});
