import { describe, expect, it } from 'vitest';
import { loadSamples } from '../../samples/loadSamples.node';
import { checkNip } from './nip';
import { checkPersonRef, formatNip, personLabel } from './person';
import { filterLaneGroups, laneGroupsOf, organisationKey } from './lanes';

const TODAY = new Date('2026-12-02T00:00:00Z');

describe('checkNip', () => {
  it('accepts a well-formed NIP, written with or without its usual spaces', () => {
    expect(checkNip('19850512 201001 2 003', TODAY)).toEqual({ ok: true, nip: '198505122010012003' });
    expect(checkNip('196512311990031001', TODAY)).toEqual({ ok: true, nip: '196512311990031001' });
  });

  it.each([
    ['1985051220100120', '18 angka; yang diisi 16'],
    ['19850512201001200A', 'hanya berisi angka'],
    ['198502302010012003', 'tanggal lahir'],
    ['202001012010012003', 'tanggal lahir'],
    ['198505121990012003', 'bulan pengangkatan'],
    ['198505122010132003', 'bulan pengangkatan'],
    ['198505122010013003', 'jenis kelamin'],
    ['198505122010012000', '000'],
  ])('refuses %s and says why', (nip, why) => {
    const result = checkNip(nip, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.id).toContain(why);
      expect(result.problem.en.length).toBeGreaterThan(10);
    }
  });

  it('formats a NIP in its written groups', () => {
    expect(formatNip('198505122010012003')).toBe('19850512 201001 2 003');
    expect(personLabel({ name: 'Siti', nip: '198505122010012003' })).toBe('Siti (NIP 19850512 201001 2 003)');
    expect(personLabel({ name: 'Siti' })).toBe('Siti');
  });
});

describe('checkPersonRef', () => {
  it('needs an id and a name, and checks the NIP when there is one', () => {
    expect(checkPersonRef({ id: 'p1', name: 'Budi' })).toEqual({});
    expect(Object.keys(checkPersonRef({ id: '', name: ' ' }))).toEqual(['id', 'name']);
    expect(Object.keys(checkPersonRef({ id: 'p1', name: 'Budi', nip: '123' }))).toEqual(['nip']);
    expect(Object.keys(checkPersonRef({ id: 'p1', name: 'x'.repeat(121) }))).toEqual(['name']);
  });
});

describe('laneGroupsOf', () => {
  const samples = loadSamples().filter((d) => d.flows.length > 0);
  const groups = laneGroupsOf(samples);

  it('offers every lane of every SOP exactly once, never merging actors of different SOPs', () => {
    const expected = samples.reduce((n, d) => n + new Set(d.flows.flatMap((f) => f.lanes)).size, 0);
    const keys = groups.flatMap((g) => g.lanes.map((l) => l.key));
    expect(keys.length).toBe(expected);
    expect(new Set(keys).size).toBe(expected);
  });

  it('groups an organisation lane under its name across SOPs, and a role under the agency that wrote the SOP', () => {
    const dinsos = groups.find((g) => g.kind === 'organisation' && organisationKey(g.label) === 'dinas sosial')!;
    // "DINAS SOSIAL" (Banyuwangi) and "Dinas Sosial" (OKU Selatan) lanes of many SOPs, each kept apart.
    expect(new Set(dinsos.lanes.map((l) => l.sopId)).size).toBeGreaterThan(5);
    expect(new Set(dinsos.lanes.map((l) => l.label))).toEqual(new Set(['DINAS SOSIAL', 'Dinas Sosial']));
    const kra = samples.find((d) => d.id === 'kra-pbi-jk-pbpu')!;
    const agency = groups.find((g) => g.kind === 'agency' && g.label === kra.identity.office)!;
    expect(agency.lanes.some((l) => l.sopId === 'kra-pbi-jk-pbpu')).toBe(true);
    expect(agency.lanes.every((l) => l.kind === 'role')).toBe(true);
  });

  it('keeps "Desa/Kelurahan" and "Desa / Kelurahan" in one group', () => {
    expect(organisationKey('Desa/Kelurahan')).toBe(organisationKey('Desa / Kelurahan'));
  });

  it('filters by lane, SOP title or organisation, every word', () => {
    const filtered = filterLaneGroups(groups, 'kasi spm');
    expect(filtered.length).toBeGreaterThan(0);
    for (const group of filtered) {
      for (const lane of group.lanes) expect(`${lane.label} ${lane.sopTitle} ${lane.sopNumber} ${group.label}`.toLowerCase()).toMatch(/kasi/);
    }
    expect(filterLaneGroups(groups, 'zzzz-no-such-lane')).toEqual([]);
    expect(filterLaneGroups(groups, '  ')).toHaveLength(groups.length);
  });
});
