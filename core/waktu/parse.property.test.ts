import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWaktu } from './parse';

const schemaPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../schemas/sop.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id: string };
const ajv = new Ajv2020({ strictRequired: false, strictTypes: false });
ajv.addSchema(schema);
const validateParsed = ajv.getSchema(`${schema.$id}#/$defs/ParsedWaktu`)!;

function checkResult(raw: string): void {
  const parsed = parseWaktu(raw);
  expect(validateParsed(parsed), JSON.stringify(validateParsed.errors)).toBe(true);
  const amounts = parsed.kind === 'amount' ? [parsed] : parsed.kind === 'alternatives' ? parsed.options : [];
  for (const option of amounts) {
    if (option.kind === 'amount') expect(option.min).toBeLessThanOrEqual(option.max);
  }
}

/** Strings shaped like Waktu cells, so the property also exercises the successful branches. */
const waktuLike = fc
  .array(
    fc.oneof(
      fc.nat({ max: 2_000_000 }).map(String),
      fc.constantFrom('menit', 'Jam', 'hari', 'hari kerja', 'HK', 'minggu', 'bulan', 'tanggal', 'Setiap', 'tgl'),
      fc.constantFrom('-', '–', 's/d', 's.d.', 'sampai', '/', 'atau', ',', '.', ' ', '  ', '[t]', '(', ')'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(' '));

describe('parseWaktu properties', () => {
  it('never throws and always returns a schema-valid value with min ≤ max (ASCII-ish strings)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (raw) => checkResult(raw)), { numRuns: 2000 });
  });

  it('… on any Unicode code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => checkResult(raw)), {
      numRuns: 2000,
    });
  });

  it('… on Waktu-shaped strings', () => {
    fc.assert(fc.property(waktuLike, (raw) => checkResult(raw)), { numRuns: 5000 });
  });

  // Catastrophic backtracking takes minutes, not milliseconds: the test's own timeout catches it, and a busy
  // machine does not fail it. Speed proper is measured by bench:validate.
  it('answers a 10 MB string without throwing or backtracking', () => {
    expect(parseWaktu('1'.repeat(5_000_000) + ' menit ' + '-'.repeat(5_000_000))).toEqual({ kind: 'unparsed' });
    expect(parseWaktu(' '.repeat(10_000_000))).toEqual({ kind: 'empty' });
  }, 20_000);

  it('answers adversarial near-matches without backtracking', () => {
    for (let n = 1; n <= 200; n++) {
      parseWaktu('1'.repeat(n) + ' '.repeat(200 - n));
      parseWaktu('tanggal 1 ' + '- '.repeat(95));
      expect(parseWaktu('1 / '.repeat(50)).kind).toBe('unparsed');
    }
  }, 20_000);
});
