/**
 * The issue's acceptance point: where the server exists, the measures it
 * computes in SQL equal the pure ones (core/monev `monevMeasures`) on the same
 * data. Demo histories of the Banyuwangi SPM sample (two revisions) and of the
 * v2 SOPs with a join and with sign-off chains, and hand-timed edge cases, are
 * stored as a push stores them; for each query the SQL answer deep-equals
 * `monevMeasures` over the same cases' `caseFactsFromEvents` on the server's
 * calendar. Exactly equal, sums included (see monevMeasuresSql.ts).
 */
import { expect, it } from 'vitest';
import { foldEvents } from '../../core/engine';
import type { CaseDriver } from '../../core/engine/testing/caseDriver';
import { fanOutSop, signOffSop } from '../../core/engine/testing/v2Sops';
import { caseFactsFromEvents, monevMeasures, monevStepsOf, type CaseFacts, type MonevMeasures, type MonevQuery, type MonevStepInfo } from '../../core/monev';
import { generateDemoCases } from '../../core/monev/demo/generateDemoCases';
import { caseA, caseB, caseC, caseD, driver, GLAGAH, loketGlagah, monevSop, wib } from '../../core/monev/testing/monevFixtures';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { Db } from '../db/db';
import { describeOnEachDatabase } from '../testing/databases';
import { publishedSample } from '../testing/sopFixtures';
import { historyStore, type CaseHistory } from '../testing/storedCases';
import { refreshMonevFacts, SERVER_MONEV_CALENDAR } from './monevFacts';
import { monevMeasuresFromSql } from './monevMeasuresSql';

const CALENDAR = SERVER_MONEV_CALENDAR;
const DAY = 86_400_000;
/** Monday 5 January 2026, 00:00 WIB. */
const PERIOD_START = Date.parse('2026-01-05T00:00:00+07:00');

function demo(sop: SopDocument, total: number, seed: number): CaseHistory[] {
  // Cases still running at `now` stay open (or with the applicant).
  return [...generateDemoCases(sop, { total, seed, from: PERIOD_START, months: 6, now: PERIOD_START + 170 * DAY })];
}

