// The sync tables in backups: outbox (commands not yet sent), review (commands
// kept for a clerk, with their files), syncState (link, cursor) and syncCases.
// Written and checked like the other tables, replaced in the same transaction,
// kept in the copy taken before a restore; older files are read with them empty.
import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../../core/engine';
import { exportBackup, readBackupFile, restoreBackup, restoreImpact, restoreSafetyCopy } from './backup';
import { BACKUP_FORMAT_VERSION } from './backupFormat';
import { latestSafetyCopy } from './backupSafety';
import { populatedOffice, snapshotDb, tableCounts, TEST_SERVER, trackDatabasesForCleanUp } from './backupTesting';
import type { RuntimeDb } from './db';
import { setServerLink } from './outbox';
import { commitCommand, newId } from './repository';
import { scratchDb } from './testing';

const track = trackDatabasesForCleanUp();
const linkedOffice = async (label: string) => {
  const office = await populatedOffice(label, undefined, { linked: true });
  track(office.db);
  return office;
};

type Json = Record<string, any>;
const syncStateOf = async (db: RuntimeDb) => Object.fromEntries((await db.syncState.toArray()).map((r) => [r.key, r.value]));
const SYNC_EMPTY = { outbox: 0, review: 0, syncState: 0, syncCases: 0 };

describe('backups hold the sync tables', () => {
  it('writes the queue, the review items with their files, the link and cursor and the known cases, and restores them exactly', async () => {
    const { db: source } = await linkedOffice('source');
    // Neither the old account row (a CSRF token) nor the last error (this device's connection) goes into a file.
    await source.syncState.bulkPut([
      { key: 'session', value: { user: { id: 'u-rina' }, csrfToken: 'rahasia' } },
      { key: 'lastError', value: { message: { id: 'Server tidak terjangkau.', en: 'Server unreachable.' }, at: 1 } },
    ]);
    const backup = await exportBackup(source);
    expect(backup.counts).toEqual({ cases: 2, events: 6, sops: 1, attachments: 1, drafts: 1, outbox: 3, review: 1 });
    const json = JSON.parse(await backup.blob.text()) as Json;
    expect(json['version']).toBe(BACKUP_FORMAT_VERSION);
    expect(json['counts']).toMatchObject({ outbox: 3, review: 1, syncState: 4, syncCases: 2 });
    expect(json['tables'].syncState.map((r: Json) => r['key']).sort()).toEqual(['cursor', 'deviceId', 'lastSyncAt', 'link']);
    expect(JSON.stringify(json)).not.toContain('rahasia');
    const file = json['tables'].review[0].files[0];
    expect(file.blob).toEqual({ $blob: btoa('surat pengantar RT'), type: 'text/plain', sha256: file.sha256 });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const target = track(scratchDb('target'));
    await target.open();
    const result = await restoreBackup(target, backup.blob);
    expect(result.before).toEqual({ cases: 0, events: 0, sops: 0, attachments: 0, drafts: 0, outbox: 0, review: 0 });
    expect(result.after).toEqual(backup.counts);
    const [restored, original] = [await snapshotDb(target), await snapshotDb(source)];
    for (const table of ['sops', 'cases', 'events', 'attachments', 'drafts', 'meta', 'outbox', 'review', 'syncCases']) expect(restored[table], table).toEqual(original[table]);
    // The link, cursor and last sync came with the data; the source's device id did not (this device had none).
    const state = await syncStateOf(target);
    expect(state).toEqual({ link: { baseUrl: TEST_SERVER, linkedAt: Date.parse('2025-06-02T00:00:00.000Z') }, cursor: '7401:12', lastSyncAt: Date.parse('2025-06-02T02:30:00.000Z') });
    expect(await (await target.review.toArray())[0]!.files[0]!.blob.text()).toBe('surat pengantar RT');
  });
});

describe("the server's catalogue in backups", () => {
  it('stays out of the file with the conflicts it found, so the backup restores; the device keeps its own through the restore', async () => {
    const { db } = await linkedOffice('catalogue');
    const catalogue = { baseUrl: TEST_SERVER, officeId: 'kantor-uji', fetchedAt: 1, entries: [] };
    await db.syncState.bulkPut([
      { key: 'serverCatalogue', value: catalogue },
      { key: 'catalogueConflicts', value: [{ sopId: 'bwi-spm-online', revision: 2, title: 'SPM' }] },
    ]);
    const backup = await exportBackup(db);
    const json = JSON.parse(await backup.blob.text()) as Json;
    expect(json['tables'].syncState.map((r: Json) => r['key']).sort()).toEqual(['cursor', 'deviceId', 'lastSyncAt', 'link']);
    await restoreBackup(db, backup.blob);
    expect((await syncStateOf(db))['serverCatalogue']).toEqual(catalogue);
  });
});

