/**
 * Whatever clerks do, the measures stay numbers a chart can draw: random
 * walks through every allowed command of the crafted v2 SOPs (joins, loops,
 * returns, skips, sign-offs, waits, cancellations), at random times and by
 * people of random offices, then random queries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { allowedCommands } from '../engine/testing/allowedCommands';
import { allV2Sops } from '../engine/testing/v2Sops';
import type { CaseEvent } from '../engine/types';
import { caseFactsFromEvents, casesOfStep, monevMeasures, monevStepsOf, summarizeMinutes, type CaseFacts, type MinutesSummary } from '.';
import { packFactsTable, unpackFactsTable } from './factsPacking';
import { decodeFacts, encodeFacts } from './factsTable';
import { monevMeasuresOfTables } from './measures';
import { driver, monevSop, TEST_CALENDAR, wibMs } from './testing/monevFixtures';

const SOPS: SopDocument[] = [...Object.values(allV2Sops()), monevSop()];
const OFFICES = ['Kecamatan Giri', 'Kecamatan Glagah', 'Dinas Sosial'];
const START = wibMs('2026-01-05 08:00');

/** One random case: its choices, the minutes between commands, and who acts. */
const caseWalk = fc.record({
  startOffset: fc.integer({ min: 0, max: 200 * 24 * 60 }),
  choices: fc.array(fc.nat(), { maxLength: 30 }),
  gaps: fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 30, maxLength: 30 }),
  offices: fc.array(fc.constantFrom(...OFFICES), { minLength: 30, maxLength: 30 }),
});

type CaseWalk = typeof caseWalk extends fc.Arbitrary<infer T> ? T : never;