/** The facts in the order the server reads cases: by start, then id. */
function factsOf(cases: readonly CaseHistory[]): CaseFacts[] {
  return cases
    .map((c) => caseFactsFromEvents(c.events, CALENDAR))
    .sort((a, b) => a.startedAt - b.startedAt || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/** The office that touched the most cases, preferring one that did not touch them all. */
function busyOffice(facts: readonly CaseFacts[]): string {
  const counts = new Map<string, number>();
  for (const f of facts) for (const office of f.offices) counts.set(office, (counts.get(office) ?? 0) + 1);
  const rank = ([, n]: [string, number]) => (n < facts.length ? n : 0);
  return [...counts].sort((a, b) => rank(b) - rank(a) || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/** A driven case's history; event ids made unique across cases (each driver numbers its commands from 1). */
function historyOf(d: CaseDriver): CaseHistory {
  return { caseId: d.caseId, events: d.events.map((e) => ({ ...e, id: `${d.caseId}:${e.id}` })), state: d.current };
}

async function expectSameMeasures(db: Db, sopId: string, facts: readonly CaseFacts[], query: MonevQuery, steps: readonly MonevStepInfo[]): Promise<MonevMeasures> {
  const pure = monevMeasures(facts, query, CALENDAR, steps);
  const fromSql = await monevMeasuresFromSql(db, sopId, query, steps);
  expect(fromSql, JSON.stringify(query)).toStrictEqual(pure);
  return pure;
}

describeOnEachDatabase('monev measures in SQL', (database) => {
  it('equal the pure measures on demo SPM cases of two revisions, for each filter', async () => {
    const first = publishedSample('bwi-spm-online');
    const second = structuredClone(first);
    second.revision.number = first.revision.number + 1;
    const store = await historyStore(database.db);
    await store.publish(first);
    await store.publish(second);
    const firstCases = demo(first, 220, 7);
    const secondCases = demo(second, 90, 8).map((c) => {
      const events = c.events.map((e) => ({ ...e, caseId: `r2-${c.caseId}` }));
      return { caseId: `r2-${c.caseId}`, events, state: foldEvents(events)! };
    });
    await store.store(first, firstCases);
    await store.store(second, secondCases);
    const facts = factsOf([...firstCases, ...secondCases]);
    const steps = monevStepsOf(first);
    const office = busyOffice(facts);
    const lane = steps.find((s) => s.actor !== undefined && s.actor !== steps[0]!.actor)!.actor!;

    const all = await expectSameMeasures(database.db, first.id, facts, {}, steps);
    // The data has what the measures are about: every kind of ending, returns, late and skipped work.
    expect(all.cases).toBe(310);
    expect(all.totals.open).toBeGreaterThan(0);
    expect(all.totals.cancelled).toBeGreaterThan(0);
    expect(all.totals.returned).toBeGreaterThan(0);
    expect(all.waits.applicant.count).toBeGreaterThan(0);
    expect(all.steps.some((s) => s.within < s.withStandard)).toBe(true);
    expect(all.steps.some((s) => s.returns.reasons.length > 1)).toBe(true);
    expect(all.leadTime.bins.length).toBeGreaterThan(3);

    const byOffice = await expectSameMeasures(database.db, first.id, facts, { office }, steps);
    expect(byOffice.cases).toBeGreaterThan(0);
    expect(byOffice.cases).toBeLessThan(all.cases);
    const byLane = await expectSameMeasures(database.db, first.id, facts, { lane }, steps);
    expect(byLane.steps.every((s) => s.actor === lane)).toBe(true);
    await expectSameMeasures(database.db, first.id, facts, { office, lane }, steps);
    const revision = await expectSameMeasures(database.db, first.id, facts, { revision: second.revision.number }, steps);
    expect(revision.cases).toBe(90);

    const weeks = await expectSameMeasures(database.db, first.id, facts, { from: PERIOD_START + 14 * DAY, to: PERIOD_START + 70 * DAY }, steps);
    expect(weeks.buckets.unit).toBe('week');
    expect(weeks.buckets.rows).toHaveLength(8);
    const months = await expectSameMeasures(database.db, first.id, facts, { from: PERIOD_START + 30 * DAY, to: PERIOD_START + 160 * DAY }, steps);
    expect(months.buckets.unit).toBe('month');
    await expectSameMeasures(database.db, first.id, facts, { from: PERIOD_START + 100 * DAY }, steps);
    await expectSameMeasures(database.db, first.id, facts, { to: PERIOD_START + 40 * DAY, lane }, steps);

    const empty = await expectSameMeasures(database.db, first.id, facts, { from: PERIOD_START + 400 * DAY, to: PERIOD_START + 420 * DAY }, steps);
    expect(empty.cases).toBe(0);
    expect(empty.buckets.rows.length).toBeGreaterThan(0);
    expect(await monevMeasuresFromSql(database.db, 'no-such-sop', {}, steps)).toStrictEqual(monevMeasures([], {}, CALENDAR, steps));

    // Steps the given rows do not list (as from another revision) follow, in the order their visits come.
    const unknown = await expectSameMeasures(database.db, first.id, facts, {}, steps.slice(3));
    expect(unknown.steps.filter((s) => !s.known).length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('equal the pure measures on v2 SOPs with a join and with sign-off chains', async () => {
    const store = await historyStore(database.db);
    for (const [sop, total, seed] of [
      [fanOutSop(), 120, 3],
      [signOffSop(), 90, 4],
    ] as const) {
      await store.publish(sop);
      const cases = demo(sop, total, seed);
      await store.store(sop, cases);
      const facts = factsOf(cases);
      const steps = monevStepsOf(sop);
      const all = await expectSameMeasures(database.db, sop.id, facts, {}, steps);
      if (sop.id === fanOutSop().id) expect(all.waits.joins.count).toBeGreaterThan(0);
      else expect(all.waits.signatures.count).toBeGreaterThan(0);
      for (const actor of new Set(steps.map((s) => s.actor).filter((a) => a !== undefined))) {
        await expectSameMeasures(database.db, sop.id, facts, { lane: actor }, steps);
      }
      await expectSameMeasures(database.db, sop.id, facts, { office: busyOffice(facts) }, steps);
      await expectSameMeasures(database.db, sop.id, facts, { from: PERIOD_START + 20 * DAY, to: PERIOD_START + 60 * DAY }, steps);
    }
  }, 120_000);

  it('equal the pure measures on hand-made edge cases: open, cancelled, back to the applicant, a step without Waktu', async () => {
    const sop = monevSop();
    const store = await historyStore(database.db);
    await store.publish(sop);
    // Back to the applicant and never resumed: still open, no applicant wait counted yet.
    const away = driver(sop, 'case-e');
    away.ok({ type: 'case.start', at: wib('2026-03-24 09:00'), fields: { nama: 'Eko' }, by: loketGlagah });
    away.ok({ type: 'case.return', stepId: 's1', to: { applicant: true }, reason: 'KTP belum dibawa', missing: [], at: wib('2026-03-24 09:05'), by: loketGlagah });
    const cases = [caseA(sop), caseB(sop), caseC(sop), caseD(sop), away].map(historyOf);
    await store.store(sop, cases);
    const facts = factsOf(cases);
    const steps = monevStepsOf(sop);
    const all = await expectSameMeasures(database.db, sop.id, facts, {}, steps);
    expect(all.totals).toMatchObject({ started: 5, cancelled: 1, open: 2, returned: 2 });
    expect(all.steps.find((s) => s.stepId === 's3')).toMatchObject({ hasStandard: false, shareWithin: null, done: 1 });
    for (const query of [{ office: GLAGAH }, { lane: 'kasi' }, { lane: 'kadis' }, { from: Date.parse(wib('2026-03-23 00:00')) }, { revision: 99 }]) {
      await expectSameMeasures(database.db, sop.id, facts, query, steps);
    }
  }, 60_000);

  it('folds a case again only when it has new events, and then answers with them', async () => {
    const sop = monevSop();
    const store = await historyStore(database.db);
    await store.publish(sop);
    const whole = caseA(sop);
    const cut = 6;
    const early = whole.events.slice(0, cut);
    await store.store(sop, [{ caseId: whole.caseId, events: early, state: foldEvents(early)! }]);
    const steps = monevStepsOf(sop);

    expect(await refreshMonevFacts(database.db, sop.id)).toBe(1);
    expect(await refreshMonevFacts(database.db, sop.id)).toBe(0);
    const before = await expectSameMeasures(database.db, sop.id, [caseFactsFromEvents(early, CALENDAR)], {}, steps);
    expect(before.totals.open).toBe(1);

    // The rest of the case arrives as a later push does: the next question folds it again.
    await store.store(sop, [{ caseId: whole.caseId, events: whole.events.slice(cut), state: whole.current }]);
    const after = await expectSameMeasures(database.db, sop.id, [caseFactsFromEvents(whole.events, CALENDAR)], {}, steps);
    expect(after.totals.finished.selesai).toBe(1);
    expect(await refreshMonevFacts(database.db, sop.id)).toBe(0);
  }, 60_000);
});
