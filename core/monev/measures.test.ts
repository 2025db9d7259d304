/**
 * Every measure on hand-timed cases (testing/monevFixtures.ts). Calendar:
 * Mon–Fri 08:00–16:00 WIB, no breaks (480 working minutes a day); Thursday
 * 19 March 2026 is a holiday. Each expected number is counted in a comment.
 */
import { describe, expect, it } from 'vitest';
import { caseFactsFromEvents, casesOfStep, monevMeasures, monevStepsOf, percentile, type CaseFacts, type StepMeasures } from '.';
import { caseA, caseB, caseC, caseD, DINSOS, GIRI, GLAGAH, monevSop, TEST_CALENDAR, wibMs } from './testing/monevFixtures';

const sop = monevSop();
const steps = monevStepsOf(sop);
const facts: CaseFacts[] = [caseA(sop), caseB(sop), caseC(sop), caseD(sop)].map((d, i) =>
  caseFactsFromEvents(d.events, TEST_CALENDAR, { applicantName: ['Siti Aminah', 'Budi', 'Citra', 'Dewi'][i]! }),
);
const MARCH_16 = wibMs('2026-03-16 00:00');
const MARCH_30 = wibMs('2026-03-30 00:00');

function step(rows: StepMeasures[], stepId: string): StepMeasures {
  const found = rows.find((s) => s.stepId === stepId);
  if (!found) throw new Error(`no row for ${stepId}`);
  return found;
}

describe('monevStepsOf', () => {
  it('reads each row, its lane and its Waktu as the engine does', () => {
    expect(steps.map((s) => [s.row, s.stepId, s.actor, s.hasStandard, s.measure, s.asked])).toEqual([
      [1, 's1', 'loket', true, 'work', false],
      [2, 's2', 'kasi', true, 'work', false],
      [3, 's3', 'kasi', false, 'work', false], // no Waktu: no standard
      [4, 's4', 'kasi', true, 'work', true],
      [5, 's5', 'kadis', true, 'wait', false],
      [6, 's6', 'loket', true, 'work', false],
      [7, 's7', 'loket', true, 'work', false],
    ]);
    expect(steps[0]).toMatchObject({ number: '1', name: 'Menerima berkas', waktu: '30 menit' });
  });
});

