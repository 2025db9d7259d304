/**
 * Whole-database backup and restore. Loaded on demand (it is not needed to
 * run cases).
 *
 * A restore is checked completely before anything is touched
 * (`backupCheck.ts`), a copy of the current data is kept
 * (`backupSafety.ts`), and then every table is cleared and refilled inside
 * ONE read-write transaction: the device ends with the backup's data or with
 * its own, never with a mix or with nothing.
 *
 * The sync tables travel with the data they describe: the queued commands,
 * review items, the cases the server knows, and the link and pull cursor
 * (which only mean something together). What belongs to the device stays:
 * its id for the server (see `syncStateAfterRestore`).
 */
import { describeProblem, checkBackup, type BackupRows, type CheckedBackup } from './backupCheck';
import { BACKUP_TABLES, BackupUnreadable, parseBackup, writeBackup, type BackupProblem } from './backupFormat';
import { latestSafetyCopy, storeSafetyCopy, type BackupCounts, type SafetyCopy } from './backupSafety';
import { SCHEMA_VERSION, type RuntimeDb, type SyncStateRow } from './db';
import { DEVICE_ID_KEY, ensureDeviceId, isLinked, LINK_KEY } from './outbox';
import { StorageError, toStorageError } from './errors';
import { forgetCachedRows, newId } from './repository';

export type { BackupCounts } from './backupSafety';

export interface BackupFile {
  blob: Blob;
  fileName: string;
  counts: BackupCounts;
}

export async function exportBackup(db: RuntimeDb, now = new Date()): Promise<BackupFile> {
  // A linked device's file names the device, so a restore elsewhere can tell whose queued commands it holds.
  if (await isLinked(db)) await ensureDeviceId(db);
  const written = await writeBackup(db, now);
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return { blob: written.blob, fileName: `sop-studio-cadangan-skema${SCHEMA_VERSION}-${stamp}.json`, counts: kindCounts(written.counts) };
}

/** A backup that failed its checks: nothing was written. `problems` say what is wrong and where. */
export class BackupRefused extends StorageError {
  constructor(readonly problems: readonly BackupProblem[]) {
    const first = describeProblem(problems[0]!);
    const more = problems.length - 1;
    super('bundle.invalid', {
      id: `Cadangan ditolak, data di perangkat ini tidak diubah. ${first.id}${more > 0 ? ` (dan ${more} masalah lain)` : ''}`,
      en: `Backup refused; the data on this device was not changed. ${first.en}${more > 0 ? ` (and ${more} more problems)` : ''}`,
    });
    this.name = 'BackupRefused';
  }
}

/** Reads and checks a backup file without touching any database. Throws BackupRefused. */
export async function readBackupFile(file: Blob): Promise<CheckedBackup> {
  let parsed;
  try {
    parsed = await parseBackup(file);
  } catch (error) {
    if (error instanceof BackupUnreadable) throw new BackupRefused([error.problem]);
    throw error;
  }
  const result = await checkBackup(parsed.parsed, parsed.problems);
  if (!result.ok) throw new BackupRefused(result.problems);
  return result.backup;
}

function kindCounts(counts: Record<string, number>): BackupCounts {
  return {
    cases: counts['cases'] ?? 0,
    events: counts['events'] ?? 0,
    sops: counts['sops'] ?? 0,
    attachments: counts['attachments'] ?? 0,
    drafts: counts['drafts'] ?? 0,
    outbox: counts['outbox'] ?? 0,
    review: counts['review'] ?? 0,
  };
}

export function countsOf(backup: CheckedBackup): BackupCounts {
  return kindCounts(Object.fromEntries(BACKUP_TABLES.map((t) => [t, backup.rows[t].length])));
}

export async function currentCounts(db: RuntimeDb): Promise<BackupCounts> {
  return db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () =>
    kindCounts(Object.fromEntries(await Promise.all(BACKUP_TABLES.map(async (t) => [t, await db.table(t).count()] as const)))),
  );
}

