import { describe, expect, it } from 'vitest';
import { describeParsedWaktu, formatMinMax, formatMinutes, formatWaktuTotal } from './format';
import { parseWaktu } from './parse';
import { emptyTotal } from './total';

describe('formatMinutes', () => {
  it.each([
    [250, '4 jam 10 menit', '4 hours 10 minutes'],
    [60, '1 jam', '1 hour'],
    [0, '0 menit', '0 minutes'],
    [1, '1 menit', '1 minute'],
    [61, '1 jam 1 menit', '1 hour 1 minute'],
    [4520, '75 jam 20 menit', '75 hours 20 minutes'],
    [1.5, '1,5 menit', '1.5 minutes'],
  ])('%d', (minutes, id, en) => {
    expect(formatMinutes(minutes, 'id')).toBe(id);
    expect(formatMinutes(minutes, 'en')).toBe(en);
  });
});

describe('formatMinMax', () => {
  it('shows one value when min equals max', () => {
    expect(formatMinMax({ min: 250, max: 250 }, 'minutes', 'id')).toBe('4 jam 10 menit');
  });
  it('joins a range with a spaced en dash', () => {
    expect(formatMinMax({ min: 155, max: 215 }, 'minutes', 'id')).toBe('2 jam 35 menit – 3 jam 35 menit');
    expect(formatMinMax({ min: 1, max: 2 }, 'workingDays', 'en')).toBe('1 working day – 2 working days');
  });
  it('names the other families in their own unit', () => {
    expect(formatMinMax({ min: 3, max: 3 }, 'calendarDays', 'id')).toBe('3 hari');
    expect(formatMinMax({ min: 1, max: 1 }, 'months', 'en')).toBe('1 month');
  });
});

describe('formatWaktuTotal', () => {
  const full = {
    ...emptyTotal(),
    minutes: { min: 250, max: 250 },
    workingDays: { min: 2, max: 2 },
    calendarDays: { min: 3, max: 3 },
    months: { min: 1, max: 1 },
  };
  it('lists minutes first, then the other non-zero families', () => {
    expect(formatWaktuTotal(full, 'id')).toBe('4 jam 10 menit; 2 hari kerja; 3 hari; 1 bulan');
    expect(formatWaktuTotal(full, 'en')).toBe('4 hours 10 minutes; 2 working days; 3 days; 1 month');
  });
  it('leaves out zero families', () => {
    expect(formatWaktuTotal({ ...emptyTotal(), calendarDays: { min: 0, max: 2 } }, 'id')).toBe('0 hari – 2 hari');
  });
  it('shows a dash when nothing is summed', () => {
    expect(formatWaktuTotal({ ...emptyTotal(), empty: 3 }, 'id')).toBe('-');
    expect(formatWaktuTotal(emptyTotal(), 'en')).toBe('–');
  });
});

describe('describeParsedWaktu', () => {
  it.each([
    ['2-3 Jam', '2–3 jam (rentang 120–180 menit)', '2–3 hours (range 120–180 minutes)'],
    ['Setiap Tanggal 1 - 15', 'Setiap bulan tanggal 1–15 (jendela kalender, tidak dijumlahkan)', 'Monthly, days 1–15 (calendar window, not summed)'],
    ['Tanggal 18 - 20', 'Tanggal 18–20, setiap bulan (tersirat) (jendela kalender, tidak dijumlahkan)', 'Days 18–20, monthly (implied) (calendar window, not summed)'],
    ['', 'Tidak ada waktu', 'No time stated'],
    ['L hari', 'Tidak dapat dibaca', 'Could not be read'],
    ['15 menit', '15 menit', '15 minutes'],
    ['10-15 menit', '10–15 menit (rentang)', '10–15 minutes (range)'],
    ['1 jam', '1 jam (60 menit)', '1 hour (60 minutes)'],
    ['1,5 jam', '1,5 jam (90 menit)', '1.5 hours (90 minutes)'],
    ['2 minggu', '2 minggu (14 hari kalender)', '2 weeks (14 calendar days)'],
    ['1 semester', '1 semester (6 bulan)', '1 semester (6 months)'],
    ['2 triwulan', '2 triwulan (6 bulan)', '2 quarters (6 months)'],
    ['1 hari kerja', '1 hari kerja', '1 working day'],
    ['15 menit / 1 hari', '15 menit atau 1 hari', '15 minutes or 1 day'],
  ])('%j', (raw, id, en) => {
    expect(describeParsedWaktu(parseWaktu(raw), 'id')).toBe(id);
    expect(describeParsedWaktu(parseWaktu(raw), 'en')).toBe(en);
  });
});
