/**
 * Dashboard views kept with the monev facts: the measures of one query, with
 * what the page needs beside them (the office list, the start range, the
 * unreadable count), saved under the id of the facts they were measured on.
 *
 * Why: reading 100,000 cases' facts from IndexedDB takes more than a second,
 * however compact, while an officer opens the dashboard on the view they
 * left. A kept view is shown while the facts load; the page then measures
 * again from the facts. When the facts are provably the same
 * (currentMonevFactsId: same calendar, no case written or deleted since),
 * that gives the same numbers. When cases changed since, the kept view is
 * stale: the page shows it marked as such, with the time it was measured,
 * until the current numbers replace it, and offers no form from it. A view
 * never measured waits for the facts.
 *
 * The rows live in the monevFacts table under `${sopId}#views`, so they share
 * the facts' life: derived data, never backed up, cleared with them.
 */
import type { Table } from 'dexie';
import { sha256Hex } from '../../core/engine/sha256';
import type { MonevMeasures, MonevQuery, MonevStepInfo } from '../../core/monev';
import type { WorkingCalendarConfig } from '../../core/sla';
import type { RuntimeDb } from '../storage/db';
import { builtWithKey, currentMonevFactsId } from './monevFactsStore';

/** Views kept per SOP, of any facts; the least recently measured go first. */
export const MONEV_VIEWS_KEPT = 24;

export interface MonevViewSummary {
  measures: MonevMeasures;
  /** The offices of all the SOP's cases (the office filter's choices), in officesOf's order. */
  offices: string[];
  /** First and last case start, for a monitoring form's period; absent without cases. */
  starts?: { first: number; last: number };
  unreadable: number;
}

interface MonevViewRow {
  key: string;
  /** `${sopId}#views`: never equal to a SOP id, so the facts' own reads never meet these rows. */
  sopId: string;
  factsId: string;
  savedAt: number;
  view: MonevViewSummary;
}

const viewsTable = (db: RuntimeDb) => db.monevFacts as unknown as Table<MonevViewRow, string>;
const viewsOf = (sopId: string) => `${sopId}#views`;

/** The key a view is kept under: everything its measures depend on besides the facts. */
export function monevViewKey(sopId: string, query: MonevQuery, steps: readonly MonevStepInfo[], calendar: WorkingCalendarConfig): string {
  return `${viewsOf(sopId)}|${sha256Hex(JSON.stringify({ query, steps, calendar: builtWithKey(calendar) })).slice(0, 32)}`;
}

export interface KeptMonevView {
  view: MonevViewSummary;
  /** Measured on facts that are no longer current (cases changed since): numbers as of `savedAt`, not of now. */
  stale: boolean;
  /** When it was measured and kept (ms). */
  savedAt: number;
}

/** The view kept under `key`, saying whether the facts it was measured on are still current; undefined when none. */
export async function readKeptMonevView(db: RuntimeDb, sopId: string, calendar: WorkingCalendarConfig, key: string): Promise<KeptMonevView | undefined> {
  const begun = performance.now();
  const [factsId, row] = await Promise.all([currentMonevFactsId(db, sopId, calendar), viewsTable(db).get(key)]);
  performance.measure('monev:kept-view', { start: begun });
  if (!row?.view || typeof row.savedAt !== 'number') return undefined;
  return { view: row.view, stale: factsId === undefined || row.factsId !== factsId, savedAt: row.savedAt };
}

/** Which views of a SOP are kept, newest first: one small row, so keeping a view never reads the others. */
interface MonevViewsIndexRow {
  key: string;
  sopId: string;
  /** Rows written before stale views were shown also hold each view's factsId; the view row holds it anyway. */
  views: { key: string }[];
}

/** Keeps a view measured on the facts named `factsId` (replacing the one kept under its key), and drops the oldest beyond the limit. */
export async function keepMonevView(db: RuntimeDb, sopId: string, key: string, factsId: string, view: MonevViewSummary): Promise<void> {
  const table = viewsTable(db);
  const index = db.monevFacts as unknown as Table<MonevViewsIndexRow, string>;
  const indexKey = `${viewsOf(sopId)}|index`;
  await db.transaction('rw', table, async () => {
    const listed = (await index.get(indexKey))?.views ?? [];
    // Views of older facts stay too: the next open shows them, marked stale, while it measures anew.
    const kept = [{ key }, ...listed.filter((v) => v.key !== key).map((v) => ({ key: v.key }))].slice(0, MONEV_VIEWS_KEPT);
    const keptKeys = new Set(kept.map((v) => v.key));
    const dropped = listed.filter((v) => !keptKeys.has(v.key)).map((v) => v.key);
    await table.put({ key, sopId: viewsOf(sopId), factsId, savedAt: Date.now(), view });
    await index.put({ key: indexKey, sopId: viewsOf(sopId), views: kept });
    if (dropped.length > 0) await table.bulkDelete(dropped);
  });
}
