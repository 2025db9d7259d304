/**
 * Reads one SOP's case record out of the runtime database and folds each case
 * into its monev facts (core/monev), once per page visit: filters then only
 * aggregate the facts. Working durations are computed with the office's
 * calendar here, so the measures must be asked with the same calendar.
 */
import Dexie from 'dexie';
import { caseFactsFromEvents, type CaseFacts } from '../../core/monev';
import type { CaseEvent } from '../../core/engine';
import type { WorkingCalendarConfig } from '../../core/sla';
import type { RuntimeDb, SopRow } from '../storage/db';

export interface MonevData {
  /** The SOP's revisions on this device, newest first. */
  revisions: SopRow[];
  facts: CaseFacts[];
  /** Cases whose record could not be read as a case (damaged rows): left out, and counted so the page can say so. */
  unreadable: number;
}

export async function loadMonevData(db: RuntimeDb, sopId: string, calendar: WorkingCalendarConfig): Promise<MonevData> {
  const revisions = (await db.sops.where('sopId').equals(sopId).toArray()).sort((a, b) => b.revision - a.revision);
  const cases = await db.cases
    .where('[sopId+status+dueAt+id]')
    .between([sopId, Dexie.minKey, Dexie.minKey, Dexie.minKey], [sopId, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey])
    .toArray();
  const eventsByCase = new Map<string, CaseEvent[]>();
  for (const row of await db.events.where('caseId').anyOf(cases.map((c) => c.id)).toArray()) {
    const list = eventsByCase.get(row.caseId);
    if (list) list.push(row.event);
    else eventsByCase.set(row.caseId, [row.event]);
  }
  const facts: CaseFacts[] = [];
  let unreadable = 0;
  for (const row of cases) {
    const events = (eventsByCase.get(row.id) ?? []).sort((a, b) => a.revision - b.revision);
    try {
      facts.push(caseFactsFromEvents(events, calendar, { applicantName: row.applicantName }));
    } catch {
      // A damaged case (hostile import, a half-written record) must not take the whole dashboard down.
      unreadable++;
    }
  }
  facts.sort((a, b) => a.startedAt - b.startedAt);
  return { revisions, facts, unreadable };
}
