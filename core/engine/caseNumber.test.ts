import { describe, expect, it } from 'vitest';
import { loadSamples } from '../../samples/loadSamples.node';
import { caseCodeOf, formatCaseNumber, isDeviceCode, looksLikeCaseNumber, newDeviceCode, normalizeCaseNumber, parseCaseNumber } from './caseNumber';

describe('case numbers', () => {
  it('takes the acronym a title gives, else the initials of its main words', () => {
    expect(caseCodeOf({ identity: { title: 'Penerbitan Surat Pernyataan Miskin (SPM) Online' } } as never)).toBe('SPM');
    expect(caseCodeOf({ identity: { title: 'SOP Pelayanan Rekomendasi Keringanan Biaya Rumah Sakit' } } as never)).toBe('RKBRS');
    expect(caseCodeOf({ identity: { title: '' } } as never)).toBe('SOP');
  });

  it('gives every sample a short code of letters and digits', () => {
    for (const doc of loadSamples()) {
      const code = caseCodeOf(doc);
      expect(code, doc.id).toMatch(/^[A-Z0-9]{2,6}$/);
    }
  });

  it('formats, parses and normalizes what a clerk types or hears', () => {
    const number = formatCaseNumber({ code: 'SPM', year: 2026, device: '7KQX', sequence: 42 });
    expect(number).toBe('SPM-2026-7KQX-0042');
    expect(parseCaseNumber(number)).toEqual({ code: 'SPM', year: 2026, device: '7KQX', sequence: 42 });
    expect(parseCaseNumber(' spm-2026-7kqx-0042 ')).toEqual({ code: 'SPM', year: 2026, device: '7KQX', sequence: 42 });
    expect(normalizeCaseNumber('spm - 2026 - o1lx - 7')).toBe('SPM-2026-011X-7');
    expect(parseCaseNumber('Siti Aminah')).toBeUndefined();
    expect(looksLikeCaseNumber('SPM-2026')).toBe(true);
    expect(looksLikeCaseNumber('spm - 2026 - 7kqx')).toBe(true);
    expect(looksLikeCaseNumber('3510015205850002')).toBe(false);
    expect(looksLikeCaseNumber('Siti')).toBe(false);
  });

  it('draws device codes from the unambiguous alphabet', () => {
    const codes = Array.from({ length: 200 }, () => newDeviceCode());
    for (const code of codes) {
      expect(isDeviceCode(code)).toBe(true);
      expect(code).not.toMatch(/[ILOU]/);
    }
    expect(new Set(codes).size).toBeGreaterThan(190);
    expect(newDeviceCode(() => [0, 31, 32, 18])).toBe('0Z0J');
  });
});
