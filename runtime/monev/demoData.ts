/**
 * Demo data for monev ("Contoh data monev"): months of made-up case histories
 * (core/monev/demo/generateDemoCases) in a database of their own, so a new
 * user sees the dashboards with data and never mistakes it for real cases.
 * Like the trial sandbox (runtime/trial.ts), the demo lives in another
 * IndexedDB database altogether (DEMO_DB_NAME), opened with `?contoh-monev`,
 * and is wiped in one call; the clerk's database is refused outright.
 *
 * Cases and events are written in bulk, a chunk of cases per transaction, so
 * 100,000 cases never hold one giant transaction (and the page can show
 * progress). Case rows go through caseRowOf, so the case list, the inbox and
 * search work on them as on real ones. Nothing is queued for a server.
 */
import type { SopDocument } from '../../schemas/generated/sop.types';
import { generateDemoCases, type DemoCaseOptions } from '../../core/monev/demo/generateDemoCases';
import { RUNTIME_DB_NAME, RuntimeDb, type CaseRow, type EventRow } from '../storage/db';
import { caseRowOf, getSopRevision, loadCalendar, sopKeyOf, storeSopRevision } from '../storage/repository';

import { DEMO_DB_NAME, DEMO_META_KEY } from './demoNames';

export { DEMO_DB_NAME, DEMO_META_KEY, DEMO_PARAM, isDemoUrl } from './demoNames';

export function openDemoDatabase(): RuntimeDb {
  return new RuntimeDb(DEMO_DB_NAME);
}

export interface DemoFillOptions extends DemoCaseOptions {
  /** Cases per write transaction (default 500). */
  chunkSize?: number;
}

export interface DemoFillProgress {
  sopId: string;
  /** Cases and events written so far, over every SOP. */
  cases: number;
  events: number;
}

export interface DemoFillResult {
  cases: number;
  events: number;
  /** SOPs left out: only published revisions run cases. */
  skipped: string[];
}

/**
 * Stores each published SOP revision and writes its demo cases. Each SOP gets
 * its own seed (the given one plus its position), so two SOPs do not share
 * one pattern. The working calendar is the database's own unless given.
 */
export async function fillDemoDatabase(
  db: RuntimeDb,
  sops: readonly SopDocument[],
  options: DemoFillOptions = {},
  onProgress?: (progress: DemoFillProgress) => void,
): Promise<DemoFillResult> {
  if (db.name === RUNTIME_DB_NAME) {
    throw new Error(`Demo cases are never written to the clerk's database (${RUNTIME_DB_NAME}); use ${DEMO_DB_NAME}.`);
  }
  const { chunkSize = 500, ...caseOptions } = options;
  const calendar = caseOptions.calendar ?? (await loadCalendar(db));
  const result: DemoFillResult = { cases: 0, events: 0, skipped: [] };
  for (const [position, sop] of sops.entries()) {
    if (sop.revision.status !== 'published' || sop.flows.length === 0) {
      result.skipped.push(sop.id);
      continue;
    }
    await storeSopRevision(db, sop);
    // Cases pin the revision as stored (its hash, its migrated document), exactly as cases started here would.
    const row = (await getSopRevision(db, sopKeyOf(sop.id, sop.revision.number)))!;
    let cases: CaseRow[] = [];
    let events: EventRow[] = [];
    // One chunk is written while the next is generated: IndexedDB works outside the page's thread, so a fill
    // of 100,000 cases need not wait for each write before it makes more. At most one write is in flight.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (cases.length === 0) return;
      const [caseChunk, eventChunk] = [cases, events];
      cases = [];
      events = [];
      await writing;
      writing = db
        .transaction('rw', db.cases, db.events, async () => {
          await db.cases.bulkPut(caseChunk);
          await db.events.bulkPut(eventChunk);
        })
        .then(() => {
          result.cases += caseChunk.length;
          result.events += eventChunk.length;
          onProgress?.({ sopId: sop.id, cases: result.cases, events: result.events });
        });
    };
    for (const demo of generateDemoCases(row.doc, { ...caseOptions, calendar, seed: (caseOptions.seed ?? 1) + position })) {
      cases.push(caseRowOf(row.doc, demo.state, row.key));
      for (const event of demo.events) events.push({ id: event.id, caseId: event.caseId, revision: event.revision, commandId: event.commandId, event });
      if (cases.length >= chunkSize) await flush();
    }
    await flush();
    await writing;
  }
  await db.meta.put({ key: DEMO_META_KEY, value: { at: Date.now(), cases: result.cases, events: result.events, seed: options.seed ?? 1 } });
  return result;
}

/** Deletes every demo case, event and SOP revision (and anything a user did in the demo), and any copy a restore kept. */
export async function wipeDemoData(db: RuntimeDb): Promise<void> {
  if (db.name === RUNTIME_DB_NAME) throw new Error(`wipeDemoData never touches the clerk's database (${RUNTIME_DB_NAME}).`);
  const tables = [db.sops, db.cases, db.events, db.drafts, db.attachments, db.outbox, db.review, db.syncCases, db.monevForms, db.monevFacts];
  await db.transaction('rw', [...tables, db.meta], async () => {
    await Promise.all(tables.map((table) => table.clear()));
    await db.meta.delete(DEMO_META_KEY);
  });
  const { deleteSafetyCopies } = await import('../storage/backupSafety');
  await deleteSafetyCopies(db);
}