describe('caseFactsFromEvents', () => {
  it('keeps what the drill-down shows and the offices and lanes that acted', () => {
    const [a, b, , d] = facts;
    expect(a).toMatchObject({ caseId: 'case-a', caseNumber: 'UJI-2026-AAAA-0001', applicantName: 'Siti Aminah', status: 'finished', outcome: 'selesai' });
    expect(a!.sop).toEqual({ sopId: 'monev-uji', revision: 3, flowId: 'main', contentHash: expect.any(String) });
    expect(a!.offices).toEqual([DINSOS, GIRI]);
    expect(a!.lanes).toEqual(['kadis', 'kasi', 'loket']);
    // The returning kasi acted in B too (sent it back from 2); D was only started.
    expect(b!.offices).toEqual([DINSOS, GLAGAH]);
    expect(d!.offices).toEqual([GLAGAH]);
    expect(d!.visits[0]).toMatchObject({ stepId: 's1', end: 'active' });
    expect(d!.visits[0]!.minutes).toBeUndefined();
  });

  it('counts working minutes across the holiday and the weekend', () => {
    const [a, b] = facts;
    // A: Mon 16 09:00 → Fri 20 10:10 = Mon 420 + Tue 480 + Wed 480 + Thu (Nyepi) 0 + Fri 130 = 1510.
    expect(a!.leadMinutes).toBe(1510);
    // Wait step 5: Mon 15:40 → Fri 10:00 = 20 + 480 + 480 + 0 + 120 = 1100; expected over by Thu 15:40 (3 calendar days).
    expect(a!.visits.find((v) => v.stepId === 's5')).toMatchObject({ measure: 'wait', minutes: 1100, waitUntil: wibMs('2026-03-19 15:40'), end: 'done' });
    // The case's due time: 30 + 60 + 15 minutes, then 1 working day (Mon 10:45 → Tue 10:45), then moved by the
    // 1100 minutes waited: Tue 10:45–16:00 315, Wed 480 (795), Thu holiday, Fri 08:00 + 305 = 13:05.
    expect(a!.caseDueAt).toBe(wibMs('2026-03-20 13:05'));
    // B with the applicant: Tue 17 08:10 → Mon 23 08:10 = 470 + Wed 480 + Thu 0 + Fri 480 + Sat, Sun 0 + Mon 10 = 1440.
    expect(b!.returns[0]).toMatchObject({ toApplicant: true, reason: 'KK belum dibawa', resumedAt: wibMs('2026-03-23 08:10'), awayMinutes: 1440 });
    expect(b!.returns[1]).toMatchObject({ toStepId: 's1', fromStepIds: ['s2'], reason: 'Foto buram', office: DINSOS });
  });

  it('names how each visit ended, and which return ended it', () => {
    const [a, b] = facts;
    expect(a!.visits.map((v) => `${v.stepId}#${v.visitNo}:${v.via}:${v.end}`)).toEqual([
      's1#1:start:done', 's2#1:edge:done', 's1#2:edge:done', 's2#2:edge:done', 's3#1:edge:done', 's4#1:edge:skipped', 's5#1:edge:done', 's6#1:edge:done',
    ]);
    expect(a!.visits[1]).toMatchObject({ branch: 'Belum', dueAt: wibMs('2026-03-16 10:20'), minutes: 90, overMinutes: 30, office: DINSOS, personId: 'p-kasi' });
    expect(b!.visits.map((v) => `${v.stepId}#${v.visitNo}:${v.via}:${v.end}:${v.returnIndex ?? '-'}`)).toEqual([
      's1#1:start:returned:0', 's1#2:resume:done:-', 's2#1:edge:returned:1', 's1#3:return:cancelled:-',
    ]);
    // A returned visit is the office's that sent it back.
    expect(b!.visits[2]!.office).toBe(DINSOS);
  });

  it('gives the same facts without a calendar, minus the working minutes', () => {
    const bare = caseFactsFromEvents(caseA(sop).events);
    expect(bare.leadMinutes).toBeUndefined();
    expect(bare.visits[0]!.minutes).toBeUndefined();
    // …and the measures then compute them with the calendar they are given.
    const withCalendar = monevMeasures(facts.slice(0, 1), {}, TEST_CALENDAR, steps);
    const computed = monevMeasures([bare], {}, TEST_CALENDAR, steps);
    expect(computed).toEqual(withCalendar);
  });

  it('survives structured clone unchanged', () => {
    expect(structuredClone(facts)).toEqual(facts);
  });
});

describe('monevMeasures: counts over time', () => {
  it('counts by local week for a period of two weeks', () => {
    const m = monevMeasures(facts, { from: MARCH_16, to: MARCH_30 }, TEST_CALENDAR, steps);
    expect(m.cases).toBe(4);
    expect(m.totals).toEqual({ started: 4, finished: { selesai: 1, ditolak: 1, dirujuk: 0, dibatalkan: 0 }, returned: 1, cancelled: 1, open: 1 });
    expect(m.buckets.unit).toBe('week');
    // D started Mon 23 05:00 WIB (Sun 22 22:00 UTC): the local week of the 23rd, not the UTC week of the 16th.
    expect(m.buckets.rows.map(({ label, started, finished, returned, cancelled, open }) => ({ label, started, finished, returned, cancelled, open }))).toEqual([
      { label: '2026-03-16', started: 2, finished: { selesai: 1, ditolak: 0, dirujuk: 0, dibatalkan: 0 }, returned: 1, cancelled: 1, open: 0 },
      { label: '2026-03-23', started: 2, finished: { selesai: 0, ditolak: 1, dirujuk: 0, dibatalkan: 0 }, returned: 0, cancelled: 0, open: 1 },
    ]);
    expect(m.buckets.rows[1]!.start).toBe(wibMs('2026-03-23 00:00'));
    expect(m.buckets.rows[1]!.end).toBe(MARCH_30);
  });

  it('counts by month for a period over 92 days, empty months included', () => {
    const m = monevMeasures(facts, { from: wibMs('2026-01-01 00:00'), to: wibMs('2026-07-01 00:00') }, TEST_CALENDAR, steps);
    expect(m.buckets.unit).toBe('month');
    expect(m.buckets.rows.map((r) => [r.label, r.started])).toEqual([
      ['2026-01', 0], ['2026-02', 0], ['2026-03', 4], ['2026-04', 0], ['2026-05', 0], ['2026-06', 0],
    ]);
  });

  it('takes a period boundary as [from, to): a case started exactly at `to` is out, at `from` in', () => {
    const at23 = wibMs('2026-03-23 05:00');
    expect(monevMeasures(facts, { to: at23 }, TEST_CALENDAR, steps).cases).toBe(2);
    expect(monevMeasures(facts, { from: at23 }, TEST_CALENDAR, steps).cases).toBe(2);
    expect(monevMeasures(facts, { from: at23, to: at23 }, TEST_CALENDAR, steps).cases).toBe(0);
  });

  it('filters by revision', () => {
    expect(monevMeasures(facts, { revision: 3 }, TEST_CALENDAR, steps).cases).toBe(4);
    expect(monevMeasures(facts, { revision: 2 }, TEST_CALENDAR, steps).cases).toBe(0);
  });
});

