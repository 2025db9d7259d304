/**
 * Whole-database backup and restore with dexie-export-import, stamped with
 * the schema version. Loaded on demand (it is not needed to run cases).
 */
import type { RuntimeDb } from './db';
import { SCHEMA_VERSION } from './db';
import { caseCodeOf } from '../../core/engine/caseNumber';
import { activeLanesOf, assignCaseNumber } from './caseNumbers';
import { StorageError, toStorageError } from './errors';

export interface BackupFile {
  blob: Blob;
  fileName: string;
}

export async function exportBackup(db: RuntimeDb, now = new Date()): Promise<BackupFile> {
  const { exportDB } = await import('dexie-export-import');
  const blob = await exportDB(db, { prettyJson: false });
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return { blob, fileName: `sop-studio-cadangan-skema${SCHEMA_VERSION}-${stamp}.json` };
}

/**
 * Replaces this device's data with a backup. The backup's schema version must
 * not be newer than this app's (an older one is migrated as it loads); the
 * import runs in one transaction, so a failure leaves the old data.
 */
export async function restoreBackup(db: RuntimeDb, file: Blob): Promise<{ schemaVersion: number; tables: number }> {
  const { importInto, peakImportFile } = await import('dexie-export-import');
  let meta;
  try {
    meta = await peakImportFile(file);
  } catch (error) {
    throw new StorageError(
      'bundle.invalid',
      { id: 'Berkas cadangan tidak dapat dibaca (bukan cadangan SOP Studio, atau rusak). Data yang ada tidak diubah.', en: 'The backup file cannot be read (not an SOP Studio backup, or damaged). Existing data is unchanged.' },
      { cause: error },
    );
  }
  const tables = new Set((Array.isArray(meta?.data?.tables) ? meta.data.tables : []).map((t) => t.name));
  if (meta?.formatName !== 'dexie' || !tables.has('cases') || !tables.has('events')) {
    throw new StorageError('bundle.invalid', { id: 'Berkas ini bukan cadangan Pelaksanaan Kasus.', en: 'This file is not a Case Runner backup.' });
  }
  const version = Math.round(meta.data.databaseVersion);
  if (version > SCHEMA_VERSION) {
    throw new StorageError('bundle.invalid', {
      id: `Cadangan ini dibuat oleh versi aplikasi yang lebih baru (skema ${version}); perbarui aplikasi sebelum memulihkannya. Data yang ada tidak diubah.`,
      en: `This backup was made by a newer version of the app (schema ${version}); update the app before restoring it. Existing data is unchanged.`,
    });
  }
  try {
    await importInto(db, file, { clearTablesBeforeImport: true, acceptNameDiff: true, acceptVersionDiff: true });
    if (version < SCHEMA_VERSION) await upgradeRestoredCases(db);
  } catch (error) {
    throw toStorageError(error);
  }
  return { schemaVersion: version, tables: meta.data.tables.length };
}

/** A backup of an older schema holds case rows without the columns later versions added: fill them in as the upgrade would. */
async function upgradeRestoredCases(db: RuntimeDb): Promise<void> {
  await db.transaction('rw', db.cases, db.meta, async () => {
    const rows = (await db.cases.toArray()).sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
    for (const row of rows) {
      if (typeof row.caseNumber === 'string' && Array.isArray(row.activeLanes)) continue;
      const caseNumber = typeof row.caseNumber === 'string' ? row.caseNumber : (row.state.number ?? (await assignCaseNumber(db.meta, caseCodeOf({ identity: { title: row.title } }), row.startedAt)));
      await db.cases.put({ ...row, caseNumber, activeLanes: activeLanesOf(row.state) });
    }
  });
}
