/**
 * Joins and sign-offs, on the engine's crafted v2 SOPs driven at hand-chosen
 * times (TEST_CALENDAR: Mon–Fri 08:00–16:00 WIB, no breaks).
 */
import { describe, expect, it } from 'vitest';
import { caseFactsFromEvents, casesOfStep, monevMeasures, monevStepsOf } from '.';
import { fanOutSop, signOffSop } from '../engine/testing/v2Sops';
import { DINSOS, driver, kasi, TEST_CALENDAR, wib, wibMs } from './testing/monevFixtures';

describe('parallel paths with a join', () => {
  const sop = fanOutSop();
  const d = driver(sop, 'case-paralel');
  d.ok({ type: 'case.start', at: wib('2026-03-16 08:00'), fields: { nama: 'Eka' } });
  d.ok({ type: 'step.complete', stepId: 'terima', at: wib('2026-03-16 08:15') });
  // Four paths from 08:15. Dispendukcapil first reaches the join at 09:00 …
  d.ok({ type: 'step.complete', stepId: 'duk', at: wib('2026-03-16 09:00') });
  d.ok({ type: 'step.complete', stepId: 'kes', at: wib('2026-03-16 09:30') });
  d.ok({ type: 'branch.choose', stepId: 'kes-cek', edgeId: 'e-kes-ya', at: wib('2026-03-16 10:00') });
  d.ok({ type: 'step.complete', stepId: 'kec', at: wib('2026-03-16 11:00') });
  // … and the Puskesmas last, Tuesday 10:00: the join releases then.
  d.ok({ type: 'step.complete', stepId: 'pus', at: wib('2026-03-17 10:00') });
  d.ok({ type: 'step.complete', stepId: 'rekap', at: wib('2026-03-17 10:30') });
  d.ok({ type: 'branch.choose', stepId: 'lengkap', edgeId: 'e-ya', at: wib('2026-03-17 10:45') });
  d.ok({ type: 'step.complete', stepId: 'selesai', at: wib('2026-03-17 10:50') });
  const facts = [caseFactsFromEvents(d.events, TEST_CALENDAR)];

  it('records the wait at the join from the first arrival to the release', () => {
    // Mon 09:00 → Tue 10:00 = 420 + 120 = 540 working minutes.
    expect(facts[0]!.joinWaits).toEqual([
      { stepId: 'rekap', forkId: 'terima#1', firstArrivalAt: wibMs('2026-03-16 09:00'), releasedAt: wibMs('2026-03-17 10:00'), minutes: 540 },
    ]);
    expect(facts[0]!.visits.find((v) => v.stepId === 'rekap')).toMatchObject({ via: 'join', minutes: 30 });
  });

  it('shows the join wait on the join step and among the places cases wait', () => {
    const m = monevMeasures(facts, {}, TEST_CALENDAR, monevStepsOf(sop));
    expect(m.waits.joins).toEqual({ count: 1, totalMinutes: 540, median: 540, p90: 540 });
    expect(m.steps.find((s) => s.stepId === 'rekap')!.joinWait.median).toBe(540);
    // Each branch has its own duration: Puskesmas 08:15 Mon → 10:00 Tue = 465 + 120 = 585. Its 1 hari kerja is due
    // at the same time on the next working day, Tue 08:15: 105 working minutes late.
    const pus = m.steps.find((s) => s.stepId === 'pus')!;
    expect(pus.duration.median).toBe(585);
    expect(pus).toMatchObject({ withStandard: 1, within: 0, overMinutes: 105 });
    // Dispendukcapil: 45 minutes against 1 jam.
    expect(m.steps.find((s) => s.stepId === 'duk')).toMatchObject({ withStandard: 1, within: 1, shareWithin: 1 });
    expect(m.bottlenecks[0]!.stepId).toBe('pus');
    expect(casesOfStep(facts, {}, 'pus', 'late').map((r) => r.caseId)).toEqual(['case-paralel']);
  });
});

describe('waiting for signatures', () => {
  const sop = signOffSop();
  const d = driver(sop, 'case-paraf');
  const positions = ['Kasi Rehabilitasi Sosial', 'Kabid Rehabilitasi Sosial', 'Sekretaris Dinas', 'Kepala Dinas'];
  const signedAt = ['2026-03-16 11:00', '2026-03-16 13:00', '2026-03-16 14:00', '2026-03-17 09:00'];
  d.ok({ type: 'case.start', at: wib('2026-03-16 08:00'), fields: { nama: 'Fajar' } });
  d.ok({ type: 'step.complete', stepId: 'terima', at: wib('2026-03-16 08:10') });
  d.ok({ type: 'step.complete', stepId: 'surat', at: wib('2026-03-16 10:00'), by: { ...kasi, actorId: 'dinsos' } });
  positions.forEach((position, i) => d.ok({ type: 'step.signOff', stepId: 'surat', actorId: 'dinsos', position, at: wib(signedAt[i]!), by: { ...kasi, actorId: 'dinsos' } }));
  const facts = [caseFactsFromEvents(d.events, TEST_CALENDAR)];

  it('measures work done → last signature', () => {
    const surat = facts[0]!.visits.find((v) => v.stepId === 'surat')!;
    // Mon 10:00 → Tue 09:00 = 360 + 60 = 420.
    expect(surat).toMatchObject({ workDoneAt: wibMs('2026-03-16 10:00'), lastSignedAt: wibMs('2026-03-17 09:00'), signWaitMinutes: 420, office: DINSOS });
    const m = monevMeasures(facts, {}, TEST_CALENDAR, monevStepsOf(sop));
    expect(m.waits.signatures).toEqual({ count: 1, totalMinutes: 420, median: 420, p90: 420 });
    expect(m.steps.find((s) => s.stepId === 'surat')!.signWait.median).toBe(420);
    // The whole step, 08:10 Mon → 09:00 Tue = 470 + 60 = 530; its 1 hari kerja was due Tue 08:10: 50 minutes over.
    expect(m.steps.find((s) => s.stepId === 'surat')).toMatchObject({ duration: { median: 530 }, within: 0, overMinutes: 50 });
  });
});