describe('monevMeasures: case lead time', () => {
  it('measures finished cases only, against their own due time', () => {
    const { leadTime } = monevMeasures(facts, {}, TEST_CALENDAR, steps);
    // Finished: A 1510 (closed Fri 10:10 ≤ due Fri 13:05) and C 125 (Mon 08:00 → 10:05; due Tue 09:45). B is cancelled, D open.
    expect(leadTime).toMatchObject({ count: 2, totalMinutes: 1635, median: 125, p90: 1510, withStandard: 2, within: 2, shareWithin: 1 });
    // Bins: 1510 / 12 ≈ 126 → width 200 (1-2-5 series); 8 bins [0,200) … [1400,1600).
    expect(leadTime.bins).toHaveLength(8);
    expect(leadTime.bins[0]).toEqual({ from: 0, to: 200, count: 1, within: 1 });
    expect(leadTime.bins[7]).toEqual({ from: 1400, to: 1600, count: 1, within: 1 });
    expect(leadTime.bins.reduce((n, b) => n + b.count, 0)).toBe(2);
  });

  it('gives a long tail one open-ended bin, so the bulk of the cases is not squeezed into the first bin', () => {
    const c = facts.find((f) => f.status === 'finished' && f.leadMinutes === 125)!;
    // 20 cases of 100…290 minutes, and one of 50,000 (months): p95 (nearest rank, 20th of 21) is 290.
    const many = [...Array.from({ length: 20 }, (_, i) => ({ ...c, caseId: `c-${i}`, leadMinutes: 100 + i * 10 })), { ...c, caseId: 'slow', leadMinutes: 50_000 }];
    const { leadTime } = monevMeasures(many, {}, TEST_CALENDAR, steps);
    // 290 / 12 ≈ 24 → width 50: [0,50) … [250,300), then [300, 50000] open-ended.
    expect(leadTime.bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 50, 0], [50, 100, 0], [100, 150, 5], [150, 200, 5], [200, 250, 5], [250, 300, 5], [300, 50_000, 1],
    ]);
    expect(leadTime.bins.at(-1)!.openEnded).toBe(true);
  });

  it('says "no standard" (null), never 0%, when no finished case had a due time', () => {
    const noDue = facts.map(({ caseDueAt: _dropped, ...rest }) => rest);
    const { leadTime } = monevMeasures(noDue, {}, TEST_CALENDAR, steps);
    expect(leadTime).toMatchObject({ count: 2, withStandard: 0, shareWithin: null });
  });
});