describe('restore checks of the sync tables', () => {
  /** Restores the source's backup, changed by `mutate`, over a linked office: refused, and every table as it was. */
  async function refusal(mutate: (json: Json) => void) {
    const { db } = await linkedOffice('source');
    const json = JSON.parse(await (await exportBackup(db)).blob.text());
    mutate(json);
    // The header counts follow the rows, so each test sees only the problem it made.
    for (const [table, rows] of Object.entries(json.tables as Record<string, unknown[]>)) if (table in json.counts) json.counts[table] = rows.length;
    const { db: target } = await linkedOffice('target');
    const before = await snapshotDb(target);
    const counts = await tableCounts(target);
    expect(counts).toEqual({ sops: 1, cases: 2, events: 6, attachments: 1, drafts: 1, meta: 3, outbox: 3, review: 1, syncState: 4, syncCases: 2, monevForms: 0 });
    const failure = (await restoreBackup(target, new Blob([JSON.stringify(json)])).catch((e: unknown) => e)) as {
      code: string;
      localized: { id: string; en: string };
      problems: { table?: string; row?: number; field?: string; message: { id: string; en: string } }[];
    };
    expect(failure.code).toBe('bundle.invalid');
    expect(failure.localized.id).toContain('data di perangkat ini tidak diubah');
    expect(failure.localized.en).toContain('the data on this device was not changed');
    expect(await tableCounts(target)).toEqual(counts);
    expect(await snapshotDb(target)).toEqual(before);
    return failure.problems;
  }
  const where = (table: string, field?: string, en?: string) =>
    expect.objectContaining({ table, ...(field ? { field } : {}), ...(en ? { message: expect.objectContaining({ en: expect.stringContaining(en) }) } : {}) });

  it('refuses queued commands, review items and known cases of a case that is not in the file', async () => {
    let problems = await refusal((json) => {
      const row = json.tables.outbox[2];
      row.caseId = row.command.caseId = 'kasus-lain';
    });
    expect(problems).toEqual(expect.arrayContaining([where('outbox', 'caseId', 'case kasus-lain is not in the backup'), where('outbox', 'caseId', 'not recorded as known to the server')]));
    problems = await refusal((json) => {
      const row = json.tables.review[0];
      row.caseId = row.command.caseId = 'kasus-lain';
    });
    expect(problems).toEqual([where('review', 'caseId', 'case kasus-lain is not in the backup')]);
    problems = await refusal((json) => (json.tables.syncCases[0].caseId = 'kasus-lain'));
    expect(problems).toEqual(expect.arrayContaining([where('syncCases', 'caseId', 'case kasus-lain is not in the backup')]));
  });

  it('refuses a command whose row and content disagree, or which is queued on the wrong revision', async () => {
    let problems = await refusal((json) => (json.tables.review[0].command.caseId = json.tables.outbox[0].caseId));
    expect(problems).toEqual([where('review', 'command.caseId', "differs from the row's caseId")]);
    problems = await refusal((json) => (json.tables.outbox[1].baseRevision = 4));
    expect(problems).toEqual([where('outbox', 'baseRevision', 'must be 1')]);
    problems = await refusal((json) => (json.tables.outbox[1].command.type = 'case.delete'));
    expect(problems).toEqual([where('outbox', 'command.type', 'unknown command type')]);
    problems = await refusal((json) => delete json.tables.outbox[0].sop);
    expect(problems).toEqual([where('outbox', 'sop', 'a case start must name its SOP revision')]);
  });

  it('refuses a review file whose bytes do not match their SHA-256', async () => {
    const problems = await refusal((json) => (json.tables.review[0].files[0].blob.$blob = btoa('surat pengantar RX')));
    expect(problems).toEqual([expect.objectContaining({ table: 'review', row: 0, field: 'files[0].blob', message: expect.objectContaining({ en: expect.stringContaining('SHA-256') }) })]);
  });

  it('refuses duplicate keys, missing and unknown fields, a command both queued and kept, and a queue with no events', async () => {
    let problems = await refusal((json) => json.tables.outbox.push(structuredClone(json.tables.outbox[1])));
    expect(problems).toEqual([expect.objectContaining({ table: 'outbox', row: 3, field: 'commandId', message: expect.objectContaining({ en: 'this id is already used by row 2.' }) })]);
    problems = await refusal((json) => {
      delete json.tables.outbox[0].tries;
      json.tables.review[0].files[0].path = '/tmp/x';
    });
    expect(problems).toEqual([where('outbox', 'tries', 'required field is missing'), where('review', 'files[0].path', 'unknown')]);
    problems = await refusal((json) => {
      const queued = json.tables.outbox[2];
      json.tables.review.push({ ...structuredClone(json.tables.review[0]), commandId: queued.commandId, caseId: queued.caseId, command: structuredClone(queued.command) });
    });
    expect(problems).toEqual([where('outbox', 'commandId', 'also in the review table')]);
    problems = await refusal((json) => {
      const row = json.tables.outbox[1];
      row.commandId = row.command.id = newId();
    });
    expect(problems).toEqual([where('outbox', 'commandId', 'has no events in the backup')]);
  });

  it('refuses a queue with no server link, an unknown sync setting and a missing sync table', async () => {
    let problems = await refusal((json) => (json.tables.syncState = json.tables.syncState.filter((r: Json) => r['key'] !== 'link')));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toEqual(where('outbox', undefined, 'linked to no server'));
    problems = await refusal((json) => json.tables.syncState.push({ key: 'session', value: { csrfToken: 'x' } }));
    expect(problems).toEqual([where('syncState', 'key', 'this sync setting is unknown')]);
    problems = await refusal((json) => (json.tables.syncState.find((r: Json) => r['key'] === 'link').value.baseUrl = 7));
    // A link that is not one links nothing: the queue is refused with it.
    expect(problems).toEqual([where('syncState', 'value.baseUrl', 'must be text'), where('outbox', undefined, 'linked to no server'), where('outbox'), where('outbox')]);
    problems = await refusal((json) => {
      delete json.tables.review;
      delete json.counts.review;
    });
    expect(problems).toEqual([where('review', undefined, 'this table is missing from the backup')]);
  });
});

