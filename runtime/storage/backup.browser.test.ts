// The format earlier versions wrote; restores must keep reading it.
import { exportDB } from 'dexie-export-import';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from './backup';
import { addTable, populatedOffice, rowsIn, setSchemaVersion, snapshotDb, tableCounts, trackDatabasesForCleanUp, withoutSyncTables } from './backupTesting';
import { SCHEMA_VERSION, type RuntimeDb } from './db';
import { scratchDb } from './testing';

const track = trackDatabasesForCleanUp();

type Json = Record<string, any>;
const formats: [string, (db: RuntimeDb) => Promise<string>][] = [
  ['this app\'s format', async (db) => (await exportBackup(db)).blob.text()],
  ['the dexie-export-import format of earlier versions', async (db) => JSON.stringify(withoutSyncTables(JSON.parse(await (await exportDB(db, { prettyJson: false })).text())))],
];

const corruptions: [string, (json: Json, text: string) => string][] = [
  ['one events row duplicated', (json) => (rowsIn(json, 'events').push(structuredClone(rowsIn(json, 'events')[1]!)), JSON.stringify(json))],
  ['a row without id', (json) => (delete rowsIn(json, 'events')[0]!['id'], JSON.stringify(json))],
  ['an extra table', (json) => (addTable(json, 'backups', [{ id: 'x' }]), JSON.stringify(json))],
  ['the file cut at 70 %', (_json, text) => text.slice(0, Math.floor(text.length * 0.7))],
  ['a changed event (its case no longer replays to the snapshot)', (json) => ((rowsIn(json, 'events')[1]!['event'].at = '2025-06-02T05:00:00.000Z'), JSON.stringify(json))],
  ['a newer schema', (json) => (setSchemaVersion(json, 90), JSON.stringify(json))],
  ['not JSON', () => 'hello'],
];

describe.each(formats)('restoring a damaged backup (%s)', (_format, write) => {
  it.each(corruptions)('refuses %s, says so truthfully, and leaves every table as it was', async (_label, corrupt) => {
    const source = await populatedOffice('source');
    track(source.db);
    const text = await write(source.db);
    const target = track((await populatedOffice('target')).db);
    const before = await snapshotDb(target);
    const counts = await tableCounts(target);
    expect(counts).toMatchObject({ cases: 2, sops: 1, attachments: 1, drafts: 1 });
    const failure = await restoreBackup(target, new Blob([corrupt(JSON.parse(text), text)])).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'bundle.invalid' });
    const localized = (failure as { localized: { id: string; en: string } }).localized;
    expect(localized.id).toContain('data di perangkat ini tidak diubah');
    expect(localized.en).toContain('the data on this device was not changed');
    expect(await tableCounts(target)).toEqual(counts);
    expect(await snapshotDb(target)).toEqual(before);
  });
});

describe('restore checks', () => {
  async function refusal(mutate: (json: Json) => void) {
    const { db } = await populatedOffice('source');
    track(db);
    const json = JSON.parse(await (await exportBackup(db)).blob.text());
    mutate(json);
    const target = track((await populatedOffice('target')).db);
    const before = await snapshotDb(target);
    const counts = await tableCounts(target);
    const failure = (await restoreBackup(target, new Blob([JSON.stringify(json)])).catch((e: unknown) => e)) as { localized: { id: string; en: string }; problems: { table?: string; row?: number; field?: string }[] };
    expect(failure.localized.id).toContain('data di perangkat ini tidak diubah');
    expect(failure.localized.en).toContain('the data on this device was not changed');
    expect(await tableCounts(target)).toEqual(counts);
    expect(await snapshotDb(target)).toEqual(before);
    return failure;
  }

  it('locates each problem by table, row and field, in both languages', async () => {
    const failure = await refusal((json) => {
      rowsIn(json, 'events').push(structuredClone(rowsIn(json, 'events')[1]!));
    });
    const { describeProblem } = await import('./backupCheck');
    const located = failure.problems.find((p) => p.row !== undefined)!;
    expect(located).toMatchObject({ table: 'events', row: 6, field: 'id' });
    expect(describeProblem(located as never).id).toMatch(/^Tabel events, baris 7 \(id [0-9a-f-]+:\d+\), kolom id: pengenal ini sudah dipakai baris 2\.$/);
    expect(describeProblem(located as never).en).toMatch(/^Table events, row 7 \(id [0-9a-f-]+:\d+\), field id: this id is already used by row 2\.$/);
    expect(failure.localized.en).toContain('Table events');
  });

  it('refuses a photo whose bytes do not match their SHA-256', async () => {
    const failure = await refusal((json) => {
      rowsIn(json, 'attachments')[0]!['blob'].$blob = btoa('foto KTQ');
    });
    expect(failure.problems).toEqual([expect.objectContaining({ table: 'attachments', row: 0, field: 'blob' })]);
    expect(failure.localized.en).toContain('does not match its SHA-256 hash');
  });

  it('refuses an SOP whose content no longer matches its hash, and a case row whose list columns lie', async () => {
    let failure = await refusal((json) => {
      rowsIn(json, 'sops')[0]!['doc'].identity.title = 'SOP palsu';
    });
    expect(failure.problems[0]).toMatchObject({ table: 'sops', row: 0, field: 'doc' });
    failure = await refusal((json) => {
      rowsIn(json, 'cases')[0]!['applicantNik'] = '3510015205850099';
    });
    expect(failure.problems).toEqual([expect.objectContaining({ table: 'cases', field: 'applicantNik' })]);
    // Re-hashed after the change: the SOP schema and the cases pinned to the old content still tell.
    const { sopContentHash } = await import('../../core/engine');
    failure = await refusal((json) => {
      const sop = rowsIn(json, 'sops')[0]!;
      sop['doc'].bogus = 1;
      sop['contentHash'] = sopContentHash(sop['doc']);
    });
    expect(failure.problems).toEqual([
      expect.objectContaining({ table: 'sops', row: 0, field: 'doc', message: expect.objectContaining({ en: expect.stringContaining('does not pass the SOP schema') }) }),
      expect.objectContaining({ table: 'cases', field: 'sopKey' }),
      expect.objectContaining({ table: 'cases', field: 'sopKey' }),
    ]);
  });

  it('refuses a draft whose values are malformed', async () => {
    const failure = await refusal((json) => {
      rowsIn(json, 'drafts')[0]!['values'].ticked = 'semua';
    });
    expect(failure.problems).toEqual([expect.objectContaining({ table: 'drafts', row: 0, field: 'values.ticked' })]);
  });

  it('refuses a draft or attachment of a case that is not in the backup, and unknown fields', async () => {
    const failure = await refusal((json) => {
      rowsIn(json, 'attachments')[0]!['caseId'] = 'kasus-lain';
      rowsIn(json, 'meta')[0]!['extra'] = 1;
    });
    expect(failure.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'attachments', field: 'caseId' }),
        expect.objectContaining({ table: 'meta', field: 'extra' }),
      ]),
    );
  });
});

