import { describe, expect, it } from 'vitest';
import { decide, type CaseCommand } from '../../core/engine';
import { CaseDriver } from '../../core/engine/testing/caseDriver';
import { askedSop, signOffSop } from '../../core/engine/testing/v2Sops';
import { laneRefusal } from './laneCheck';

const skip = (actorId: string): CaseCommand => ({ type: 'step.skip', id: 'c-skip', caseId: 'case-1', at: '2026-12-01T01:00:00.000Z', expectedRevision: 2, stepId: 'rawat-jalan', by: { actorId } });

describe('laneRefusal on schema v2 commands', () => {
  const sop = askedSop();
  const d = new CaseDriver(sop);
  d.ok({ type: 'case.start', fields: { nama: 'Budi' } });
  d.ok({ type: 'step.complete', stepId: 'terima' });
  const office = [{ sopId: sop.id, actorId: 'loket' }, { sopId: sop.id, actorId: 'kasi' }];

  it('lets the lane that performs an asked row skip it, and no other', () => {
    expect(laneRefusal(sop, d.current, skip('kasi'), [{ sopId: sop.id, actorId: 'kasi' }], office)).toBeUndefined();
    expect(laneRefusal(sop, d.current, skip('loket'), [{ sopId: sop.id, actorId: 'loket' }], office)).toMatchObject({ code: 'lane.forbidden' });
  });

  it('lets only a holder of the lane a position signs in record that sign-off; the engine refuses any other lane', () => {
    const signing = signOffSop();
    const s = new CaseDriver(signing);
    s.ok({ type: 'case.start', fields: { nama: 'Ani' } });
    s.ok({ type: 'step.complete', stepId: 'terima' });
    s.ok({ type: 'step.complete', stepId: 'surat' });
    const command: CaseCommand = { type: 'step.signOff', id: 'c-sign', caseId: 'case-1', at: '2026-12-01T01:00:00.000Z', expectedRevision: 3, stepId: 'surat', actorId: 'dinsos', position: 'Kasi Rehabilitasi Sosial', by: { actorId: 'dinsos' } };
    const lanes = [{ sopId: signing.id, actorId: 'dinsos' }];
    expect(laneRefusal(signing, s.current, command, lanes, lanes)).toBeUndefined();
    // Claiming a lane not held is refused here…
    expect(laneRefusal(signing, s.current, command, [{ sopId: signing.id, actorId: 'loket' }], lanes)).toMatchObject({ code: 'lane.forbidden' });
    // …and signing a position's slot as another lane, held or not, by the engine the server re-runs.
    const asLoket = { ...command, by: { actorId: 'loket' }, actorId: 'loket' };
    expect(laneRefusal(signing, s.current, asLoket, [{ sopId: signing.id, actorId: 'loket' }], lanes)).toBeUndefined();
    expect(decide(signing, s.current, asLoket)).toMatchObject({ ok: false, rejection: { code: 'step.wrongActor' } });
  });
});