describe('older backups, without the sync tables', () => {
  it.each([
    ['format 1 (schema 3, as the app wrote before the sync tables were backed up)', (json: Json) => (json['version'] = 1)],
    ['schema 2', (json: Json) => (json['schemaVersion'] = 2)],
  ])('restores %s with the sync tables empty; the device keeps its link and id and pulls again from the start', async (_label, age) => {
    const { db: source } = await linkedOffice('source');
    const json = JSON.parse(await (await exportBackup(source)).blob.text());
    // Nor the monev forms, which came later still (schema 4).
    for (const table of ['outbox', 'review', 'syncState', 'syncCases', 'monevForms']) {
      delete json.tables[table];
      delete json.counts[table];
    }
    age(json);
    const { db: target } = await linkedOffice('target');
    const own = await syncStateOf(target);
    expect(await tableCounts(target)).toMatchObject({ cases: 2, outbox: 3, review: 1, syncState: 4, syncCases: 2 });
    const file = new Blob([JSON.stringify(json)]);
    // Before the go-ahead: this device's three unsent commands and its review item are not in the file.
    expect(await restoreImpact(target, await readBackupFile(file))).toEqual({ lostOutbox: 3, lostReview: 1, foreignOutbox: 0, linkNow: TEST_SERVER, linkAfter: TEST_SERVER });
    const result = await restoreBackup(target, file);
    expect(result.before).toEqual({ cases: 2, events: 6, sops: 1, attachments: 1, drafts: 1, outbox: 3, review: 1 });
    expect(result.after).toEqual({ cases: 2, events: 6, sops: 1, attachments: 1, drafts: 1, outbox: 0, review: 0 });
    expect(await tableCounts(target)).toMatchObject({ cases: 2, ...SYNC_EMPTY, syncState: 2 });
    expect(await syncStateOf(target)).toEqual({ deviceId: own['deviceId'], link: own['link'] });
    // The copy kept before the restore holds them, and puts them back.
    expect((await latestSafetyCopy(target))?.counts).toMatchObject({ outbox: 3, review: 1 });
  });

  it('refuses sync tables in a schema 2 file (that schema had none)', async () => {
    const { db: source } = await linkedOffice('source');
    const json = JSON.parse(await (await exportBackup(source)).blob.text());
    json['schemaVersion'] = 2;
    delete json.tables.monevForms;
    delete json.counts.monevForms;
    const { db: target } = await linkedOffice('target');
    const counts = await tableCounts(target);
    const failure = await restoreBackup(target, new Blob([JSON.stringify(json)])).catch((e: { problems: unknown[] }) => e);
    expect((failure as { problems: unknown[] }).problems).toEqual(
      ['outbox', 'review', 'syncState', 'syncCases'].map((table) => expect.objectContaining({ table, message: expect.objectContaining({ en: 'this table does not exist in schema 2.' }) })),
    );
    expect(await tableCounts(target)).toEqual(counts);
  });
});