describe('restoring a sound backup', () => {
  it('replaces everything with the backup, files and drafts included, and reports the true counts', async () => {
    const source = track((await populatedOffice('source')).db);
    const backup = await exportBackup(source, new Date('2025-06-03T10:00:00Z'));
    expect(backup.fileName).toBe(`sop-studio-cadangan-skema${SCHEMA_VERSION}-2025-06-03-10-00-00.json`);
    expect(backup.counts).toEqual({ cases: 2, events: 6, sops: 1, attachments: 1, drafts: 1, outbox: 0, review: 0 });
    const target = track(scratchDb('target'));
    await target.open();
    const result = await restoreBackup(target, backup.blob);
    expect(result.before).toEqual({ cases: 0, events: 0, sops: 0, attachments: 0, drafts: 0, outbox: 0, review: 0 });
    expect(result.after).toEqual(backup.counts);
    expect(await snapshotDb(target)).toEqual(await snapshotDb(source));
  });

  it('reads backups that earlier versions wrote with dexie-export-import, and migrates schema 1 in memory', async () => {
    // The step form stores the picked File itself; dexie-export-import wrote Files in another encoding than Blobs.
    const photo = new File([Uint8Array.from({ length: 256 }, (_, i) => i)], 'ktp.jpg', { type: 'image/jpeg' });
    const source = track((await populatedOffice('source', photo)).db);
    const json = withoutSyncTables(JSON.parse(await (await exportDB(source, { prettyJson: false })).text()));
    const target = track((await populatedOffice('target')).db);
    await restoreBackup(target, new Blob([JSON.stringify(json)]));
    expect(await snapshotDb(target)).toEqual(await snapshotDb(source));
    // Schema 1 had no case numbers or lanes: they are filled in as the v2 upgrade does.
    setSchemaVersion(json, 1);
    for (const row of rowsIn(json, 'cases')) {
      delete row['caseNumber'];
      delete row['activeLanes'];
    }
    await restoreBackup(target, new Blob([JSON.stringify(json)]));
    expect(await snapshotDb(target)).toEqual(await snapshotDb(source));
  });

  it('writes nothing when the write itself fails part-way (one transaction)', async () => {
    const { readBackupFile, replaceWithBackup } = await import('./backup');
    const source = track((await populatedOffice('source')).db);
    const checked = await readBackupFile((await exportBackup(source)).blob);
    // A key clash the checks cannot see (two rows with one key): the last bulkAdd fails after every table was cleared.
    checked.rows.meta.push({ ...checked.rows.meta[0]! });
    const target = track((await populatedOffice('target')).db);
    const before = await snapshotDb(target);
    const failure = await replaceWithBackup(target, checked, { keepCopy: false }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ localized: { en: expect.stringContaining('the data on this device was not changed') } });
    expect(await snapshotDb(target)).toEqual(before);
  });

  it('keeps a copy of the data it replaces, and puts it back in one call', async () => {
    const { restoreSafetyCopy } = await import('./backup');
    const { latestSafetyCopy } = await import('./backupSafety');
    const source = track((await populatedOffice('source')).db);
    const target = track(scratchDb('target'));
    const { storeSopRevision } = await import('./repository');
    const { sampleDoc } = await import('./testing');
    await storeSopRevision(target, sampleDoc('bwi-spm-online'));
    const original = await snapshotDb(target);
    const result = await restoreBackup(target, (await exportBackup(source)).blob, { now: new Date('2025-06-03T10:00:00Z') });
    expect(result.copy?.counts).toEqual({ cases: 0, events: 0, sops: 1, attachments: 0, drafts: 0, outbox: 0, review: 0 });
    expect((await latestSafetyCopy(target))?.takenAt).toBe(Date.parse('2025-06-03T10:00:00Z'));
    const undone = await restoreSafetyCopy(target, new Date('2025-06-03T10:05:00Z'));
    expect(undone.after).toEqual({ cases: 0, events: 0, sops: 1, attachments: 0, drafts: 0, outbox: 0, review: 0 });
    expect(await snapshotDb(target)).toEqual(original);
    // Undoing kept a copy too: the restored data can come back again.
    expect((await latestSafetyCopy(target))?.counts.cases).toBe(2);
  });
});
