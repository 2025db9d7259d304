import { describe, expect, it } from 'vitest';
import type { SopDocument } from '../../../schemas/generated/sop.types';
import { loadSample, loadSamples } from '../../../samples';
import { foldEvents, type CaseState } from '../../engine';
import { consistencyProblems } from '../../engine/testing/consistency';
import { allV2Sops } from '../../engine/testing/v2Sops';
import { DEFAULT_WORKING_CALENDAR, localDateOf, workingIntervalsOn, workingCalendar } from '../../sla';
import { defaultDemoOffices, generateDemoCases, type DemoCase } from './generateDemoCases';

const spm = loadSample('bwi-spm-online')!;
/** 1 January 2025, 00:00 WIB. */
const FROM = Date.parse('2025-01-01T00:00:00+07:00');
const SIX_MONTHS_LATER = Date.parse('2025-07-01T00:00:00+07:00');

const generate = (sop: SopDocument, options: Parameters<typeof generateDemoCases>[1]) => [...generateDemoCases(sop, options)];

// Six months of Banyuwangi SPM at the default rate, generated once for the tests that read it.
const sixMonths: DemoCase[] = generate(spm, { seed: 42, from: FROM, months: 6 });

const wasRejected = (state: CaseState) =>
  state.outcome === 'ditolak' ||
  state.visits.some((v) => v.branch && /tidak/i.test(v.branch.label)) ||
  (state.status === 'cancelled' && /tidak memenuhi syarat/i.test(state.cancelReason ?? ''));