export interface RestoreResult {
  schemaVersion: number;
  before: BackupCounts;
  after: BackupCounts;
  /** The copy of the data as it was before the restore, if one was kept. */
  copy?: SafetyCopy;
}

/** The sync settings that travel with the data: the link and where the data stands in the server's history. */
const DATA_SYNC_KEYS = [LINK_KEY, 'cursor', 'lastSyncAt'];
/**
 * The ones that belong to the device whatever data it holds: its id for the server, an account not yet moved
 * (legacy), and the server's catalogue as last read (what new cases may start on; it names its server, so a
 * restore that moves the link leaves it unused until the next read).
 */
const DEVICE_SYNC_KEYS = [DEVICE_ID_KEY, 'session', 'serverCatalogue'];

/**
 * The `syncState` a restore leaves, from the backup's and the device's:
 * - the device keeps its own id (never another device's: two devices would
 *   push under one id) and drops its last sync error (about data now gone);
 * - a backup with a link brings it with its cursor and last sync time: its
 *   outbox and known cases are for that server, and pulling resumes from
 *   where the backup's data stands (events since then come again);
 * - a backup without a link (made before sync, or on a device never linked)
 *   leaves the device's link, without a cursor: the device pulls its
 *   office's cases again from the start, so none of them is missed.
 */
export function syncStateAfterRestore(fromBackup: readonly SyncStateRow[], onDevice: readonly SyncStateRow[]): SyncStateRow[] {
  const rows = onDevice.filter((r) => DEVICE_SYNC_KEYS.includes(r.key));
  if (fromBackup.some((r) => r.key === LINK_KEY)) rows.push(...fromBackup.filter((r) => DATA_SYNC_KEYS.includes(r.key)));
  else rows.push(...onDevice.filter((r) => r.key === LINK_KEY));
  return rows;
}

/** What a restore does to the work waiting for the server, for the clerk to see before confirming. */
export interface RestoreImpact {
  /** Commands queued on this device that the backup does not hold: not sent after the restore (the safety copy keeps them). */
  lostOutbox: number;
  /** Review items on this device that the backup does not hold: no longer shown after the restore (the safety copy keeps them). */
  lostReview: number;
  /**
   * Commands the backup queues that were decided on another device: after the
   * restore this device sends them under the account signed in here, which the
   * server records as the person who did them. 0 when the backup is this device's.
   */
  foreignOutbox: number;
  /** The server this device is linked to now, and after the restore (undefined: none). */
  linkNow?: string;
  linkAfter?: string;
}

const linkUrlOf = (rows: readonly SyncStateRow[]): string | undefined => {
  const value = rows.find((r) => r.key === LINK_KEY)?.value as { baseUrl?: unknown } | undefined;
  return typeof value?.baseUrl === 'string' ? value.baseUrl : undefined;
};

export async function restoreImpact(db: RuntimeDb, backup: CheckedBackup): Promise<RestoreImpact> {
  const [outbox, review, syncState] = await db.transaction('r', db.outbox, db.review, db.syncState, () =>
    Promise.all([db.outbox.toCollection().primaryKeys(), db.review.toCollection().primaryKeys(), db.syncState.toArray()]),
  );
  const fromBackup = backup.rows.syncState as unknown as SyncStateRow[];
  const inBackup = (rows: Record<string, unknown>[]) => new Set(rows.map((r) => r['commandId']));
  const queued = inBackup(backup.rows.outbox);
  const kept = inBackup(backup.rows.review);
  const deviceOf = (rows: readonly SyncStateRow[]) => rows.find((r) => r.key === DEVICE_ID_KEY)?.value;
  const sameDevice = deviceOf(fromBackup) !== undefined && deviceOf(fromBackup) === deviceOf(syncState);
  const linkNow = linkUrlOf(syncState);
  const linkAfter = linkUrlOf(syncStateAfterRestore(fromBackup, syncState));
  return {
    lostOutbox: outbox.filter((id) => !queued.has(id)).length,
    lostReview: review.filter((id) => !kept.has(id)).length,
    foreignOutbox: sameDevice ? 0 : backup.rows.outbox.length,
    ...(linkNow !== undefined ? { linkNow } : {}),
    ...(linkAfter !== undefined ? { linkAfter } : {}),
  };
}

