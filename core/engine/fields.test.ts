import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseField } from '../../schemas/generated/sop.types';
import { NIK_PROVINCE_CODES, canonicalJson, checkFieldValue, checkNik, normalizeFieldValue, normalizePhone, sha256Hex } from './index';

describe('checkNik', () => {
  it('accepts a man\'s NIK and reads its parts (Banyuwangi, born 12-05-85)', () => {
    const result = checkNik('3510011205850001');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.parts).toMatchObject({ province: '35', regency: '10', district: '01', birthDay: 12, birthMonth: 5, birthYear2: 85, sex: 'male' });
    }
  });

  it('reads a woman\'s birth day with 40 added', () => {
    const result = checkNik('3510015205850002');
    expect(result.ok && result.parts.sex).toBe('female');
    expect(result.ok && result.parts.birthDay).toBe(12);
  });

  it('accepts separators typed while copying a KTP', () => {
    expect(checkNik('3510 0112 0585 0001').ok).toBe(true);
    expect(checkNik('35.10.01.120585.0001').ok).toBe(true);
  });

  it.each([
    ['351001120585000', 'NIK harus 16 angka', 'must be 16 digits'],
    ['351001120585000X', 'NIK harus 16 angka', 'must be 16 digits'],
    ['2010011205850001', 'Kode provinsi 20', 'Province code 20'],
    ['9710011205850001', 'Kode provinsi 97', 'Province code 97'],
    ['9010011205850001', 'Kode provinsi 90', 'Province code 90'],
    ['1010011205850001', 'Kode provinsi 10', 'Province code 10'],
    ['3500011205850001', 'kabupaten/kota', 'regency/city'],
    ['3510001205850001', 'kecamatan', 'district'],
    ['3510013205850001', 'Tanggal lahir', 'birth date'],
    ['3510017205850001', 'Tanggal lahir', 'birth date'],
    ['3510011213850001', 'Tanggal lahir', 'birth date'],
    ['3510013102850001', 'Tanggal lahir', 'birth date'],
    ['3510012902850001', 'Tanggal lahir', 'birth date'],
    ['3510011205850000', 'Nomor urut', 'serial number'],
  ])('rejects %s with a message in both languages', (nik, id, en) => {
    const result = checkNik(nik);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.id).toContain(id);
      expect(result.message.en).toContain(en);
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(checkNik('3510012902840001').ok).toBe(true);
    expect(checkNik('1101010101010001').ok).toBe(true);
  });

  // Papua Pegunungan (95, capital Wamena: Jayawijaya 95.02) and Papua Barat Daya (96, Sorong city 96.71)
  // have issued NIKs under their own codes since 2022; a clerk there must be able to register an applicant.
  it.each([91, 92, 93, 94, 95, 96])('accepts a NIK from Papua province %i', (province) => {
    expect(checkNik(`${province}02016902000001`)).toMatchObject({ ok: true, parts: { province: String(province) } });
  });

  it('knows the 38 provinces of Kepmendagri 100.1.1-6117/2022, and no other code', () => {
    expect(NIK_PROVINCE_CODES.size).toBe(38);
    for (const code of [91, 92, 93, 94, 95, 96]) expect(NIK_PROVINCE_CODES.has(code)).toBe(true);
    for (const code of [10, 20, 37, 50, 54, 60, 66, 70, 77, 80, 83, 90, 97]) expect(NIK_PROVINCE_CODES.has(code)).toBe(false);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['0812-3456-7890', '081234567890'],
    ['+62 812 3456 7890', '081234567890'],
    ['6281234567890', '081234567890'],
    ['(0333) 424506', '0333424506'],
  ])('reads %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['12345', '0812', 'nomor saya', '+1 555 0100 999', '00812345678'])('rejects %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('checkFieldValue', () => {
  const field = (type: CaseField['type'], extra: Partial<CaseField> = {}): CaseField => ({ id: 'f', label: 'Isian', type, required: true, ...extra });

  it('requires required fields and lets empty optional ones pass', () => {
    expect(checkFieldValue(field('text'), '  ')).toEqual({ id: 'Isian wajib diisi.', en: 'Isian is required.' });
    expect(checkFieldValue(field('text', { required: false }), '')).toBeNull();
    expect(checkFieldValue(field('file'), [])).not.toBeNull();
  });

  it('checks each type', () => {
    expect(checkFieldValue(field('number'), '12,5')).toBeNull();
    expect(checkFieldValue(field('number'), 'dua')?.en).toContain('number');
    expect(checkFieldValue(field('date'), '2025-06-02')).toBeNull();
    expect(checkFieldValue(field('date'), '02/06/2025')?.id).toContain('TTTT-BB-HH');
    expect(checkFieldValue(field('choice', { options: ['Ya', 'Tidak'] }), 'Ya')).toBeNull();
    expect(checkFieldValue(field('choice', { options: ['Ya', 'Tidak'] }), 'Mungkin')).not.toBeNull();
    expect(checkFieldValue(field('nik'), '3510011205850001')).toBeNull();
    expect(checkFieldValue(field('nik'), '3510011205850000')?.id).toMatch(/^Isian: Nomor urut/);
    expect(checkFieldValue(field('phone'), '0812 3456 7890')).toBeNull();
    expect(checkFieldValue(field('phone'), '123')?.en).toContain('phone');
    expect(checkFieldValue(field('file'), [{ id: 'a', name: 'ktp.jpg', type: 'image/jpeg', size: 10 }])).toBeNull();
  });

  it('bounds dates to plausible ones: real days from 1900-01-01 to 2100-12-31', () => {
    expect(checkFieldValue(field('date'), '9999-12-31')?.en).toBe('Isian: the date must be between 1900-01-01 and 2100-12-31.');
    expect(checkFieldValue(field('date'), '0001-01-01')?.id).toBe('Isian: tanggal harus antara 1900-01-01 dan 2100-12-31.');
    expect(checkFieldValue(field('date'), '1899-12-31')).not.toBeNull();
    expect(checkFieldValue(field('date'), '1900-01-01')).toBeNull();
    expect(checkFieldValue(field('date'), '2100-12-31')).toBeNull();
    expect(checkFieldValue(field('date'), '2025-02-29')?.en).toContain('must be a date');
    expect(checkFieldValue(field('date'), '2024-02-29')).toBeNull();
    expect(checkFieldValue(field('date'), '2025-04-31')?.en).toContain('must be a date');
  });

  it('refuses a birth date after the day of the command, and before 1900', () => {
    const birth = field('date', { id: 'tanggal-lahir', label: 'Tanggal lahir' });
    expect(checkFieldValue(birth, '2026-12-04', '2026-12-03')?.en).toBe('Tanggal lahir: a birth date must be between 1900-01-01 and today (2026-12-03).');
    expect(checkFieldValue(birth, '9999-12-31', '2026-12-03')?.id).toBe('Tanggal lahir: tanggal lahir harus antara 1900-01-01 dan hari ini (2026-12-03).');
    expect(checkFieldValue(birth, '0001-01-01', '2026-12-03')).not.toBeNull();
    expect(checkFieldValue(birth, '2026-12-03', '2026-12-03')).toBeNull();
    expect(checkFieldValue(birth, '1985-05-12', '2026-12-03')).toBeNull();
    // A date of another kind (an appointment) may lie ahead.
    expect(checkFieldValue(field('date', { id: 'jadwal', label: 'Jadwal kunjungan' }), '2027-01-15', '2026-12-03')).toBeNull();
    expect(checkFieldValue(field('date', { id: 'birthDate', label: 'Born on' }), '2027-01-15', '2026-12-03')).not.toBeNull();
  });

  it('stores NIK and phone without separators and numbers as numbers', () => {
    expect(normalizeFieldValue(field('nik'), '3510 0112 0585 0001')).toBe('3510011205850001');
    expect(normalizeFieldValue(field('phone'), '+62 812 3456 7890')).toBe('081234567890');
    expect(normalizeFieldValue(field('number'), '12,5')).toBe(12.5);
  });
});

describe('sha256Hex and canonicalJson', () => {
  it.each(['', 'abc', 'Surat Pernyataan Miskin – ✓', 'x'.repeat(1000)])('matches node:crypto for %j', (text) => {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('gives the same text whatever the key order, leaving undefined out', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(canonicalJson({ a: [1, { d: 2 }], b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});