describe('generateDemoCases', () => {
  it('gives the same cases for the same seed, and others for another seed', () => {
    const options = { from: FROM, months: 1, casesPerWorkingDay: 5 };
    const first = generate(spm, { ...options, seed: 7 });
    const again = generate(spm, { ...options, seed: 7 });
    const other = generate(spm, { ...options, seed: 8 });
    expect(first.length).toBeGreaterThan(50);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(first));
  });

  it('makes in ranges exactly the cases of a whole run, case numbers included (for generating in parallel)', () => {
    const options = { seed: 11, from: FROM, months: 1, casesPerWorkingDay: 6 };
    const whole = generate(spm, options);
    const parts = [0, 40, 95].map((first, i, all) => generate(spm, { ...options, range: { first, count: (all[i + 1] ?? whole.length) - first } }));
    expect(parts.map((p) => p.length)).toEqual([40, 55, whole.length - 95]);
    expect(JSON.stringify(parts.flat())).toBe(JSON.stringify(whole));
  });

  it('makes cases whose events fold to the state given, and that state is consistent', () => {
    expect(sixMonths.length).toBeGreaterThan(600);
    for (const demo of sixMonths) {
      const folded = foldEvents(demo.events)!;
      expect(folded).toEqual(demo.state);
      expect(folded.id).toBe(demo.caseId);
      expect(consistencyProblems(spm, folded, demo.events)).toEqual([]);
    }
  });

  it('mixes finished, rejected, returned, cancelled and open cases in plausible shares', () => {
    const n = sixMonths.length;
    const share = (test: (s: CaseState) => boolean) => sixMonths.filter((c) => test(c.state)).length / n;
    const finished = share((s) => s.status === 'finished');
    const rejected = share(wasRejected);
    const returnedEver = share((s) => s.returns.length > 0);
    const toApplicant = share((s) => s.returns.some((r) => 'applicant' in r.to));
    const toStep = share((s) => s.returns.some((r) => 'stepId' in r.to));
    const cancelled = share((s) => s.status === 'cancelled');
    const stillRunning = share((s) => s.status === 'open' || s.status === 'returned');
    expect(finished).toBeGreaterThan(0.75);
    expect(finished).toBeLessThan(0.97);
    expect(rejected).toBeGreaterThan(0.05);
    expect(rejected).toBeLessThan(0.35);
    expect(returnedEver).toBeGreaterThan(0.1);
    expect(returnedEver).toBeLessThan(0.45);
    expect(toApplicant).toBeGreaterThan(0.05);
    expect(toStep).toBeGreaterThan(0.02);
    expect(cancelled).toBeGreaterThan(0.01);
    expect(cancelled).toBeLessThan(0.1);
    // Cases started in the last days are still running at the end of the period.
    expect(stillRunning).toBeGreaterThan(0);
    expect(stillRunning).toBeLessThan(0.1);
    // Reasons are written as clerks write them.
    const reasons = sixMonths.flatMap((c) => c.state.returns.map((r) => r.reason));
    expect(reasons.some((r) => /KTP|Surat pengantar desa|KK/.test(r))).toBe(true);
  });

  it('keeps most step visits within their Waktu, with one step chronically slow', () => {
    const byStep = new Map<string, { within: number; all: number }>();
    for (const { state } of sixMonths) {
      for (const v of state.visits) {
        if (v.status !== 'done' || !v.dueAt || !v.endedAt) continue;
        const entry = byStep.get(v.stepId) ?? { within: 0, all: 0 };
        entry.all++;
        if (Date.parse(v.endedAt) <= Date.parse(v.dueAt)) entry.within++;
        byStep.set(v.stepId, entry);
      }
    }
    const shares = [...byStep].map(([step, { within, all }]) => ({ step, share: within / all }));
    const overall = [...byStep.values()].reduce((a, b) => ({ within: a.within + b.within, all: a.all + b.all }));
    expect(overall.within / overall.all).toBeGreaterThan(0.6);
    const worst = shares.sort((a, b) => a.share - b.share)[0]!;
    expect(worst.share).toBeLessThan(0.4);
    expect(shares.filter((s) => s.share > 0.6).length).toBeGreaterThanOrEqual(5);
  });

  it('has every command inside working hours, and every case start on a working day', () => {
    const intervals = new Map<string, [number, number][]>();
    const inWorkingTime = (ms: number) => {
      const date = localDateOf(ms, DEFAULT_WORKING_CALENDAR.timeZone);
      const key = `${date.year}-${date.month}-${date.day}`;
      if (!intervals.has(key)) intervals.set(key, workingIntervalsOn(DEFAULT_WORKING_CALENDAR, date));
      return intervals.get(key)!.some(([s, e]) => ms >= s && ms <= e);
    };
    const outside = sixMonths.flatMap((c) => c.events.filter((e) => !inWorkingTime(Date.parse(e.at))).map((e) => `${e.id} at ${e.at}`));
    expect(outside).toEqual([]);
  });

  it('spreads the starts over the months, busier on Mondays than on Fridays, and never after now', () => {
    const perMonth = new Map<number, number>();
    const perWeekday = new Map<number, number>();
    for (const { state } of sixMonths) {
      const ms = Date.parse(state.startedAt);
      const date = localDateOf(ms, 'Asia/Jakarta');
      perMonth.set(date.month, (perMonth.get(date.month) ?? 0) + 1);
      const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
      perWeekday.set(weekday, (perWeekday.get(weekday) ?? 0) + 1);
      expect(ms).toBeGreaterThanOrEqual(FROM);
      expect(ms).toBeLessThan(SIX_MONTHS_LATER);
    }
    expect([...perMonth.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const count of perMonth.values()) expect(count / sixMonths.length).toBeGreaterThan(0.1);
    expect(perWeekday.get(1)!).toBeGreaterThan(perWeekday.get(5)!);
    expect(perWeekday.has(0) || perWeekday.has(6)).toBe(false);
    const lastEvent = Math.max(...sixMonths.flatMap((c) => c.events.map((e) => Date.parse(e.at))));
    expect(lastEvent).toBeLessThanOrEqual(SIX_MONTHS_LATER);
  });

  it("names, on every command, a person of the office that owns the step's lane", () => {
    const offices = defaultDemoOffices(spm, 42);
    const officeOf = new Map(offices.flatMap((o) => o.clerks.map((c) => [c.id, o] as const)));
    const names = new Set(offices.map((o) => o.name));
    expect(names).toContain('Dinas Kesehatan Kabupaten Banyuwangi');
    expect(names).toContain('Kecamatan Glagah');
    expect(names).toContain('Desa Kemiren');
    for (const { events } of sixMonths.slice(0, 200)) {
      for (const event of events) {
        const person = event.by?.person;
        expect(person, event.id).toBeDefined();
        const office = officeOf.get(person!.id)!;
        expect(office.name).toBe(person!.office);
        if (event.by?.actorId) expect(office.lanes).toContain(event.by.actorId);
      }
    }
    // One case stays in one area: its village and kecamatan belong together.
    for (const { events } of sixMonths.slice(0, 200)) {
      const areas = new Set(events.map((e) => officeOf.get(e.by!.person!.id)!.area).filter(Boolean));
      expect(areas.size).toBeLessThanOrEqual(1);
    }
  });

  it('makes exactly `total` cases when asked, and leaves the ones running at `now` open', () => {
    const now = Date.parse('2025-03-14T10:00:00+07:00');
    const cases = generate(spm, { seed: 3, from: FROM, months: 3, total: 500, now });
    // Cases that would have started after `now` are not made.
    expect(cases.every((c) => Date.parse(c.state.startedAt) < now)).toBe(true);
    expect(cases.every((c) => c.events.every((e) => Date.parse(e.at) <= now))).toBe(true);
    expect(cases.some((c) => c.state.status === 'open')).toBe(true);
    const whole = generate(spm, { seed: 3, from: FROM, months: 3, total: 500 });
    expect(whole).toHaveLength(500);
  });

  it('runs every sample and every engine feature (parallel paths, outcomes, asked rows, sign-offs, waits) through the engine', () => {
    const sops = [...loadSamples().filter((s) => s.revision.status === 'published' && s.flows.length > 0), ...Object.values(allV2Sops())];
    const calendar = workingCalendar({ holidays: ['2025-01-27', '2025-01-29'] });
    let skipped = 0;
    let signed = 0;
    let rejectedAtEnd = 0;
    for (const sop of sops) {
      const published: SopDocument = sop.revision.status === 'published' ? sop : { ...sop, revision: { ...sop.revision, status: 'published' } };
      const cases = generate(published, { seed: 5, from: FROM, months: 1, casesPerWorkingDay: 6, calendar });
      expect(cases.length, sop.id).toBeGreaterThan(20);
      for (const demo of cases) {
        expect(consistencyProblems(published, demo.state, demo.events), sop.id).toEqual([]);
        skipped += demo.state.visits.filter((v) => v.skipped).length;
        signed += demo.state.visits.filter((v) => v.signatures.length > 0).length;
        if (demo.state.outcome === 'ditolak') rejectedAtEnd++;
        // Holidays are not worked.
        expect(demo.events.some((e) => e.at.startsWith('2025-01-27') || e.at.startsWith('2025-01-29')), sop.id).toBe(false);
      }
    }
    expect(skipped).toBeGreaterThan(0);
    expect(signed).toBeGreaterThan(0);
    expect(rejectedAtEnd).toBeGreaterThan(0);
  });
});