function walkEvents(sop: SopDocument, caseId: string, plan: CaseWalk): CaseEvent[] {
  const d = driver(sop, caseId);
  let clock = START + plan.startOffset * 60_000;
  const byOf = (i: number) => ({ person: { id: `p-${i % 5}`, name: `Petugas ${i % 5}`, office: plan.offices[i]! } });
  d.ok({ type: 'case.start', at: new Date(clock).toISOString(), fields: sop.caseFields?.some((f) => f.id === 'nama') ? { nama: 'Pemohon' } : {}, by: byOf(0) });
  plan.choices.forEach((choice, i) => {
    const options = allowedCommands(sop, d.current);
    if (options.length === 0) return;
    clock += plan.gaps[i]! * 60_000;
    const command = options[choice % options.length]!;
    const result = d.run({ ...command, at: new Date(clock).toISOString(), by: { ...(command.by ?? {}), ...byOf(i + 1) } } as never);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.rejection.message.en}`);
  });
  return d.events;
}

function walk(sop: SopDocument, caseId: string, plan: CaseWalk): CaseFacts {
  return caseFactsFromEvents(walkEvents(sop, caseId, plan), TEST_CALENDAR);
}

const query = fc.record(
  {
    from: fc.integer({ min: -10, max: 220 }).map((days) => START + days * 86_400_000),
    to: fc.integer({ min: 0, max: 400 }).map((days) => START + days * 86_400_000),
    office: fc.constantFrom(...OFFICES),
    lane: fc.constantFrom('loket', 'kasi', 'kabid', 'dinkes'),
  },
  { requiredKeys: [] },
);

function checkSummary(s: MinutesSummary): void {
  expect(Number.isFinite(s.totalMinutes) && s.totalMinutes >= 0).toBe(true);
  if (s.count === 0) expect([s.median, s.p90]).toEqual([null, null]);
  else expect(s.median!).toBeLessThanOrEqual(s.p90!);
}

function checkNumbers(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (Number.isNaN(value) || !Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    if (/share|rate/i.test(path) && (value < 0 || value > 1)) throw new Error(`${path} = ${value} is outside [0, 1]`);
  } else if (Array.isArray(value)) value.forEach((v, i) => checkNumbers(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) checkNumbers(v, `${path}.${k}`);
}

describe('monev measures, on random case histories', () => {
  it('never give NaN, keep shares in [0, 1] and the median at most the p90', () => {
    fc.assert(
      fc.property(fc.nat({ max: SOPS.length - 1 }), fc.array(caseWalk, { minLength: 1, maxLength: 8 }), query, (sopIndex, walks, q) => {
        const sop = SOPS[sopIndex]!;
        const facts = walks.map((plan, i) => walk(sop, `case-${i}`, plan));
        const steps = monevStepsOf(sop);
        for (const m of [monevMeasures(facts, {}, TEST_CALENDAR, steps), monevMeasures(facts, q, TEST_CALENDAR, steps)]) {
          checkNumbers(m, 'measures');
          checkSummary(m.leadTime);
          for (const w of Object.values(m.waits)) checkSummary(w);
          for (const s of m.steps) {
            checkSummary(s.duration);
            checkSummary(s.signWait);
            checkSummary(s.joinWait);
            expect(s.within).toBeLessThanOrEqual(s.withStandard);
            expect(s.done + s.skipped.skipped + s.returns.count).toBeLessThanOrEqual(s.visits);
            if (!s.hasStandard && s.known) expect(s.shareWithin).toBeNull();
            // The drill-down lists exactly the cases the row counts.
            expect(casesOfStep(facts, m.query, s.stepId, 'all').length).toBe(s.cases);
            expect(casesOfStep(facts, m.query, s.stepId, 'looped').length).toBe(s.loops.cases);
          }
          expect(m.buckets.rows.reduce((n, b) => n + b.started, 0)).toBeLessThanOrEqual(m.cases);
          expect(m.leadTime.bins.reduce((n, b) => n + b.count, 0)).toBe(m.leadTime.count);
          expect(m.bottlenecks).toHaveLength(m.steps.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('monev facts as columns (factsTable.ts)', () => {
  it('decode gives back exactly the facts encoded (and packed for storage), fields absent or present as they were', () => {
    fc.assert(
      fc.property(fc.nat({ max: SOPS.length - 1 }), fc.array(caseWalk, { minLength: 0, maxLength: 8 }), fc.boolean(), (sopIndex, walks, withCalendar) => {
        const sop = SOPS[sopIndex]!;
        const facts = walks.map((plan, i) => caseFactsFromEvents(walkEvents(sop, `case-${i}`, plan), withCalendar ? TEST_CALENDAR : undefined, { applicantName: i % 2 ? `Pemohon ${i}` : undefined }));
        expect(decodeFacts(encodeFacts(facts))).toStrictEqual(facts);
        // And through the packing the database stores (factsPacking.ts).
        expect(decodeFacts(unpackFactsTable(structuredClone(packFactsTable(encodeFacts(facts)))))).toStrictEqual(facts);
      }),
      { numRuns: 150 },
    );
  });

  it('measures the same whether the cases are in one table or split over several, packed or not, and with times precomputed or not', () => {
    fc.assert(
      fc.property(fc.nat({ max: SOPS.length - 1 }), fc.array(caseWalk, { minLength: 1, maxLength: 8 }), fc.nat(), query, (sopIndex, walks, cut, q) => {
        const sop = SOPS[sopIndex]!;
        const events = walks.map((plan, i) => walkEvents(sop, `case-${i}`, plan));
        const facts = events.map((e) => caseFactsFromEvents(e, TEST_CALENDAR));
        const steps = monevStepsOf(sop);
        const whole = monevMeasures(facts, q, TEST_CALENDAR, steps);
        const at = cut % (facts.length + 1);
        const split = monevMeasuresOfTables([encodeFacts(facts.slice(0, at)), encodeFacts([]), encodeFacts(facts.slice(at))], q, TEST_CALENDAR, steps);
        expect(split).toStrictEqual(whole);
        // Packed for storage and read back: narrow columns measure the same.
        const stored = [facts.slice(0, at), facts.slice(at)].map((part) => unpackFactsTable(structuredClone(packFactsTable(encodeFacts(part)))));
        expect(monevMeasuresOfTables(stored, q, TEST_CALENDAR, steps)).toStrictEqual(whole);
        // Facts folded without a calendar: every working time is computed by the measures instead, to the same numbers.
        const late = monevMeasures(events.map((e) => caseFactsFromEvents(e)), q, TEST_CALENDAR, steps);
        expect(late).toStrictEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('summarizes minutes by selection to the nearest-rank median and p90 a full sort gives', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 300 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const rank = (p: number) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1] ?? null;
        const summary = summarizeMinutes(values);
        expect([summary.count, summary.median, summary.p90]).toEqual([values.length, rank(0.5), rank(0.9)]);
      }),
      { numRuns: 2000 },
    );
  });
});
