/**
 * The designer's write-ahead copies: one per open SOP per tab, holding the
 * document as the drafter last saw it and the save count it was based on.
 * See ui/durability/writeAhead.ts for why they exist.
 *
 * Replaying a copy never overwrites a newer save: a copy is written only if
 * the draft's save count is still the one the copy was based on (nobody saved
 * since). Otherwise it stays until the drafter opens that SOP, which then
 * opens on the copy with the usual "another tab saved" choice.
 */
import { createWriteAheadJournal, type KeyValueStore, type WriteAheadJournal } from '../../ui/durability/writeAhead';
import type { TabIdentity } from '../../ui/durability/tabIdentity';
import { documentFromJson } from './documentJson';
import type { SopRepository } from './repository';

export interface DesignerCopy {
  sopId: string;
  tabId: string;
  /** The save count of the stored draft this state continues from. */
  baseSaveCount: number;
  /** When the copy was written (ms since epoch). */
  at: number;
  json: string;
}

export type DesignerJournal = WriteAheadJournal<DesignerCopy>;

export function designerJournal(dbName: string, store?: KeyValueStore | null): DesignerJournal {
  return createWriteAheadJournal<DesignerCopy>(`sop-studio.wal.${dbName}.`, store);
}

export const copyIdOf = (sopId: string, tabId: string): string => `${tabId}:${sopId}`;

/**
 * Writes every copy left by this tab before a reload, or by a tab that is
 * closed now, into IndexedDB. Returns the copies that could not be written
 * because the draft was saved since (the newest per SOP): the editor opens
 * those for the drafter to decide. Copies of deleted SOPs are dropped.
 */
export async function replayWriteAhead(repository: SopRepository, journal: DesignerJournal, tabs: TabIdentity): Promise<Map<string, DesignerCopy & { id: string }>> {
  const held = new Map<string, DesignerCopy & { id: string }>();
  const entries = journal.entries().sort((a, b) => a.value.at - b.value.at);
  for (const { id, value: copy } of entries) {
    if (await tabs.isOtherTabOpen(copy.tabId)) continue; // that tab is saving it itself
    try {
      const stored = await repository.loadDraft(copy.sopId);
      if (!stored) {
        journal.remove(id);
        continue;
      }
      let doc;
      try {
        doc = documentFromJson(copy.json);
        if (doc?.id !== copy.sopId) throw new Error('another document');
      } catch {
        journal.remove(id); // not a document this build can open; the stored draft stands
        continue;
      }
      const result = await repository.saveDraft(doc, copy.baseSaveCount);
      if (result.status === 'saved') {
        journal.remove(id);
        held.delete(copy.sopId);
      } else if (await repository.holdsJson(copy.sopId, copy.json)) {
        journal.remove(id); // its save did commit; only the clean-up was cut short
      } else {
        // Only the newest state the drafter saw of this SOP is offered back.
        const older = held.get(copy.sopId);
        if (older) journal.remove(older.id);
        held.set(copy.sopId, { ...copy, id });
      }
    } catch {
      // Unreadable now (a full disk, a closed database): kept for the next start.
    }
  }
  return held;
}

/** What the editor needs to keep write-ahead copies: this app's journal, this tab, and the copies replay held back. */
export interface DesignerDurability {
  journal: DesignerJournal;
  tabId: string;
  held: Map<string, DesignerCopy & { id: string }>;
}

/** A durability context for an editor shown without the app (stories, tests): its own tab id, nothing held. */
export function standaloneDurability(dbName: string): DesignerDurability {
  return { journal: designerJournal(dbName), tabId: globalThis.crypto?.randomUUID?.() ?? String(Math.random()).slice(2), held: new Map() };
}
