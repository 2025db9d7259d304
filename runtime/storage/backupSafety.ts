/**
 * The copy of this device's data taken just before a restore replaces it, so
 * the restore can be undone in one click. Kept in a database of its own (a
 * backup must never contain earlier backups), and only the latest two: each
 * copy is a whole backup with its files, and device storage is limited.
 */
import Dexie, { type Table } from 'dexie';
import type { RuntimeDb } from './db';

export const SAFETY_COPIES_KEPT = 2;

export interface BackupCounts {
  cases: number;
  events: number;
  sops: number;
  attachments: number;
  drafts: number;
  /** Commands queued for the server ("Perintah belum terkirim"). */
  outbox: number;
  /** Commands kept for a clerk to look at ("Perlu tinjauan"). */
  review: number;
}

export interface SafetyCopy {
  id: string;
  takenAt: number;
  counts: BackupCounts;
  /** A backup file of the data as it was (the same format as a downloaded backup). */
  file: Blob;
}

class SafetyDb extends Dexie {
  declare copies: Table<SafetyCopy, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ copies: 'id, takenAt' });
  }
}

const opened = new Map<string, SafetyDb>();

export const safetyDbName = (db: RuntimeDb): string => `${db.name}-sebelum-pemulihan`;

function safetyDbOf(db: RuntimeDb): SafetyDb {
  let safety = opened.get(db.name);
  if (!safety) opened.set(db.name, (safety = new SafetyDb(safetyDbName(db))));
  return safety;
}

/** Stores a copy and drops all but the latest ones, in one transaction (a full disk leaves the older copies as they were). */
export async function storeSafetyCopy(db: RuntimeDb, copy: SafetyCopy): Promise<void> {
  const safety = safetyDbOf(db);
  await safety.transaction('rw', safety.copies, async () => {
    // Older copies go first, so the new one has their room.
    const stale = await safety.copies.orderBy('takenAt').reverse().offset(SAFETY_COPIES_KEPT - 1).primaryKeys();
    await safety.copies.bulkDelete(stale);
    await safety.copies.put(copy);
  });
}

export async function latestSafetyCopy(db: RuntimeDb): Promise<SafetyCopy | undefined> {
  const copy = await safetyDbOf(db).copies.orderBy('takenAt').last();
  // Copies kept before backups held the sync tables counted none (their files hold none either).
  return copy && { ...copy, counts: { outbox: 0, review: 0, ...(copy.counts as Partial<BackupCounts>) } as BackupCounts };
}

/** Closes and deletes the copies of a database (tests and trial wipes). */
export async function deleteSafetyCopies(db: RuntimeDb): Promise<void> {
  const safety = safetyDbOf(db);
  opened.delete(db.name);
  safety.close();
  await Dexie.delete(safety.name);
}
