/**
 * Write-ahead copies of step drafts: what the clerk typed, copied to
 * localStorage synchronously on every change (see ui/durability/writeAhead.ts),
 * so a reload or a closed tab before the debounced IndexedDB write commits
 * loses nothing. Attachments are Blobs and stay out of the copy: while a
 * changed file list waits for IndexedDB, leaving the page asks first.
 */
import type { CaseState } from '../../core/engine';
import { createWriteAheadJournal, type KeyValueStore, type WriteAheadJournal } from '../../ui/durability/writeAhead';
import type { DraftValues, RuntimeDb } from '../storage/db';
import { draftIdOf, loadDraft, saveDraft } from '../storage/repository';

export interface DraftCopy {
  caseId: string;
  visitId: string;
  values: DraftValues;
  /** When the clerk made this change (ms since epoch); compared with the stored draft's `updatedAt`. */
  at: number;
}

export type DraftJournal = WriteAheadJournal<DraftCopy>;

export function draftJournal(dbName: string, store?: KeyValueStore | null): DraftJournal {
  return createWriteAheadJournal<DraftCopy>(`sop-studio.draft-wal.${dbName}.`, store);
}

export function copyDraft(journal: DraftJournal, caseId: string, visitId: string, values: DraftValues, at = Date.now()): boolean {
  return journal.put(draftIdOf(caseId, visitId), { caseId, visitId, values, at });
}

export function dropDraftCopy(journal: DraftJournal, caseId: string, visitId: string): void {
  journal.remove(draftIdOf(caseId, visitId));
}

/**
 * Writes this case's copies into its drafts, unless the stored draft is newer
 * (another tab saved after the copy was made) or the visit is no longer open
 * (its step was completed): then the copy is dropped. The files already stored
 * with the draft stay with it. A copy that cannot be written now (full disk)
 * is kept for the next load.
 */
export async function replayDraftCopies(db: RuntimeDb, journal: DraftJournal, caseId: string, state: CaseState): Promise<void> {
  const open = new Set(state.visits.filter((v) => v.status === 'active').map((v) => v.id));
  for (const { id, value: copy } of journal.entries()) {
    if (copy?.caseId !== caseId) continue;
    if (!open.has(copy.visitId) || !isDraftValues(copy.values)) {
      journal.remove(id);
      continue;
    }
    try {
      const stored = await loadDraft(db, caseId, copy.visitId);
      if (!stored || stored.updatedAt < copy.at) await saveDraft(db, caseId, copy.visitId, copy.values);
      journal.remove(id);
    } catch {
      // Kept: the next load tries again, and nothing the clerk typed is dropped.
    }
  }
}

function isDraftValues(values: unknown): values is DraftValues {
  const v = values as DraftValues | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.ticked) &&
    typeof v.waivers === 'object' &&
    typeof v.fields === 'object' &&
    typeof v.output === 'string' &&
    typeof v.note === 'string'
  );
}
