import { describe, expect, it } from 'vitest';
import { caseOutcome, foldEvents, type DecideResult } from './index';
import { CaseDriver } from './testing/caseDriver';
import { outcomesSop, rejectionSop } from './testing/v2Sops';

const APPLICANT = { nama: 'Siti Aminah' };

function rejected(result: DecideResult) {
  if (result.ok) throw new Error('expected a rejection');
  return result.rejection;
}

function visit(d: CaseDriver, id: string) {
  return d.current.visits.find((v) => v.id === id)!;
}

describe('end outcomes', () => {
  it('finishes a rejected case as ditolak, named by its end step', () => {
    const d = new CaseDriver(rejectionSop());
    d.ok({ type: 'case.start', fields: APPLICANT });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-tidak' });
    expect(visit(d, 'tolak#1').outcome).toBe('ditolak');
    const events = d.ok({ type: 'step.complete', stepId: 'tolak', note: 'Surat nomor 400/12 diserahkan' });
    expect(events.at(-1)).toMatchObject({ type: 'case.finished', outcome: 'ditolak', endStepId: 'tolak' });
    expect(d.current).toMatchObject({ status: 'finished', outcome: 'ditolak' });
    expect(caseOutcome(d.current)).toBe('ditolak');
    expect(foldEvents(d.events)).toEqual(d.state);
  });

  it('finishes a granted case as selesai', () => {
    const d = new CaseDriver(rejectionSop());
    d.ok({ type: 'case.start', fields: APPLICANT });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-ya' });
    d.ok({ type: 'step.complete', stepId: 'terbit' });
    expect(d.current).toMatchObject({ status: 'finished', outcome: 'selesai' });
  });

  it('refuses any step of a finished case, whatever its outcome', () => {
    const d = new CaseDriver(rejectionSop());
    d.ok({ type: 'case.start', fields: APPLICANT });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-tidak' });
    d.ok({ type: 'step.complete', stepId: 'tolak' });
    expect(rejected(d.run({ type: 'case.cancel', reason: 'x' })).code).toBe('case.closed');
  });

  it('calls a case finished before outcomes existed selesai, and a cancelled one dibatalkan', () => {
    const d = new CaseDriver(rejectionSop());
    d.ok({ type: 'case.start', fields: APPLICANT });
    expect(caseOutcome(d.current)).toBeUndefined();
    const { outcome: _none, ...legacy } = { ...d.current, status: 'finished' as const, outcome: undefined };
    expect(caseOutcome(legacy)).toBe('selesai');
    d.ok({ type: 'case.cancel', reason: 'Pemohon membatalkan' });
    expect(caseOutcome(d.current)).toBe('dibatalkan');
  });
});

describe('end outcomes with parallel paths', () => {
  function split(): CaseDriver {
    const d = new CaseDriver(outcomesSop());
    d.ok({ type: 'case.start', fields: APPLICANT });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    expect(d.activeStepIds()).toEqual(['layak', 'kec']);
    return d;
  }

  it('ends the whole case at a rejecting end reached by one path: the other path is withdrawn', () => {
    const d = split();
    d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-tidak' });
    // The rejection letter is still to be handed over: the Kecamatan may go on until then.
    expect(d.activeStepIds()).toEqual(['kec', 'tolak']);
    const events = d.ok({ type: 'step.complete', stepId: 'tolak' });
    expect(events.map((e) => e.type)).toEqual(['step.completed', 'branches.withdrawn', 'case.finished']);
    expect(events[1]).toMatchObject({ visitIds: ['kec#1'], reason: { kind: 'caseEnded', visitId: 'tolak#1', outcome: 'ditolak' } });
    expect(visit(d, 'kec#1')).toMatchObject({ status: 'withdrawn' });
    expect(d.current).toMatchObject({ status: 'finished', outcome: 'ditolak' });
    expect(foldEvents(d.events)).toEqual(d.state);
  });

  it('finishes a granted path only once no other path is active, and then as the referral the other path reached', () => {
    const d = split();
    d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-ya' });
    d.ok({ type: 'step.complete', stepId: 'terbit' });
    expect(d.current.status).toBe('open');
    expect(d.activeStepIds()).toEqual(['kec']);
    d.ok({ type: 'step.complete', stepId: 'kec' });
    d.ok({ type: 'step.complete', stepId: 'rujuk' });
    expect(d.current).toMatchObject({ status: 'finished', outcome: 'dirujuk' });
    expect(d.events.at(-1)).toMatchObject({ type: 'case.finished', endStepId: 'rujuk' });
  });

  it('gives the same outcome whichever path finishes first', () => {
    const d = split();
    d.ok({ type: 'step.complete', stepId: 'kec' });
    d.ok({ type: 'step.complete', stepId: 'rujuk' });
    expect(d.current.status).toBe('open');
    d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-ya' });
    d.ok({ type: 'step.complete', stepId: 'terbit' });
    expect(d.current).toMatchObject({ status: 'finished', outcome: 'dirujuk', closedAt: d.events.at(-1)!.at });
  });

  it('calls a case whose only path left the SOP dirujuk', () => {
    const sop = rejectionSop();
    sop.flows[0]!.edges = sop.flows[0]!.edges.map((e) => (e.id === 'e-tidak' ? { id: 'e-tidak', from: 'layak', leaves: { target: 'Dinas Kesehatan' }, label: 'Tidak Layak' } : e));
    const d = new CaseDriver(sop);
    d.ok({ type: 'case.start', fields: APPLICANT });
    d.ok({ type: 'step.complete', stepId: 'terima' });
    d.ok({ type: 'branch.choose', stepId: 'layak', edgeId: 'e-tidak' });
    expect(d.current).toMatchObject({ status: 'finished', outcome: 'dirujuk', leftTo: ['Dinas Kesehatan'] });
  });
});
