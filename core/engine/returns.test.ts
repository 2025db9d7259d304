import { describe, expect, it } from 'vitest';
import { loadSample } from '../../samples/loadSamples.node';
import { returnBehind, returnThatEnded } from './returns';
import { CaseDriver } from './testing/caseDriver';

const bwi = loadSample('bwi-spm-online')!;

function visit(d: CaseDriver, id: string) {
  const found = d.current.visits.find((v) => v.id === id);
  if (!found) throw new Error(`no visit ${id}`);
  return found;
}

/** Banyuwangi to the Kecamatan decision (s6), then sent back twice to the village step (s4). */
function returnedTwice(): CaseDriver {
  const d = new CaseDriver(bwi);
  d.ok({ type: 'case.start', fields: { nama: 'Siti Aminah', nik: '3510015205850002' } });
  d.ok({ type: 'step.complete', stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'] });
  for (const stepId of ['s2', 's3']) d.ok({ type: 'step.complete', stepId });
  d.ok({ type: 'step.complete', stepId: 's4', ticked: ['s4-r1', 's4-r2', 's4-r3'] });
  d.ok({ type: 'step.complete', stepId: 's5' });
  d.ok({ type: 'case.return', stepId: 's6', to: { stepId: 's4' }, reason: 'Foto rumah belum ada', missing: ['s4-r3'], by: { actorId: 'kecamatan' } });
  d.ok({ type: 'step.complete', stepId: 's4', ticked: ['s4-r1', 's4-r2', 's4-r3'] });
  d.ok({ type: 'step.complete', stepId: 's5' });
  d.ok({ type: 'case.return', stepId: 's6', to: { stepId: 's4' }, reason: 'Foto buram', missing: [], by: { actorId: 'kecamatan' } });
  return d;
}

describe('returnThatEnded / returnBehind', () => {
  it('links each return to the visit it ended and to the visit it reopened', () => {
    const d = returnedTwice();
    expect(returnThatEnded(d.current, visit(d, 's6#1'))).toMatchObject({ reason: 'Foto rumah belum ada', missing: ['s4-r3'], by: { actorId: 'kecamatan' } });
    expect(returnThatEnded(d.current, visit(d, 's6#2'))?.reason).toBe('Foto buram');
    expect(returnBehind(d.current, visit(d, 's4#2'))).toMatchObject({ reason: 'Foto rumah belum ada', fromStepIds: ['s6'] });
    // The second return reopened s4 again: its own reason, not the first one's.
    expect(returnBehind(d.current, visit(d, 's4#3'))?.reason).toBe('Foto buram');
  });

  it('says nothing about visits reached the ordinary way, or that were not returned', () => {
    const d = returnedTwice();
    expect(returnBehind(d.current, visit(d, 's4#1'))).toBeUndefined();
    expect(returnBehind(d.current, visit(d, 's5#2'))).toBeUndefined();
    expect(returnThatEnded(d.current, visit(d, 's5#1'))).toBeUndefined();
  });

  it('ties a step reopened when the applicant came back to the return to the applicant', () => {
    const d = new CaseDriver(bwi);
    d.ok({ type: 'case.start', fields: { nama: 'Siti Aminah', nik: '3510015205850002' } });
    d.ok({ type: 'case.return', stepId: 's1', to: { applicant: true }, reason: 'KK belum dibawa', missing: ['s1-r2'] });
    expect(returnThatEnded(d.current, visit(d, 's1#1'))?.reason).toBe('KK belum dibawa');
    d.ok({ type: 'case.resume', note: 'Pemohon membawa KK' });
    expect(returnBehind(d.current, visit(d, 's1#2'))).toMatchObject({ to: { applicant: true }, missing: ['s1-r2'] });
  });
});
