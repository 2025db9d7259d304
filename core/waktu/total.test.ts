import { describe, expect, it } from 'vitest';
import { parseWaktu } from './parse';
import { addWaktu, emptyTotal } from './total';

const add = (...raws: string[]) => raws.map(parseWaktu).reduce(addWaktu, emptyTotal());

describe('addWaktu', () => {
  it('keeps families apart and never turns days into minutes', () => {
    expect(add('1 jam', '2 hari', '1 minggu', '3 hari kerja', '1 bulan')).toEqual({
      ...emptyTotal(),
      minutes: { min: 60, max: 60 },
      calendarDays: { min: 9, max: 9 },
      workingDays: { min: 3, max: 3 },
      months: { min: 1, max: 1 },
    });
  });

  it('sums a triwulan, a semester and a year as exact months, apart from days', () => {
    expect(add('1 triwulan', '1 semester', '1 tahun', '2 hari').months).toEqual({ min: 21, max: 21 });
    expect(add('1 semester').calendarDays).toEqual({ min: 0, max: 0 });
  });

  it('gives alternatives of one family their smallest and largest option', () => {
    expect(add('30 menit atau 1 jam').minutes).toEqual({ min: 30, max: 60 });
  });

  it('lets a family get nothing when an alternative lies in another family', () => {
    const total = add('15 menit / 1 hari');
    expect(total.minutes).toEqual({ min: 0, max: 15 });
    expect(total.calendarDays).toEqual({ min: 0, max: 1 });
  });

  it('counts windows, empty and unparsed steps without summing them', () => {
    expect(add('Setiap Tanggal 1 - 15', '', '-', 'L hari')).toEqual({
      ...emptyTotal(),
      calendarWindows: 1,
      empty: 2,
      unparsed: 1,
    });
  });

  it('is pure', () => {
    const before = emptyTotal();
    addWaktu(before, parseWaktu('5 menit'));
    expect(before).toEqual(emptyTotal());
  });

  it('sums decimals without floating-point noise', () => {
    expect(add('0,1 jam', '0,2 jam').minutes).toEqual({ min: 18, max: 18 });
  });
});
