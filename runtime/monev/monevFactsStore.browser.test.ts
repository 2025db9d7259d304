// The monev facts kept between visits, in a real IndexedDB (Chromium): what an open folds, and that the
// measures from the kept facts always equal the measures folded afresh from the case record.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { allowedCommands } from '../../core/engine/testing/allowedCommands';
import { caseFactsFromEvents, monevMeasures, monevMeasuresOfTables, monevStepsOf, officesOf } from '../../core/monev';
import { workingCalendar, type WorkingCalendarConfig } from '../../core/sla';
import type { CaseCommand } from '../../core/engine';
import { RuntimeDb, SCHEMA_V4, schemaVersionOf, withoutChangeStamp } from '../storage/db';
import { caseEvents, commitCommand, getSopRevision, loadCalendar, startCase } from '../storage/repository';
import { sampleDoc } from '../storage/testing';
import { exportBackup, restoreBackup } from '../storage/backup';
import { fillDemoDatabase } from './demoData';
import { loadStoredMonevFacts } from './monevFactsStore';
import { unpackFactsTable } from '../../core/monev/factsPacking';
import { decodeFacts, encodeFacts } from '../../core/monev/factsTable';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function database(): RuntimeDb {
  const name = `sop-studio-monev-facts-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  names.push(name);
  return new RuntimeDb(name);
}

const SOP = sampleDoc('bwi-spm-online');
const STEPS = monevStepsOf(SOP);

/** The measures folded afresh from every case's events: what the kept facts must always give. */
async function freshMeasures(db: RuntimeDb, calendar: WorkingCalendarConfig, query = {}) {
  const rows = await db.cases.toArray();
  const facts = [];
  for (const row of rows.filter((r) => r.sopId === SOP.id)) facts.push(caseFactsFromEvents(await caseEvents(db, row.id), calendar, { applicantName: row.applicantName }));
  return monevMeasures(facts.sort((a, b) => a.startedAt - b.startedAt), query, calendar, STEPS);
}

async function keptMeasures(db: RuntimeDb, calendar: WorkingCalendarConfig, query = {}) {
  const kept = await loadStoredMonevFacts(db, SOP.id, calendar, undefined, { chunkCases: 25 });
  return { kept, measures: monevMeasuresOfTables(kept.tables, query, calendar, STEPS) };
}

/** The chunk sizes of `n` cases in chunks of `size`, the last one partly full. */
const chunksOf = (size: number, n: number) => Array.from({ length: Math.ceil(n / size) }, (_, i) => Math.min(size, n - i * size));

/** Compares what a dashboard shows (the order of unknown-revision steps aside, there are none here). */
function sameNumbers(a: ReturnType<typeof monevMeasures>, b: ReturnType<typeof monevMeasures>) {
  expect(a).toStrictEqual(b);
}

/** A clerk starts a case, and returns a function that moves it on by one command. */
async function startClerkCase(db: RuntimeDb): Promise<() => Promise<void>> {
  const started = await startCase(db, { sopKey: `${SOP.id}@${SOP.revision.number}`, fields: { nama: 'Siti Aminah', nik: '3510015205850002' } });
  expect(started.ok, JSON.stringify(started)).toBe(true);
  const caseId = (await db.cases.orderBy('id').last())!.id;
  return async () => {
    const row = (await db.cases.get(caseId))!;
    const doc = (await getSopRevision(db, row.sopKey))!.doc;
    // Cancelling needs no files: any command that changes the case will do.
    const input = allowedCommands(doc, row.state).find((c) => c.type === 'case.cancel')!;
    const command = { ...input, id: `cmd-${caseId}-${row.revision}`, caseId, at: new Date().toISOString(), expectedRevision: row.revision } as CaseCommand;
    const result = await commitCommand(db, command);
    expect(result.ok, JSON.stringify(result)).toBe(true);
  };
}

describe('monev facts kept between visits (Chromium)', () => {
  it('folds every case once, then only what changed, and always measures what a fresh fold measures', async () => {
    const db = database();
    const calendar = await loadCalendar(db);
    const filled = await fillDemoDatabase(db, [SOP], { seed: 7, total: 60, months: 3, now: Date.now() });
    const n = filled.cases;
    expect(n).toBeGreaterThan(50);

    const first = await keptMeasures(db, calendar);
    expect(first.kept.folded).toBe(n);
    expect(first.kept.tables.map((t) => t.cases)).toEqual([25, 25, n - 50]);
    sameNumbers(first.measures, await freshMeasures(db, calendar));

    const again = await keptMeasures(db, calendar);
    expect(again.kept.folded).toBe(0);
    sameNumbers(again.measures, first.measures);

    // A clerk starts a case, then moves it on: each time only that case is folded, and it stays in its chunk.
    const moveOn = await startClerkCase(db);
    const afterStart = await keptMeasures(db, calendar);
    expect(afterStart.kept.folded).toBe(1);
    expect(afterStart.kept.tables.map((t) => t.cases)).toEqual([25, 25, n - 49]);
    await moveOn();
    const afterStep = await keptMeasures(db, calendar);
    expect(afterStep.kept.folded).toBe(1);
    expect(afterStep.kept.tables.map((t) => t.cases)).toEqual([25, 25, n - 49]);
    sameNumbers(afterStep.measures, await freshMeasures(db, calendar));
    for (const query of [{ office: officesOf(afterStep.kept.tables)[0]! }, { lane: SOP.actors[0]!.id }]) {
      sameNumbers((await keptMeasures(db, calendar, query)).measures, await freshMeasures(db, calendar, query));
    }
  });

  it('adds new cases, drops deleted ones, and rebuilds for another working calendar', async () => {
    const db = database();
    const calendar = await loadCalendar(db);
    const before = (await fillDemoDatabase(db, [SOP], { seed: 8, total: 30, months: 2, now: Date.now() })).cases;
    expect((await keptMeasures(db, calendar)).kept.folded).toBe(before);

    // More cases arrive (another fill appends with new ids): only they are folded, filling the last chunk first.
    // (A fill gives a few fewer than `total` when its last day is cut short by `now`, so the counts are read back.)
    const added = (await fillDemoDatabase(db, [SOP], { seed: 9, total: 12, months: 1, now: Date.now() })).cases;
    expect(added).toBeGreaterThan(5);
    const grown = await keptMeasures(db, calendar);
    expect(grown.kept.folded).toBe(added);
    expect(grown.kept.tables.map((t) => t.cases)).toEqual(chunksOf(25, before + added));
    sameNumbers(grown.measures, await freshMeasures(db, calendar));

    // Cases deleted from the record leave the measures without anything to fold. A deletion must note itself with
    // the facts, which is how the next open knows to look for what is gone (no count: 1.5 s at 100,000 cases).
    const doomed = (await db.cases.toArray()).slice(0, 5).map((r) => r.id);
    await expect(db.transaction('rw', db.cases, async () => db.cases.bulkDelete(doomed))).rejects.toThrow(/includes monevFacts/);
    expect(await db.cases.count()).toBe(before + added);
    await db.transaction('rw', db.cases, db.events, db.monevFacts, async () => {
      await db.cases.bulkDelete(doomed);
      await db.events.where('caseId').anyOf(doomed).delete();
    });
    const left = before + added - 5;
    const shrunk = await keptMeasures(db, calendar);
    expect(shrunk.kept.folded).toBe(0);
    expect(shrunk.measures.cases).toBe(left);
    sameNumbers(shrunk.measures, await freshMeasures(db, calendar));

    // Another calendar (Saturdays worked) changes working minutes: everything is folded again with it.
    const other = workingCalendar({ ...calendar, week: calendar.week.map((day, i) => (i === 6 ? calendar.week[1]! : day)) });
    const rebuilt = await keptMeasures(db, other);
    expect(rebuilt.kept.folded).toBe(left);
    sameNumbers(rebuilt.measures, await freshMeasures(db, other));
  });

  it('after a restore of a backup taken before some cases were started, measures only the backup\'s cases', async () => {
    const db = database();
    const calendar = await loadCalendar(db);
    const inBackup = (await fillDemoDatabase(db, [SOP], { seed: 12, total: 30, months: 2, now: Date.now() })).cases;
    await keptMeasures(db, calendar);
    const backup = await exportBackup(db);
    // Cases started after the backup, and facts kept with them: the restore takes the cases away again.
    await fillDemoDatabase(db, [SOP], { seed: 13, total: 10, months: 1, now: Date.now() });
    expect((await keptMeasures(db, calendar)).measures.cases).toBeGreaterThan(inBackup);

    await restoreBackup(db, backup.blob, { keepCopy: false });
    const restored = await keptMeasures(db, calendar);
    expect(restored.measures.cases).toBe(inBackup);
    sameNumbers(restored.measures, await freshMeasures(db, calendar));
  });

  it('stores the facts packed; reads chunks kept unpacked by an older version and packs them; refolds a damaged one', async () => {
    const db = database();
    const calendar = await loadCalendar(db);
    const n = (await fillDemoDatabase(db, [SOP], { seed: 14, total: 60, months: 2, now: Date.now() })).cases;
    const first = await keptMeasures(db, calendar);
    const chunks = () => db.monevFacts.where('sopId').equals(SOP.id).toArray();
    const stored = await chunks();
    expect(stored.length).toBeGreaterThan(1);
    for (const row of stored) expect(row.packed && !row.table).toBe(true);
    // Packed, the string codes, whole minutes and empty columns take far fewer bytes than the table they came from.
    const bytes = (columns: object) => Object.values(columns).flatMap((group) => Object.values(group as object)).reduce((sum: number, c) => sum + (ArrayBuffer.isView(c) ? c.byteLength : 0), 0);
    const wide = encodeFacts(decodeFacts(unpackFactsTable(stored[0]!.packed!)));
    expect(bytes(stored[0]!.packed!.columns)).toBeLessThan(bytes({ case: wide.case, visit: wide.visit, return: wide.return, joinWait: wide.joinWait }) / 2);

    // As a version before packing left them: the facts unpacked in `table`.
    await db.monevFacts.bulkPut(stored.map(({ packed, ...row }) => ({ ...row, table: unpackFactsTable(packed!) })));
    const legacy = await keptMeasures(db, calendar);
    expect(legacy.kept.folded).toBe(0);
    sameNumbers(legacy.measures, first.measures);
    for (const row of await chunks()) expect(row.packed && !row.table).toBe(true);

    // A damaged chunk (a column gone): every case is folded again, and nothing is lost.
    const [damaged, ...rest] = await chunks();
    const { stepId: _gone, ...visit } = damaged!.packed!.columns.visit;
    await db.monevFacts.put({ ...damaged!, packed: { ...damaged!.packed!, columns: { ...damaged!.packed!.columns, visit } } });
    const refolded = await keptMeasures(db, calendar);
    expect(refolded.kept.folded).toBe(n);
    sameNumbers(refolded.measures, first.measures);
    expect(rest.length).toBeGreaterThan(0);
    // A chunk holding no facts at all (neither form): the same.
    const [empty] = await chunks();
    await db.monevFacts.put({ ...empty!, packed: undefined });
    const again = await keptMeasures(db, calendar);
    expect(again.kept.folded).toBe(n);
    sameNumbers(again.measures, first.measures);
  });

  it('counts a case whose events cannot be folded, and does not fold it again until it changes', async () => {
    const db = database();
    const calendar = await loadCalendar(db);
    const n = (await fillDemoDatabase(db, [SOP], { seed: 10, total: 8, months: 1, now: Date.now() })).cases;
    expect(n).toBeGreaterThan(3);
    const broken = (await db.cases.toArray())[3]!;
    // A hostile or half-written record: the case row stays, its events are gone.
    await db.events.where('caseId').equals(broken.id).delete();

    const first = await keptMeasures(db, calendar);
    expect(first.kept).toMatchObject({ folded: n, unreadable: 1 });
    expect(first.measures.cases).toBe(n - 1);
    const again = await keptMeasures(db, calendar);
    expect(again.kept).toMatchObject({ folded: 0, unreadable: 1 });
    expect(await getSopRevision(db, broken.sopKey)).toBeDefined();
  });

  it('opens a schema 4 database with its cases unstamped, and the first open folds them all', async () => {
    const name = `sop-studio-monev-v4-${Date.now()}`;
    names.push(name);
    // A device as version 4 left it: cases written before the stamp existed.
    const filledOnV5 = database();
    await fillDemoDatabase(filledOnV5, [SOP], { seed: 11, total: 20, months: 1, now: Date.now() });
    const [sops, cases, events] = await Promise.all([filledOnV5.sops.toArray(), filledOnV5.cases.toArray(), filledOnV5.events.toArray()]);
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    await v4.table('meta').put({ key: 'schemaVersion', value: 4 });
    await v4.table('sops').bulkPut(sops);
    await v4.table('cases').bulkPut(cases.map(withoutChangeStamp));
    await v4.table('events').bulkPut(events);
    v4.close();

    const db = new RuntimeDb(name);
    await db.open();
    expect(await schemaVersionOf(db)).toBe(5);
    expect(await db.cases.count()).toBe(cases.length);
    const calendar = await loadCalendar(db);
    const first = await keptMeasures(db, calendar);
    expect(first.kept.folded).toBe(cases.length);
    sameNumbers(first.measures, await freshMeasures(db, calendar));
    expect((await keptMeasures(db, calendar)).kept.folded).toBe(0);
    db.close();
  });
});
