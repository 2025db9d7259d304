// The monev forms in backups (schema 4, backup format 3): written and checked
// like the other tables and restored exactly; older files restore with none;
// a row whose columns disagree with its form is refused with where it is.
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from './backup';
import { BACKUP_FORMAT_VERSION } from './backupFormat';
import { monevFormFixture, populatedOffice, snapshotDb, tableCounts, trackDatabasesForCleanUp } from './backupTesting';
import Dexie from 'dexie';
import { RuntimeDb, SCHEMA_V3, SCHEMA_VERSION, schemaVersionOf } from './db';
import { scratchDb } from './testing';
import { getMonevForm, listMonevForms, saveMonevForm } from '../monev/formStore';

const track = trackDatabasesForCleanUp();
const office = async (label: string, monevForm = true) => {
  const made = await populatedOffice(label, undefined, { monevForm });
  track(made.db);
  return made;
};
type Json = Record<string, any>;

describe('backups hold the monev forms', () => {
  it('writes them into the file and restores them exactly', async () => {
    const { db: source } = await office('monev-source');
    const backup = await exportBackup(source);
    const json = JSON.parse(await backup.blob.text()) as Json;
    expect(json['version']).toBe(BACKUP_FORMAT_VERSION);
    expect(BACKUP_FORMAT_VERSION).toBe(3);
    expect(json['tables'].monevForms).toHaveLength(1);
    expect(json['tables'].monevForms[0].form.rows[0].action).toBe('Tambah loket');

    const target = track(scratchDb('monev-target'));
    await target.open();
    await restoreBackup(target, backup.blob);
    expect((await snapshotDb(target))['monevForms']).toEqual((await snapshotDb(source))['monevForms']);
    expect(await listMonevForms(target, 'bwi-spm-online')).toEqual([monevFormFixture('bwi-spm-online')]);
  });

  it.each([
    ['format 2 (schema 3)', (json: Json) => ((json['version'] = 2), (json['schemaVersion'] = 3))],
    ['format 2 (schema 4, written before the forms were backed up)', (json: Json) => (json['version'] = 2)],
  ])('restores %s with no monev forms', async (_label, age) => {
    const { db: source } = await office('monev-old-source', false);
    const json = JSON.parse(await (await exportBackup(source)).blob.text()) as Json;
    delete json['tables'].monevForms;
    delete json['counts'].monevForms;
    age(json);
    const { db: target } = await office('monev-old-target');
    expect(await tableCounts(target)).toMatchObject({ monevForms: 1 });
    await restoreBackup(target, new Blob([JSON.stringify(json)]));
    expect(await tableCounts(target)).toMatchObject({ cases: 2, monevForms: 0 });
  });

  it('refuses a file of this format without the table, a schema 3 file with it, and a row that disagrees with its form', async () => {
    const { db: source } = await office('monev-bad-source');
    const text = await (await exportBackup(source)).blob.text();
    const { db: target } = await office('monev-bad-target', false);
    const before = await snapshotDb(target);
    const problemsOf = async (mutate: (json: Json) => void) => {
      const json = JSON.parse(text) as Json;
      mutate(json);
      const failure = (await restoreBackup(target, new Blob([JSON.stringify(json)])).catch((e: unknown) => e)) as { problems: { table?: string; field?: string; message: { en: string } }[] };
      return failure.problems.map((p) => `${p.table}${p.field ? `.${p.field}` : ''}: ${p.message.en}`);
    };
    expect(await problemsOf((json) => (delete json.tables.monevForms, delete json.counts.monevForms))).toEqual(['monevForms: this table is missing from the backup.']);
    expect(await problemsOf((json) => (json.schemaVersion = 3))).toEqual(['monevForms: this table does not exist in schema 3.']);
    expect(await problemsOf((json) => (json.tables.monevForms[0].sopId = 'lain'))).toEqual(["monevForms.form.subject.sopId: differs from the row's sopId."]);
    expect(await problemsOf((json) => (json.tables.monevForms[0].kind = 'laporan'))).toEqual(['monevForms.kind: must be "monitoring" or "evaluation".', "monevForms.form.kind: differs from the row's kind."]);
    expect(await problemsOf((json) => (delete json.tables.monevForms[0].form.subject.period, (json.tables.monevForms[0].form.status = 'selesai')))).toEqual([
      'monevForms.form.subject.period: must hold the from and to dates.',
      'monevForms.form.status: must be "draft" or "final".',
    ]);
    expect(await snapshotDb(target)).toEqual(before);
  });
});

describe('schema 4 (monev forms)', () => {
  it('opens a schema 3 database with an empty forms table, and stores and lists forms by SOP', async () => {
    const name = `sop-studio-v3-to-v4-${Date.now()}`;
    // A schema 3 database, as the app before the forms made it.
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    await v3.table('meta').put({ key: 'schemaVersion', value: 3 });
    v3.close();
    const db = track(new RuntimeDb(name));
    await db.open();
    expect(await schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
    expect(await db.monevForms.count()).toBe(0);
    const form = monevFormFixture('bwi-spm-online');
    await saveMonevForm(db, form);
    await saveMonevForm(db, { ...form, id: 'f2', updatedAt: '2025-06-04T00:00:00.000Z' });
    await saveMonevForm(db, { ...form, id: 'f3', subject: { ...form.subject, sopId: 'lain' } });
    expect((await listMonevForms(db, 'bwi-spm-online')).map((f) => f.id)).toEqual(['f2', form.id]);
    expect(await listMonevForms(db, 'bwi-spm-online', 'evaluation')).toEqual([]);
    expect(await getMonevForm(db, 'f3')).toMatchObject({ subject: { sopId: 'lain' } });
  });
});
