/**
 * Whole-database backup and restore. Loaded on demand (it is not needed to
 * run cases).
 *
 * A restore is checked completely before anything is touched
 * (`backupCheck.ts`), a copy of the current data is kept
 * (`backupSafety.ts`), and then every table is cleared and refilled inside
 * ONE read-write transaction: the device ends with the backup's data or with
 * its own, never with a mix or with nothing.
 */
import { describeProblem, checkBackup, type BackupRows, type CheckedBackup } from './backupCheck';
import { BACKUP_TABLES, BackupUnreadable, parseBackup, writeBackup, type BackupProblem } from './backupFormat';
import { latestSafetyCopy, storeSafetyCopy, type BackupCounts, type SafetyCopy } from './backupSafety';
import { SCHEMA_VERSION, type RuntimeDb } from './db';
import { StorageError, toStorageError } from './errors';
import { forgetCachedRows, newId } from './repository';

export type { BackupCounts } from './backupSafety';

export interface BackupFile {
  blob: Blob;
  fileName: string;
  counts: BackupCounts;
}

export async function exportBackup(db: RuntimeDb, now = new Date()): Promise<BackupFile> {
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
  return { cases: counts['cases'] ?? 0, events: counts['events'] ?? 0, sops: counts['sops'] ?? 0, attachments: counts['attachments'] ?? 0, drafts: counts['drafts'] ?? 0 };
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

/** Clears and refills every table in one read-write transaction: all of the backup, or nothing. */
async function replaceAll(db: RuntimeDb, rows: BackupRows): Promise<BackupCounts> {
  const tables = BACKUP_TABLES.map((t) => db.table(t));
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    for (const name of BACKUP_TABLES) await db.table(name).bulkAdd(rows[name]);
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