describe('the link, the cursor and the device id across a restore', () => {
  it("restoring this device's own earlier backup: nothing foreign, the newer queued command is said to go, and comes back with the undo", async () => {
    const { db, secondCaseId } = await linkedOffice('self');
    const backup = await exportBackup(db);
    const own = await syncStateOf(db);
    const command = { type: 'case.cancel', id: newId(), caseId: secondCaseId, expectedRevision: 1, at: '2025-06-02T03:00:00.000Z', reason: 'Pemohon membatalkan' } as CaseCommand;
    expect((await commitCommand(db, command)).ok).toBe(true);
    await db.syncState.put({ key: 'cursor', value: '7402:3' });
    const latest = await snapshotDb(db);
    expect(await tableCounts(db)).toMatchObject({ outbox: 4, review: 1 });

    expect(await restoreImpact(db, await readBackupFile(backup.blob))).toEqual({ lostOutbox: 1, lostReview: 0, foreignOutbox: 0, linkNow: TEST_SERVER, linkAfter: TEST_SERVER });
    const result = await restoreBackup(db, backup.blob);
    expect([result.before.outbox, result.after.outbox]).toEqual([4, 3]);
    expect(await db.outbox.get(command.id)).toBeUndefined();
    // The cursor is the backup's, so the events since it are pulled again.
    expect(await syncStateOf(db)).toEqual(own);

    const undone = await restoreSafetyCopy(db);
    expect([undone.before.outbox, undone.after.outbox, undone.after.review]).toEqual([3, 4, 1]);
    expect(await snapshotDb(db)).toEqual(latest);
  });

  it("another device's backup: its queued commands are counted as foreign, and the device keeps its own id", async () => {
    const { db: source } = await linkedOffice('device-a');
    const { db: target } = await linkedOffice('device-b');
    await target.syncState.put({ key: 'lastError', value: { message: { id: 'x', en: 'x' }, at: 1 } });
    const [a, b] = [await syncStateOf(source), await syncStateOf(target)];
    expect(a['deviceId']).not.toBe(b['deviceId']);
    const backup = await readBackupFile((await exportBackup(source)).blob);
    expect(await restoreImpact(target, backup)).toEqual({ lostOutbox: 3, lostReview: 1, foreignOutbox: 3, linkNow: TEST_SERVER, linkAfter: TEST_SERVER });
    const { replaceWithBackup } = await import('./backup');
    const result = await replaceWithBackup(target, backup);
    expect([result.before.outbox, result.after.outbox, result.before.review, result.after.review]).toEqual([3, 3, 1, 1]);
    expect(await syncStateOf(target)).toEqual({ ...a, deviceId: b['deviceId'] });
  });

  it('a backup linked to another server moves the link (with its queue); the device says so before', async () => {
    const { db: source } = await linkedOffice('device-a');
    const target = track(scratchDb('device-b'));
    await setServerLink(target, 'https://sop.jemberkab.go.id');
    const backup = await readBackupFile((await exportBackup(source)).blob);
    expect(await restoreImpact(target, backup)).toMatchObject({ lostOutbox: 0, lostReview: 0, foreignOutbox: 3, linkNow: 'https://sop.jemberkab.go.id', linkAfter: TEST_SERVER });
    // A device that is not linked learns it will be.
    const fresh = track(scratchDb('device-c'));
    await fresh.open();
    expect(await restoreImpact(fresh, backup)).toEqual({ lostOutbox: 0, lostReview: 0, foreignOutbox: 3, linkAfter: TEST_SERVER });
  });
});

describe('the copy kept before a restore', () => {
  it('holds the unsent commands, review items and sync state, and puts them back exactly', async () => {
    const { db: target } = await linkedOffice('target');
    const original = await snapshotDb(target);
    const counts = await tableCounts(target);
    const unlinked = track((await populatedOffice('unlinked')).db);
    const result = await restoreBackup(target, (await exportBackup(unlinked)).blob);
    expect(result.copy?.counts).toEqual({ cases: 2, events: 6, sops: 1, attachments: 1, drafts: 1, outbox: 3, review: 1 });
    expect(await tableCounts(target)).toMatchObject({ outbox: 0, review: 0, syncCases: 0 });
    const undone = await restoreSafetyCopy(target);
    expect(undone.after).toEqual(result.copy?.counts);
    expect(await tableCounts(target)).toEqual(counts);
    expect(await snapshotDb(target)).toEqual(original);
  });
});
