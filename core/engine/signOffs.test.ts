import { describe, expect, it } from 'vitest';
import { foldEvents, nextSignOffSlot, signOffChainOf, visitCurrentActors, type DecideResult } from './index';
import { CaseDriver } from './testing/caseDriver';
import { signOffSop } from './testing/v2Sops';

const PEOPLE = {
  kasi: { id: 'p-kasi', name: 'Rina Kasi', nip: '198505122010012003' },
  kabid: { id: 'p-kabid', name: 'Agus Kabid' },
  sekdin: { id: 'p-sekdin', name: 'Dewi Sekdin' },
  kadis: { id: 'p-kadis', name: 'Bambang Kadis' },
};

function rejected(result: DecideResult) {
  if (result.ok) throw new Error('expected a rejection');
  return result.rejection;
}

function drafted(): CaseDriver {
  const d = new CaseDriver(signOffSop());
  d.ok({ type: 'case.start', fields: { nama: 'Ani' } });
  d.ok({ type: 'step.complete', stepId: 'terima' });
  d.ok({ type: 'step.complete', stepId: 'surat', output: 'Draf surat nomor 460/15', by: { actorId: 'dinsos' } });
  return d;
}

const surat = (d: CaseDriver) => d.current.visits.find((v) => v.stepId === 'surat')!;

describe('sign-offs inside a lane (Step.signOffs)', () => {
  it('reads the chain of positions, all in the lane of the step\'s performer', () => {
    const step = signOffSop().flows[0]!.steps[1]!;
    expect(signOffChainOf(step)).toEqual([
      { actors: ['dinsos'], role: 'approves', position: 'Kasi Rehabilitasi Sosial', action: 'paraf' },
      { actors: ['dinsos'], role: 'approves', position: 'Kabid Rehabilitasi Sosial', action: 'paraf' },
      { actors: ['dinsos'], role: 'approves', position: 'Sekretaris Dinas', action: 'paraf' },
      { actors: ['dinsos'], role: 'signs', position: 'Kepala Dinas', action: 'tandaTangan' },
    ]);
  });

  it('completes the step only after each sign-off, in order, each recorded with the person and the position', () => {
    const d = drafted();
    expect(surat(d)).toMatchObject({ status: 'active', phase: 'signing' });
    expect(nextSignOffSlot(surat(d))?.position).toBe('Kasi Rehabilitasi Sosial');
    expect(visitCurrentActors(surat(d))).toEqual(['dinsos']);
    const order: [keyof typeof PEOPLE, string][] = [
      ['kasi', 'Kasi Rehabilitasi Sosial'],
      ['kabid', 'Kabid Rehabilitasi Sosial'],
      ['sekdin', 'Sekretaris Dinas'],
    ];
    for (const [who, position] of order) {
      const [event] = d.ok({ type: 'step.signOff', stepId: 'surat', actorId: 'dinsos', position, by: { actorId: 'dinsos', person: PEOPLE[who] } });
      expect(event).toMatchObject({ type: 'step.signed', position, action: 'paraf', role: 'approves', by: { person: PEOPLE[who] } });
      expect(d.activeStepIds()).toEqual(['surat']);
    }
    d.ok({ type: 'step.signOff', stepId: 'surat', actorId: 'dinsos', position: 'Kepala Dinas', note: 'Ditandatangani', by: { actorId: 'dinsos', person: PEOPLE.kadis } });
    expect(surat(d)).toMatchObject({ status: 'done', phase: 'done' });
    expect(surat(d).signatures.map((s) => [s.position, s.action, s.by?.person?.name])).toEqual([
      ['Kasi Rehabilitasi Sosial', 'paraf', 'Rina Kasi'],
      ['Kabid Rehabilitasi Sosial', 'paraf', 'Agus Kabid'],
      ['Sekretaris Dinas', 'paraf', 'Dewi Sekdin'],
      ['Kepala Dinas', 'tandaTangan', 'Bambang Kadis'],
    ]);
    expect(d.activeStepIds()).toEqual(['selesai']);
    expect(foldEvents(d.events)).toEqual(d.state);
  });

  it('refuses a sign-off out of order, saying in both languages whose turn it is', () => {
    const d = drafted();
    const r = rejected(d.run({ type: 'step.signOff', stepId: 'surat', actorId: 'dinsos', position: 'Kabid Rehabilitasi Sosial' }));
    expect(r.code).toBe('signOff.outOfOrder');
    expect(r.message.id).toBe('Urutan paraf/tanda tangan langkah 2: sekarang giliran paraf Kasi Rehabilitasi Sosial, bukan Kabid Rehabilitasi Sosial.');
    expect(r.message.en).toBe('Sign-off order at step 2: the paraf (initials) of Kasi Rehabilitasi Sosial comes now, not Kabid Rehabilitasi Sosial.');
    d.ok({ type: 'step.signOff', stepId: 'surat', actorId: 'dinsos', position: 'Kasi Rehabilitasi Sosial' });
    d.ok({ type: 'step.signOff', stepId: 'surat', actorId: 'dinsos', position: 'Kabid Rehabilitasi Sosial' });
    const early = rejected(d.run({ type: 'step.signOff', stepId: 'surat', actorId: 'dinsos', position: 'Kepala Dinas' }));
    expect(early.message.id).toContain('sekarang giliran paraf Sekretaris Dinas, bukan Kepala Dinas');
    expect(surat(d).signatures).toHaveLength(2);
  });

  it('refuses a sign-off with no position where a position signs, and one given in another lane', () => {
    const d = drafted();
    const none = rejected(d.run({ type: 'step.signOff', stepId: 'surat', actorId: 'dinsos' }));
    expect(none.code).toBe('signOff.outOfOrder');
    expect(none.message.en).toContain('not one without a position');
    const lane = rejected(d.run({ type: 'step.signOff', stepId: 'surat', actorId: 'loket', position: 'Kasi Rehabilitasi Sosial' }));
    expect(lane.code).toBe('step.wrongActor');
    expect(lane.message.id).toBe('paraf Kasi Rehabilitasi Sosial dibubuhkan di lajur Dinas Sosial, bukan Petugas Loket.');
  });

  it('refuses to complete the step again while it waits for sign-offs, naming the next one', () => {
    const d = drafted();
    const r = rejected(d.run({ type: 'step.complete', stepId: 'surat' }));
    expect(r.code).toBe('step.awaitingSignOff');
    expect(r.message.id).toBe('Langkah 2 sudah dikerjakan dan menunggu paraf/tanda tangan paraf Kasi Rehabilitasi Sosial.');
    expect(r.message.en).toBe('Step 2 is done and waits for the paraf (initials) of Kasi Rehabilitasi Sosial.');
  });

  it('puts the positions before the row\'s own approving and signing lanes', () => {
    const step = signOffSop().flows[0]!.steps[1]!;
    step.actors.push({ actor: 'loket', role: 'signs' });
    step.signOffs = step.signOffs!.slice(0, 1);
    expect(signOffChainOf(step).map((s) => s.position ?? s.actors.join())).toEqual(['Kasi Rehabilitasi Sosial', 'loket']);
    const lane = signOffChainOf(step)[1]!;
    expect(lane).toEqual({ actors: ['loket'], role: 'signs' });
  });
});