/** Clears and refills every table in one read-write transaction: all of the backup, or nothing. */
async function replaceAll(db: RuntimeDb, rows: BackupRows): Promise<BackupCounts> {
  const tables = BACKUP_TABLES.map((t) => db.table(t));
  // monevFacts too: clearing the cases notes it there (db.ts), so the kept monev facts drop what is gone.
  await db.transaction('rw', [...tables, db.monevFacts], async () => {
    // Read inside the transaction, so what the device keeps is what it held at the moment of the swap.
    const syncState = syncStateAfterRestore(rows.syncState as unknown as SyncStateRow[], await db.syncState.toArray());
    for (const table of tables) await table.clear();
    for (const name of BACKUP_TABLES) await db.table(name).bulkAdd(name === 'syncState' ? syncState : rows[name]);
  });
  forgetCachedRows(db);
  return currentCounts(db);
}

/**
 * Replaces this device's data with a checked backup. First keeps a copy of
 * the current data (unless told not to); if that copy cannot be stored
 * (device full), nothing is restored.
 */
export async function replaceWithBackup(db: RuntimeDb, backup: CheckedBackup, options: { keepCopy?: boolean; now?: Date } = {}): Promise<RestoreResult> {
  const before = await currentCounts(db);
  let copy: SafetyCopy | undefined;
  if (options.keepCopy !== false) {
    try {
      const current = await exportBackup(db, options.now);
      copy = { id: newId(), takenAt: (options.now ?? new Date()).getTime(), counts: current.counts, file: current.blob };
      await storeSafetyCopy(db, copy);
    } catch (error) {
      const cause = toStorageError(error).localized;
      throw new StorageError(
        'storage.failed',
        {
          id: `Salinan data saat ini tidak dapat disimpan, jadi cadangan TIDAK dipulihkan; data di perangkat ini tidak diubah. (${cause.id})`,
          en: `A copy of the current data could not be kept, so the backup was NOT restored; the data on this device was not changed. (${cause.en})`,
        },
        { cause: error },
      );
    }
  }
  try {
    const after = await replaceAll(db, backup.rows);
    return { schemaVersion: backup.schemaVersion, before, after, ...(copy ? { copy } : {}) };
  } catch (error) {
    const failure = toStorageError(error);
    throw new StorageError(
      failure.code,
      {
        id: `Cadangan tidak dipulihkan; data di perangkat ini tidak diubah. (${failure.localized.id})`,
        en: `The backup was not restored; the data on this device was not changed. (${failure.localized.en})`,
      },
      { cause: error },
    );
  }
}

/** Checks, then replaces: the whole restore in one call (tests, benchmarks). */
export async function restoreBackup(db: RuntimeDb, file: Blob, options: { keepCopy?: boolean; now?: Date } = {}): Promise<RestoreResult> {
  return replaceWithBackup(db, await readBackupFile(file), options);
}

/** Puts back the data as it was before the latest restore (itself keeping a copy of the data it replaces). */
export async function restoreSafetyCopy(db: RuntimeDb, now = new Date()): Promise<RestoreResult> {
  const copy = await latestSafetyCopy(db);
  if (!copy) {
    throw new StorageError('storage.failed', { id: 'Tidak ada salinan data sebelum pemulihan di perangkat ini.', en: 'There is no copy of the data from before a restore on this device.' });
  }
  return restoreBackup(db, copy.file, { now });
}
