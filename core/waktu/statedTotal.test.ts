import { describe, expect, it } from 'vitest';
import { compareStatedTotal, parseStatedTotal } from './statedTotal';
import { emptyTotal, type WaktuTotal } from './total';
import { minutesToWorkingDays } from './workingCalendar';

const minutes = (min: number, max = min): WaktuTotal => ({ ...emptyTotal(), minutes: { min, max } });

describe('parseStatedTotal', () => {
  it.each([
    ['4 Jam 10 Menit', minutes(250)],
    ['75 jam 20 menit', minutes(4520)],
    ['35 menit', minutes(35)],
    ['8 jam (1 Hari Kerja)', minutes(480)],
    ['2 hari kerja', { ...emptyTotal(), workingDays: { min: 2, max: 2 } }],
  ])('%j', (raw, expected) => {
    expect(parseStatedTotal(raw)).toEqual(expected);
  });

  it.each(['', '-', 'L jam', 'Setiap Tanggal 1 - 15', '15 menit / 1 hari', 'x'.repeat(100_000)])(
    'returns null for %j',
    (raw) => {
      expect(parseStatedTotal(raw)).toBeNull();
    },
  );
});

describe('compareStatedTotal', () => {
  it('matches "4 Jam 10 Menit" with 250 computed minutes', () => {
    expect(compareStatedTotal(parseStatedTotal('4 Jam 10 Menit')!, minutes(250))).toEqual({ matches: true });
  });
  it('does not match "35 menit" with 25 computed minutes', () => {
    expect(compareStatedTotal(parseStatedTotal('35 menit')!, minutes(25))).toEqual({ matches: false });
  });
  it('does not match a single value against a range', () => {
    expect(compareStatedTotal(minutes(155), minutes(155, 215)).matches).toBe(false);
  });
  it('ignores the counters', () => {
    expect(compareStatedTotal(minutes(30), { ...minutes(30), empty: 2, calendarWindows: 1 }).matches).toBe(true);
  });
});

describe('minutesToWorkingDays', () => {
  it('converts only with an explicit working-day length', () => {
    expect(minutesToWorkingDays(1000, { minutesPerWorkingDay: 480 })).toEqual({ days: 2, remainderMinutes: 40 });
    expect(minutesToWorkingDays(0, { minutesPerWorkingDay: 450 })).toEqual({ days: 0, remainderMinutes: 0 });
  });
  it('rejects a non-positive working day', () => {
    expect(() => minutesToWorkingDays(10, { minutesPerWorkingDay: 0 })).toThrow(RangeError);
  });
});
