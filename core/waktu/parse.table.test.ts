import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedWaktu, WaktuAmount } from '../../schemas/generated/sop.types';
import { parseWaktu } from './parse';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = resolve(repoRoot, '../shared/seeds/transcribed');

const minutes = (n: number): WaktuAmount => ({ kind: 'amount', unit: 'minute', min: n, max: n });

/** Every distinct durationRaw of the seed transcriptions, with its reading written out. */
const SEED_TABLE: ReadonlyArray<readonly [string, ParsedWaktu]> = [
  ['', { kind: 'empty' }],
  ['5 menit', minutes(5)],
  ['5 Menit', minutes(5)],
  ['3 menit', minutes(3)],
  ['10 menit', minutes(10)],
  ['10 Menit', minutes(10)],
  ['15 menit', minutes(15)],
  ['15 Menit', minutes(15)],
  ['15menit', minutes(15)],
  ['20 menit', minutes(20)],
  ['30 menit', minutes(30)],
  ['30 Menit', minutes(30)],
  ['45 menit', minutes(45)],
  ['60 Menit', minutes(60)],
  ['90 menit', minutes(90)],
  ['105 menit', minutes(105)],
  ['120 menit', minutes(120)],
  // Transcriber's repair of OCR "2 meni"; lmj-14 normalizes it to 2 minutes.
  ['2 meni[t]', minutes(2)],
  ['2 jam', { kind: 'amount', unit: 'hour', min: 2, max: 2 }],
  ['3jam', { kind: 'amount', unit: 'hour', min: 3, max: 3 }],
  ['24 jam', { kind: 'amount', unit: 'hour', min: 24, max: 24 }],
  ['2-3 Jam', { kind: 'amount', unit: 'hour', min: 2, max: 3 }],
  ['1 hari', { kind: 'amount', unit: 'day', min: 1, max: 1 }],
  ['2 hari', { kind: 'amount', unit: 'day', min: 2, max: 2 }],
  ['5 hari', { kind: 'amount', unit: 'day', min: 5, max: 5 }],
  ['2 hari kerja', { kind: 'amount', unit: 'workingDay', min: 2, max: 2 }],
  ['2 minggu', { kind: 'amount', unit: 'week', min: 2, max: 2 }],
  ['1 Bulan', { kind: 'amount', unit: 'month', min: 1, max: 1 }],
  ['6 bulan', { kind: 'amount', unit: 'month', min: 6, max: 6 }],
  ['L hari', { kind: 'unparsed' }],
  ['Setiap Tanggal 1 -  15', { kind: 'window', fromDay: 1, toDay: 15, recurrence: 'monthly' }],
  ['Setiap Tanggal 15 - 20', { kind: 'window', fromDay: 15, toDay: 20, recurrence: 'monthly' }],
  ['Tanggal 18 - 20', { kind: 'window', fromDay: 18, toDay: 20, recurrence: 'monthly', recurrenceStated: false }],
];

/** Forms the design names that no seed happens to use. */
const EXTRA_TABLE: ReadonlyArray<readonly [string, ParsedWaktu]> = [
  [
    '15 menit / 1 hari',
    {
      kind: 'alternatives',
      options: [minutes(15), { kind: 'amount', unit: 'day', min: 1, max: 1 }],
    },
  ],
  [
    '15 menit atau 1 hari kerja',
    {
      kind: 'alternatives',
      options: [minutes(15), { kind: 'amount', unit: 'workingDay', min: 1, max: 1 }],
    },
  ],
  ['1,5 jam', { kind: 'amount', unit: 'hour', min: 1.5, max: 1.5 }],
  ['1.5 jam', { kind: 'amount', unit: 'hour', min: 1.5, max: 1.5 }],
  ['2 s/d 3 hari kerja', { kind: 'amount', unit: 'workingDay', min: 2, max: 3 }],
  ['2 s.d. 3 jam', { kind: 'amount', unit: 'hour', min: 2, max: 3 }],
  ['2 – 3 jam', { kind: 'amount', unit: 'hour', min: 2, max: 3 }],
  ['2 sampai 3 jam', { kind: 'amount', unit: 'hour', min: 2, max: 3 }],
  ['2 jam - 3 jam', { kind: 'amount', unit: 'hour', min: 2, max: 3 }],
  ['1 jam 30 menit', minutes(90)],
  ['2 HK', { kind: 'amount', unit: 'workingDay', min: 2, max: 2 }],
  ['1 pekan', { kind: 'amount', unit: 'week', min: 1, max: 1 }],
  ['1 triwulan', { kind: 'amount', unit: 'quarter', min: 1, max: 1 }],
  ['1 Semester', { kind: 'amount', unit: 'semester', min: 1, max: 1 }],
  ['1-2 semester', { kind: 'amount', unit: 'semester', min: 1, max: 2 }],
  ['1 tahun', { kind: 'amount', unit: 'year', min: 1, max: 1 }],
  ['10 mnt', minutes(10)],
  ['  10   Menit ', minutes(10)],
  ['tgl 5-10', { kind: 'window', fromDay: 5, toDay: 10, recurrence: 'monthly', recurrenceStated: false }],
  ['-', { kind: 'empty' }],
  ['   ', { kind: 'empty' }],
  ['\t\n', { kind: 'empty' }],
  ['3-2 jam', { kind: 'unparsed' }],
  ['2 jam - 30 menit', { kind: 'unparsed' }],
  ['tgl 10-5', { kind: 'unparsed' }],
  ['Tanggal 0 - 5', { kind: 'unparsed' }],
  ['Tanggal 20 - 32', { kind: 'unparsed' }],
  ['2 meni', { kind: 'unparsed' }],
  ['15 menit / L hari', { kind: 'unparsed' }],
  ['2000000 menit', { kind: 'unparsed' }],
  ['segera', { kind: 'unparsed' }],
  ['#@!? 12 xx', { kind: 'unparsed' }],
];

function seedDurationStrings(): Set<string> {
  const found = new Set<string>();
  for (const file of readdirSync(seedsDir).filter((name) => name.endsWith('.json'))) {
    const seed = JSON.parse(readFileSync(join(seedsDir, file), 'utf8')) as { steps?: { durationRaw: string }[] };
    for (const step of seed.steps ?? []) found.add(step.durationRaw);
  }
  return found;
}

describe('parseWaktu on every seed Waktu string', () => {
  it('the table covers every durationRaw in the seeds, and nothing else', () => {
    const inSeeds = [...seedDurationStrings()].sort();
    expect(inSeeds.length).toBeGreaterThan(0);
    expect(SEED_TABLE.map(([raw]) => raw).sort()).toEqual(inSeeds);
  });

  it.each(SEED_TABLE)('%j', (raw, expected) => {
    expect(parseWaktu(raw)).toEqual(expected);
  });
});

describe('parseWaktu on forms outside the seeds', () => {
  it.each(EXTRA_TABLE)('%j', (raw, expected) => {
    expect(parseWaktu(raw)).toEqual(expected);
  });
});
