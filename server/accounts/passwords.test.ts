import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './passwords';
import { checkRegionCode, regionCovers } from './regionCode';

describe('password hashing (scrypt)', () => {
  it('stores salt and parameters with the hash, verifies the right password only, and salts each hash', async () => {
    const hash = await hashPassword('kata-sandi-rahasia');
    expect(hash).toMatch(/^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain('kata-sandi-rahasia');
    expect(await verifyPassword('kata-sandi-rahasia', hash)).toBe(true);
    expect(await verifyPassword('kata-sandi-rahasiA', hash)).toBe(false);
    expect(await hashPassword('kata-sandi-rahasia')).not.toBe(hash);
  });

  it('treats a password typed in another Unicode normal form as the same password', async () => {
    const hash = await hashPassword('Kopi-Lampung-caf\u00e9');
    expect(await verifyPassword('Kopi-Lampung-cafe\u0301', hash)).toBe(true);
  });

  it('asks for a rehash when the stored cost is below the current one, and refuses corrupted or extreme parameters', async () => {
    const weak = await hashPassword('kata-sandi-rahasia', { ln: 12, r: 8, p: 1 });
    expect(await verifyPassword('kata-sandi-rahasia', weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(await hashPassword('x'.repeat(12)))).toBe(false);
    expect(await verifyPassword('kata-sandi-rahasia', weak.replace('ln=12', 'ln=30'))).toBe(false);
    expect(await verifyPassword('kata-sandi-rahasia', 'plaintext')).toBe(false);
    expect(needsRehash('plaintext')).toBe(true);
  });
});

describe('region codes (kode wilayah)', () => {
  it('accepts province, regency, district and village codes with dots, of a province that exists', () => {
    for (const code of ['35', '35.10', '35.10.01', '35.10.01.2001', '96.01']) expect(checkRegionCode(code), code).toEqual({ ok: true });
    for (const code of ['3510', '35.1', '35.10.1', '35.10.01.201', '35.10.01.2001.1', '', '35.', 'aa.bb']) {
      expect(checkRegionCode(code).ok, code).toBe(false);
    }
    const unknown = checkRegionCode('20.01');
    expect(unknown).toEqual({ ok: false, problem: { id: expect.stringContaining('Kode provinsi 20'), en: expect.stringContaining('Province code 20') } });
  });

  it('covers a region by prefix at a dot boundary only', () => {
    expect(regionCovers('35.10.01', '35.10.01.2001')).toBe(true);
    expect(regionCovers('35.10.01', '35.10.01')).toBe(true);
    expect(regionCovers('35.10.01', '35.10.02.2001')).toBe(false);
    expect(regionCovers('35.1', '35.10')).toBe(false);
  });
});
