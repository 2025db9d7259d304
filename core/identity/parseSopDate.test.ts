import { describe, expect, it } from 'vitest';
import { parseSopDate, type ParsedSopDate } from './parseSopDate';

type Expected = Omit<ParsedSopDate, 'raw'>;

const day = (iso: string): Expected => ({ iso, precision: 'day' });
const month = (iso: string): Expected => ({ iso, precision: 'month' });
const none: Expected = { precision: 'none' };

/**
 * Every date string of the seed SOPs: as the transcriptions write them
 * (transcriber's remarks in parentheses included), and as the samples store
 * them after cleaning. A remark or OCR junk must never yield a date.
 */
const SEED_DATES: readonly (readonly [string, Expected])[] = [
  // blt-sk-kip
  ['5 Januari 2022', day('2022-01-05')],
  ['4 Januari 2024', day('2024-01-04')],
  ['9 Januari 2024', day('2024-01-09')],
  // bwi-spm-online
  ['16 Januari 2024', day('2024-01-16')],
  ['-', none],
  ['16 JANUARI 2024', day('2024-01-16')],
  // kra-pbi-jk-pbpu: empty identity dates; signature date with the day left blank
  ['', none],
  ['Karanganyar,          Januari 2023 (day left blank)', none],
  ['Januari 2023', month('2023-01')],
  // lmj-01, lmj-02, lmj-05 .. lmj-19
  ['Agustus 2017', month('2017-08')],
  ['21 September 2020', day('2020-09-21')],
  ["21 _Septemper-202 (OCR of '21 September 2020')", none],
  ['21 _Septemper-202', none],
  ['02 Januari 2018', day('2018-01-02')],
  ["21 ... (OCR garbled; a nearby line reads '1\" September.2020')", none],
  ['21\\“‘?6@ e@?@\\{ :', none],
  ['1" September.2020', none],
  ['02 Januari 2020', day('2020-01-02')],
  ['26 Pebruari 2020', day('2020-02-26')],
  [",27 Pebruai 2020 (OCR of '27 Pebruari 2020')", none],
  [',27 Pebruai 2020', day('2020-02-27')],
  ['27 Pebruari 2020', day('2020-02-27')],
  ['September 2018', month('2018-09')],
  ['02Januari 2020', day('2020-01-02')],
  ['21 Septermber, 2020', day('2020-09-21')],
  ['21 September-2020', day('2020-09-21')],
  ['31 Agustus 2018', day('2018-08-31')],
  ['21-September2020', day('2020-09-21')],
  // oku-11, oku-12, oku-13 (scans)
  ['IAB-VAE) 20t = (OCR of a handwritten/stamped date; unreadable)', none],
  ['IAB-VAE) 20t =', none],
  ['R (unreadable)', none],
  ['R', none],
  ["3 Mei 2022 (OCR 'v3Mei 2022')", none],
  ['v3Mei 2022', none],
  ['3 Mei 2022', day('2022-05-03')],
  ["15-YWeL 20T+ B = (OCR of handwritten/stamped date; maybe '15-... 20..')", none],
  ['15-YWeL 20T+ B =', none],
  ['g g (unreadable)', none],
  ['g g', none],
];

describe('parseSopDate on every date string of the seeds', () => {
  it.each(SEED_DATES)('%j', (raw, expected) => {
    expect(parseSopDate(raw)).toEqual({ raw, ...expected });
  });
});

describe('parseSopDate', () => {
  it.each([
    ['1 Januari 2021', '2021-01-01'],
    ['1 Februari 2021', '2021-02-01'],
    ['1 Pebruari 2021', '2021-02-01'],
    ['1 Maret 2021', '2021-03-01'],
    ['1 April 2021', '2021-04-01'],
    ['1 Mei 2021', '2021-05-01'],
    ['1 Juni 2021', '2021-06-01'],
    ['1 Juli 2021', '2021-07-01'],
    ['1 Agustus 2021', '2021-08-01'],
    ['1 September 2021', '2021-09-01'],
    ['1 Septermber 2021', '2021-09-01'],
    ['1 Oktober 2021', '2021-10-01'],
    ['1 Nopember 2021', '2021-11-01'],
    ['1 November 2021', '2021-11-01'],
    ['1 Desember 2021', '2021-12-01'],
  ])('knows the month in %j', (raw, iso) => {
    expect(parseSopDate(raw)).toEqual({ raw, iso, precision: 'day' });
  });

  it('ignores case', () => {
    expect(parseSopDate('7 nopember 2019').iso).toBe('2019-11-07');
    expect(parseSopDate('7 NOPEMBER 2019').iso).toBe('2019-11-07');
    expect(parseSopDate('MEI 2019')).toEqual({ raw: 'MEI 2019', iso: '2019-05', precision: 'month' });
  });

  it('keeps the raw text unchanged, surrounding spaces included', () => {
    expect(parseSopDate('  16 Januari 2024 ')).toEqual({ raw: '  16 Januari 2024 ', iso: '2024-01-16', precision: 'day' });
  });

  it('reads numeric day-month-year and ISO dates', () => {
    expect(parseSopDate('05/01/2022').iso).toBe('2022-01-05');
    expect(parseSopDate('2024-01-16').iso).toBe('2024-01-16');
    expect(parseSopDate('2024-01')).toEqual({ raw: '2024-01', iso: '2024-01', precision: 'month' });
  });

  it('rejects impossible days and months instead of rolling them over', () => {
    expect(parseSopDate('30 Pebruari 2020').precision).toBe('none');
    expect(parseSopDate('29 Pebruari 2020').iso).toBe('2020-02-29');
    expect(parseSopDate('29 Pebruari 2021').precision).toBe('none');
    expect(parseSopDate('32 Januari 2020').precision).toBe('none');
    expect(parseSopDate('13/13/2020').precision).toBe('none');
  });

  it('does not guess a month from a word that is not one', () => {
    expect(parseSopDate('21 Sabtu 2020').precision).toBe('none');
    expect(parseSopDate('21 Juno 2020').precision).toBe('none'); // short words are never typo-matched
    expect(parseSopDate('21 Junli 2020').precision).toBe('none'); // as close to Juni as to Juli
    expect(parseSopDate('Januari').precision).toBe('none');
    expect(parseSopDate('2020').precision).toBe('none');
  });

  it('never throws, whatever it is given', () => {
    for (const input of [null, undefined, 42, {}, 'x'.repeat(10_000), '\u0000', '1 '.repeat(500)]) {
      expect(() => parseSopDate(input as unknown as string)).not.toThrow();
      expect(parseSopDate(input as unknown as string).precision).toBe('none');
    }
  });
});