describe('monevMeasures: per step', () => {
  const m = monevMeasures(facts, {}, TEST_CALENDAR, steps);

  it('has one row per step, in row order', () => {
    expect(m.steps.map((s) => s.stepId)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7']);
  });

  it('step 1: durations, loops and the return to the applicant', () => {
    const s1 = step(m.steps, 's1');
    // Visits: A#1 done 20, A#2 done 10 (loop), B#1 returned, B#2 done 20 (resume), B#3 cancelled, C#1 done 30, D#1 active.
    expect(s1).toMatchObject({ visits: 7, done: 4, cases: 4 });
    // Sorted [10, 20, 20, 30]: median = 2nd (⌈0.5·4⌉), p90 = 4th (⌈0.9·4⌉).
    expect(s1.duration).toEqual({ count: 4, totalMinutes: 80, median: 20, p90: 30 });
    // All four within 30 menit; C ended exactly at its due time, which is within.
    expect(s1).toMatchObject({ withStandard: 4, within: 4, shareWithin: 1, overMinutes: 0 });
    // Only A came back along an arrow; B's later visits came by a resume and a return.
    expect(s1.loops).toEqual({ cases: 1, rate: 0.25 });
    expect(s1.returns).toEqual({ count: 1, toApplicant: 1, rate: 1 / 7, reasons: [{ reason: 'KK belum dibawa', count: 1 }] });
  });

  it('step 2: late decisions and the return to an earlier step', () => {
    const s2 = step(m.steps, 's2');
    // A#1 90 (due 10:20, ended 10:50: 30 over), A#2 30 (within), C#1 90 (due 09:30, ended 10:00: 30 over); B#1 returned.
    expect(s2).toMatchObject({ visits: 4, done: 3, cases: 3, withStandard: 3, within: 1, shareWithin: 1 / 3, overMinutes: 60 });
    expect(s2.duration).toEqual({ count: 3, totalMinutes: 210, median: 90, p90: 90 });
    expect(s2.loops).toEqual({ cases: 1, rate: 1 / 3 });
    expect(s2.returns).toEqual({ count: 1, toApplicant: 0, rate: 0.25, reasons: [{ reason: 'Foto buram', count: 1 }] });
  });

  it('a step without a Waktu has no standard, not 0%', () => {
    const s3 = step(m.steps, 's3');
    expect(s3).toMatchObject({ hasStandard: false, visits: 1, done: 1, withStandard: 0, shareWithin: null, overMinutes: 0 });
    expect(s3.duration.median).toBe(240);
  });

  it('an asked row answered "does not apply" is counted as skipped, not done', () => {
    const s4 = step(m.steps, 's4');
    expect(s4).toMatchObject({ visits: 1, done: 0, skipped: { asked: 1, skipped: 1 }, withStandard: 0, shareWithin: null });
  });

  it('a wait step is compared with when the wait should be over, never called late', () => {
    const s5 = step(m.steps, 's5');
    expect(s5).toMatchObject({ measure: 'wait', shareWithin: null, overMinutes: 0, waiting: { compared: 1, within: 0, shareWithin: 0 } });
    expect(s5.duration.median).toBe(1100);
    expect(step(m.steps, 's1').waiting).toBeNull();
  });

  it('where cases wait: for the applicant and in wait steps', () => {
    expect(m.waits.applicant).toEqual({ count: 1, totalMinutes: 1440, median: 1440, p90: 1440 });
    expect(m.waits.waitSteps).toEqual({ count: 1, totalMinutes: 1100, median: 1100, p90: 1100 });
    expect(m.waits.joins).toEqual({ count: 0, totalMinutes: 0, median: null, p90: null });
    expect(m.waits.signatures.count).toBe(0);
  });

  it('ranks bottlenecks by working minutes over standard, then the steps without one by total time', () => {
    // With a standard: s2 (60 over, 2/3 late), then s1, s6, s7 (0 over, by row). Without: s5 (wait, 1100), s3 (240), s4 (skipped only, 0).
    expect(m.bottlenecks.map((b) => b.stepId)).toEqual(['s2', 's1', 's6', 's7', 's5', 's3', 's4']);
    expect(m.bottlenecks[0]).toEqual({ stepId: 's2', row: 2, hasStandard: true, overMinutes: 60, shareLate: 2 / 3, totalMinutes: 210 });
    expect(m.bottlenecks[4]).toMatchObject({ stepId: 's5', hasStandard: false, shareLate: null, totalMinutes: 1100 });
  });
});

describe('monevMeasures: office and lane filters', () => {
  it('office: cases the office touched, and only the visits it worked', () => {
    const m = monevMeasures(facts, { office: GLAGAH }, TEST_CALENDAR, steps);
    // Glagah started B, C and D.
    expect(m.cases).toBe(3);
    expect(m.totals).toMatchObject({ started: 3, cancelled: 1, open: 1, finished: { selesai: 0, ditolak: 1 } });
    // Step 1 by Glagah: B#1 (it sent it back), B#2 done 20, C#1 done 30. B#3 (cancelled) and D#1 (active) had no one working them.
    const s1 = step(m.steps, 's1');
    expect(s1).toMatchObject({ visits: 3, done: 2, cases: 2 });
    expect(s1.duration).toMatchObject({ median: 20, p90: 30 });
    expect(s1.returns.rate).toBe(1 / 3);
    // Step 2 is the Dinas Sosial's work: nothing left, and no standard to compare, not 0%.
    expect(step(m.steps, 's2')).toMatchObject({ visits: 0, shareWithin: null, loops: { cases: 0, rate: null }, returns: { rate: null } });
    // The Giri office touched only A.
    expect(monevMeasures(facts, { office: GIRI }, TEST_CALENDAR, steps).cases).toBe(1);
  });

  it("lane: cases with a visit in the lane, and only that lane's steps", () => {
    const m = monevMeasures(facts, { lane: 'kasi' }, TEST_CALENDAR, steps);
    expect(m.cases).toBe(3); // A, B, C (D never left the loket)
    expect(m.steps.map((s) => s.stepId)).toEqual(['s2', 's3', 's4']);
    expect(step(m.steps, 's2').overMinutes).toBe(60);
    expect(m.bottlenecks.map((b) => b.stepId)).toEqual(['s2', 's3', 's4']);
    // The wait step is the kadis's: not in the kasi's waits.
    expect(m.waits.waitSteps.count).toBe(0);
  });
});

describe('casesOfStep', () => {
  const ids = (rows: { caseId: string }[]) => rows.map((r) => r.caseId);

  it('lists the cases behind each number of a step', () => {
    expect(ids(casesOfStep(facts, {}, 's2', 'all'))).toEqual(['case-a', 'case-b', 'case-c']);
    expect(ids(casesOfStep(facts, {}, 's2', 'late'))).toEqual(['case-a', 'case-c']);
    expect(ids(casesOfStep(facts, {}, 's2', 'returned'))).toEqual(['case-b']);
    expect(ids(casesOfStep(facts, {}, 's1', 'looped'))).toEqual(['case-a']);
    expect(ids(casesOfStep(facts, {}, 's4', 'skipped'))).toEqual(['case-a']);
    expect(ids(casesOfStep(facts, {}, 's5', 'late'))).toEqual([]); // a wait is never late
  });

  it('shows each case with its number, applicant and visit durations', () => {
    const [a] = casesOfStep(facts, {}, 's2', 'late');
    expect(a).toEqual({
      caseId: 'case-a',
      caseNumber: 'UJI-2026-AAAA-0001',
      applicantName: 'Siti Aminah',
      startedAt: wibMs('2026-03-16 09:00'),
      late: true,
      visits: [
        { visitNo: 1, end: 'done', activatedAt: wibMs('2026-03-16 09:20'), endedAt: wibMs('2026-03-16 10:50'), minutes: 90, late: true, office: DINSOS, personName: 'Petugas p-kasi' },
        { visitNo: 2, end: 'done', activatedAt: wibMs('2026-03-16 11:00'), endedAt: wibMs('2026-03-16 11:30'), minutes: 30, late: false, office: DINSOS, personName: 'Petugas p-kasi' },
      ],
    });
    const [b] = casesOfStep(facts, {}, 's2', 'returned');
    expect(b!.visits[0]).toMatchObject({ end: 'returned', returnReason: 'Foto buram' });
  });

  it('applies the same filters as the measures', () => {
    const m = monevMeasures(facts, { office: GLAGAH }, TEST_CALENDAR, steps);
    const rows = casesOfStep(facts, { office: GLAGAH }, 's1', 'all');
    expect(rows.length).toBe(step(m.steps, 's1').cases);
    expect(ids(rows)).toEqual(['case-b', 'case-c']);
    expect(casesOfStep(facts, { office: GLAGAH }, 's2', 'all')).toEqual([]);
  });
});

describe('percentile', () => {
  it('is the nearest rank: the ⌈p·n⌉-th smallest value', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10); // ⌈9.9⌉ = 10
  });
});
