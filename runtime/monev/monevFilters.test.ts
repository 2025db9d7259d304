import { describe, expect, it } from 'vitest';
import { formatMonevFilters, lastSixMonths, monevQueryOf, parseMonevFilters } from './monevFilters';

describe('monev filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = { from: '2026-01-01', to: '2026-06-30', office: 'Dinas Sosial', lane: 'operator', revision: 3, step: 's5', which: 'late' as const };
    const query = formatMonevFilters(filters);
    expect(query).toBe('?dari=2026-01-01&sampai=2026-06-30&kantor=Dinas+Sosial&lajur=operator&revisi=3&langkah=s5&kasus=late');
    expect(parseMonevFilters(query)).toEqual(filters);
  });

  it('gives no query for no filters, and a step drill-down lists all its cases by default', () => {
    expect(formatMonevFilters({})).toBe('');
    expect(parseMonevFilters('langkah=s2')).toEqual({ step: 's2', which: 'all' });
    expect(formatMonevFilters({ step: 's2', which: 'all' })).toBe('?langkah=s2');
  });

  it("keeps the server source in the URL and reads anything else as the device's cases", () => {
    expect(formatMonevFilters({ from: '2026-01-01', source: 'server' })).toBe('?dari=2026-01-01&sumber=server');
    expect(parseMonevFilters('?dari=2026-01-01&sumber=server')).toEqual({ from: '2026-01-01', source: 'server' });
    expect(parseMonevFilters('?sumber=perangkat')).toEqual({});
    expect(parseMonevFilters('?sumber=SERVER')).toEqual({});
    // The source picks where the numbers come from, not which cases: the query for the measures is the same.
    expect(monevQueryOf({ from: '2026-01-01', source: 'server' }, 'Asia/Jakarta')).toEqual(monevQueryOf({ from: '2026-01-01' }, 'Asia/Jakarta'));
  });

  it('drops values that cannot be right instead of guessing', () => {
    expect(parseMonevFilters('?dari=2026-13-40&sampai=kemarin&revisi=-2&kasus=semua')).toEqual({});
    expect(parseMonevFilters('?dari=2026-06-01&sampai=2026-01-01')).toEqual({ from: '2026-06-01' });
    expect(parseMonevFilters('?langkah=s1&kasus=<script>')).toEqual({ step: 's1', which: 'all' });
  });
});

describe('the period as instants', () => {
  it('counts the last day whole, in the office time zone', () => {
    const query = monevQueryOf({ from: '2026-01-01', to: '2026-01-31', office: 'Desa Sukamaju' }, 'Asia/Jakarta');
    expect(new Date(query.from!).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(new Date(query.to!).toISOString()).toBe('2026-01-31T17:00:00.000Z');
    expect(query.office).toBe('Desa Sukamaju');
    expect(monevQueryOf({}, 'Asia/Jakarta')).toEqual({});
  });

  it('drops a day that does not exist (31 February)', () => {
    expect(parseMonevFilters('?dari=2026-02-31')).toEqual({});
  });

  it('gives the six months up to today', () => {
    expect(lastSixMonths(Date.parse('2026-06-30T10:00:00Z'), 'Asia/Jakarta')).toEqual({ from: '2025-12-31', to: '2026-06-30' });
    expect(lastSixMonths(Date.parse('2026-12-02T20:00:00Z'), 'Asia/Jakarta')).toEqual({ from: '2026-06-04', to: '2026-12-03' });
  });
});

describe('short step names', () => {
  it('keeps the first line of a long activity, cut at a word with an ellipsis', async () => {
    const { shortStepName } = await import('./monevFormat');
    expect(shortStepName('Dinas Sosial segera melakukan :\na. Verifikasi kepesertaan pasien\nb. Verifikasi data')).toBe('Dinas Sosial segera melakukan');
    expect(shortStepName('Dinas Sosial segera melakukan : a. Verifikasi kepesertaan pasien b. Verifikasi')).toBe('Dinas Sosial segera melakukan');
    expect(shortStepName('Menerima berkas')).toBe('Menerima berkas');
    expect(shortStepName('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
  });
});
