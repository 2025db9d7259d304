import { describe, expect, it } from 'vitest';
import { loadSample } from '../../samples/loadSamples.node';
import { foldEvents, timeline } from './index';
import { CaseDriver } from './testing/caseDriver';

const bwi = loadSample('bwi-spm-online')!;
const APPLICANT = { nama: 'Siti Aminah', nik: '3510015205850002' };
const SITI = { id: 'person-1', name: 'Siti Operator', nip: '198505122010012003', office: 'Desa Sumberagung' };
const BUDI = { id: 'person-2', name: 'Budi Kecamatan' };

describe('people on events', () => {
  it('records the person and the lane on every event a command makes, and keeps them through a replay', () => {
    const d = new CaseDriver(bwi);
    d.ok({ type: 'case.start', fields: APPLICANT, caseNumber: 'SPM-2026-7KQX-0001', by: { actorId: 'desa-kelurahan', person: SITI } });
    const events = d.ok({ type: 'step.complete', stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'], by: { actorId: 'masyarakat-pemohon', person: BUDI } });
    expect(events.length).toBeGreaterThan(1);
    for (const event of events) expect(event.by).toEqual({ actorId: 'masyarakat-pemohon', person: BUDI });
    const state = d.current;
    expect(state.number).toBe('SPM-2026-7KQX-0001');
    expect(state.startedBy?.person).toEqual(SITI);
    expect(timeline(state)[0]?.workDoneBy?.person).toEqual(BUDI);
    expect(foldEvents(d.events)).toEqual(state);
  });

  it('refuses a command whose person has no name or a malformed NIP, and an odd case number', () => {
    const d = new CaseDriver(bwi);
    const noName = d.run({ type: 'case.start', fields: APPLICANT, by: { actorId: 'desa-kelurahan', person: { id: 'p', name: ' ' } } });
    expect(noName.ok).toBe(false);
    if (!noName.ok) expect(noName.rejection.code).toBe('command.invalid');
    const badNip = d.run({ type: 'case.start', fields: APPLICANT, by: { person: { id: 'p', name: 'X', nip: '12345' } } });
    expect(badNip.ok).toBe(false);
    if (!badNip.ok) expect(badNip.rejection.message.id).toContain('18 angka');
    const badNumber = d.run({ type: 'case.start', fields: APPLICANT, caseNumber: '<b>1</b>' });
    expect(badNumber.ok).toBe(false);
    expect(d.state).toBeUndefined();
  });
});
