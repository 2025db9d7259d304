/**
 * One SOP's monev facts out of the runtime database. The facts are kept
 * between visits (monevFactsStore.ts): an open folds only the cases that
 * changed since the last one, so filters then only aggregate. Working
 * durations are computed with the office's calendar, so the measures must be
 * asked with the same calendar.
 */
import type { FactsTable } from '../../core/monev';
import type { WorkingCalendarConfig } from '../../core/sla';
import type { RuntimeDb, SopRow } from '../storage/db';
import { loadStoredMonevFacts, type MonevFactsProgress } from './monevFactsStore';

export interface MonevData {
  /** The cases' facts, in columns (core/monev/factsTable.ts). */
  tables: FactsTable[];
  /** Cases whose record could not be read as a case (damaged rows): left out, and counted so the page can say so. */
  unreadable: number;
  /** Cases folded on this load because they were new or had changed (0 when the kept facts were current). */
  folded: number;
  /** Names these facts, for views kept with them (monevViewsStore.ts); absent when another tab wrote newer ones. */
  factsId?: string;
}

export async function loadMonevData(
  db: RuntimeDb,
  sopId: string,
  calendar: WorkingCalendarConfig,
  onProgress?: (progress: MonevFactsProgress) => void,
): Promise<MonevData> {
  const facts = await loadStoredMonevFacts(db, sopId, calendar, onProgress);
  // A user timing mark: the benchmark (and a developer's profile) tells reading the facts from drawing them.
  performance.mark('monev:facts-loaded', { detail: { folded: facts.folded, cases: facts.tables.reduce((n, t) => n + t.cases, 0) } });
  return facts;
}

/** The SOP's revisions on this device, newest first. */
export async function loadMonevRevisions(db: RuntimeDb, sopId: string): Promise<SopRow[]> {
  return (await db.sops.where('sopId').equals(sopId).toArray()).sort((a, b) => b.revision - a.revision);
}
