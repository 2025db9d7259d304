import { describe, expect, it } from 'vitest';
import { canSkip, foldEvents, timeline, type DecideResult } from './index';
import { CaseDriver } from './testing/caseDriver';
import { askedSop, fanOutSop } from './testing/v2Sops';

const SITI = { id: 'person-1', name: 'Siti Operator', nip: '198505122010012003' };

function rejected(result: DecideResult) {
  if (result.ok) throw new Error('expected a rejection');
  return result.rejection;
}

function atAskedRow(): CaseDriver {
  const d = new CaseDriver(askedSop());
  d.ok({ type: 'case.start', fields: { nama: 'Budi' } });
  d.ok({ type: 'step.complete', stepId: 'terima' });
  return d;
}

describe('asked conditional rows', () => {
  it('asks at a row whose condition is asked, and not at one whose condition only names its branch', () => {
    const d = atAskedRow();
    const row = d.current.visits.at(-1)!;
    expect(row).toMatchObject({ stepId: 'rawat-jalan', asked: true });
    expect(canSkip(d.sop, d.current, row)).toBe(true);
    d.ok({ type: 'step.complete', stepId: 'rawat-jalan', ticked: ['rj-r1'] });
    const next = d.current.visits.at(-1)!;
    expect(next.stepId).toBe('rekom');
    expect(next.asked).toBeUndefined();
    expect(rejected(d.run({ type: 'step.skip', stepId: 'rekom' })).code).toBe('step.notAsked');
  });

  it('skips a row that does not apply, recording who answered, and moves on along its arrow', () => {
    const d = atAskedRow();
    const events = d.ok({ type: 'step.skip', stepId: 'rawat-jalan', note: 'Pemohon rawat inap', by: { actorId: 'kasi', person: SITI } });
    expect(events.map((e) => e.type)).toEqual(['step.skipped', 'step.activated']);
    expect(events[0]).toMatchObject({ visitId: 'rawat-jalan#1', note: 'Pemohon rawat inap', by: { actorId: 'kasi', person: SITI } });
    const skipped = d.current.visits.find((v) => v.id === 'rawat-jalan#1')!;
    expect(skipped).toMatchObject({ status: 'done', phase: 'done', skipped: true, workDoneBy: { actorId: 'kasi', person: SITI }, submission: { note: 'Pemohon rawat inap' } });
    // Its required requirement was never asked for: the row did not apply.
    expect(d.activeStepIds()).toEqual(['rekom']);
    expect(timeline(d.current).map((v) => `${v.stepId}:${v.skipped ? 'dilewati' : v.status}`)).toEqual(['terima:done', 'rawat-jalan:dilewati', 'rekom:active']);
    expect(foldEvents(d.events)).toEqual(d.state);
  });

  it('refuses a skip by another lane, after the work has begun, and of a step that is not active', () => {
    const d = atAskedRow();
    const wrong = rejected(d.run({ type: 'step.skip', stepId: 'rawat-jalan', by: { actorId: 'loket' } }));
    expect(wrong.code).toBe('step.wrongActor');
    expect(wrong.message.id).toContain('dijawab oleh Kasi Perlindungan Sosial');
    expect(rejected(d.run({ type: 'step.skip', stepId: 'rekom' })).code).toBe('step.notActive');
    d.ok({ type: 'step.complete', stepId: 'rawat-jalan', ticked: ['rj-r1'] });
    expect(rejected(d.run({ type: 'step.skip', stepId: 'rawat-jalan' })).code).toBe('step.notActive');
  });

  it('refuses to skip a row whose sign-offs have begun', () => {
    const sop = askedSop();
    const row = sop.flows[0]!.steps[1]!;
    row.signOffs = [{ position: 'Kasi', action: 'paraf' }, { position: 'Kabid', action: 'paraf' }];
    const d = new CaseDriver(sop);
    d.ok({ type: 'case.start', fields: { nama: 'Budi' } });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    d.ok({ type: 'step.complete', stepId: 'rawat-jalan', ticked: ['rj-r1'] });
    const r = rejected(d.run({ type: 'step.skip', stepId: 'rawat-jalan' }));
    expect(r.code).toBe('step.started');
    expect(r.message.en).toBe('Step 2 has already been worked on, so it can no longer be skipped.');
  });

  it('refuses to skip a decision: a branch must be chosen', () => {
    const sop = fanOutSop();
    sop.flows[0]!.steps.find((s) => s.id === 'lengkap')!.condition = { text: 'Jika perlu', asked: true };
    const d = new CaseDriver(sop);
    d.ok({ type: 'case.start', fields: { nama: 'Budi' } });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    for (const id of ['kec', 'duk', 'pus']) d.ok({ type: 'step.complete', stepId: id });
    d.ok({ type: 'step.complete', stepId: 'kes' });
    d.ok({ type: 'branch.choose', stepId: 'kes-cek', edgeId: 'e-kes-ya' });
    d.ok({ type: 'step.complete', stepId: 'rekap' });
    const visit = d.current.visits.at(-1)!;
    expect(canSkip(d.sop, d.current, visit)).toBe(false);
    expect(rejected(d.run({ type: 'step.skip', stepId: 'lengkap' })).code).toBe('step.isDecision');
  });

  it('skips a branch of a parallel region: the join counts it as arrived', () => {
    const sop = fanOutSop();
    sop.flows[0]!.steps.find((s) => s.id === 'pus')!.condition = { text: 'Jika pemohon berobat di Puskesmas', asked: true };
    const d = new CaseDriver(sop);
    d.ok({ type: 'case.start', fields: { nama: 'Budi' } });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    d.ok({ type: 'step.skip', stepId: 'pus', by: { actorId: 'puskesmas' } });
    expect(d.current.joins?.[0]?.arrivals.map((a) => a.visitId)).toEqual(['pus#1']);
    for (const id of ['kec', 'duk']) d.ok({ type: 'step.complete', stepId: id });
    d.ok({ type: 'step.complete', stepId: 'kes' });
    d.ok({ type: 'branch.choose', stepId: 'kes-cek', edgeId: 'e-kes-ya' });
    expect(d.activeStepIds()).toEqual(['rekap']);
  });
});
