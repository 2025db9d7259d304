/** Helpers for the backup tests: a populated office, a deep snapshot of every table, and access to a file's rows in either format. */
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import type { CaseCommand } from '../../core/engine';
import { withoutChangeStamp, type RuntimeDb } from './db';
import { setServerLink } from './outbox';
import { commitCommand, newId, saveDraft, startCase } from './repository';
import { dbWithSop } from './testing';

/** Listed here, not imported, so these helpers also run against older code (to show a test failed before a fix). */
const BACKUP_TABLES = ['sops', 'cases', 'events', 'attachments', 'drafts', 'meta', 'outbox', 'review', 'syncState', 'syncCases', 'monevForms'] as const;
/** The tables this database has (older code has no monevForms). */
const tablesOf = (db: RuntimeDb) => BACKUP_TABLES.filter((name) => db.tables.some((t) => t.name === name));

/**
 * Registers an afterEach that closes and deletes every database passed to the returned `track`, with the copy a
 * restore takes before it replaces anything. Call once per test file.
 */
export function trackDatabasesForCleanUp(): (db: RuntimeDb) => RuntimeDb {
  const opened: RuntimeDb[] = [];
  afterEach(async () => {
    const dbs = opened.splice(0);
    for (const db of dbs) db.close();
    for (const name of new Set(dbs.map((db) => db.name))) {
      await Dexie.delete(name);
      await Dexie.delete(`${name}-sebelum-pemulihan`);
    }
  });
  return (db) => (opened.push(db), db);
}

export const TEST_SERVER = 'https://sop.banyuwangikab.go.id';
const SERVER_CATALOGUE_ROW = 'serverCatalogue';

/**
 * Two cases (one moved on, with a photo), a draft with a file, the SOP and the meta rows.
 * `linked`: the device is linked to a server first, so all three commands are queued
 * (outbox, syncCases, a device id), and a command the server refused is kept for
 * review with a file of its own; the pull cursor and last sync time are set.
 */
export async function populatedOffice(
  label = 'backup',
  photo: Blob = new Blob(['foto KTP'], { type: 'image/jpeg' }),
  options: { linked?: boolean; monevForm?: boolean } = {},
): Promise<{ db: RuntimeDb; caseId: string; secondCaseId: string }> {
  const { db, sopKey } = await dbWithSop('bwi-spm-online', label);
  if (options.linked) {
    await setServerLink(db, TEST_SERVER, Date.parse('2025-06-02T00:00:00.000Z'));
    // A linked device starts cases only on what the server's catalogue offers (runtime/storage/serverCatalogue.ts).
    // Written as a plain row and removed after the starts: these helpers also run against older code, and the
    // catalogue never goes into a backup, so the sync rows left are the ones a backup carries.
    const row = (await db.sops.get(sopKey))!;
    const entry = { sopId: row.sopId, revision: row.revision, contentHash: row.contentHash, title: row.title, publishedAt: '2025-06-01T00:00:00.000Z', lanes: [] };
    await db.syncState.put({ key: SERVER_CATALOGUE_ROW, value: { baseUrl: TEST_SERVER, officeId: 'kantor-uji', fetchedAt: 0, entries: [entry] } });
  }
  const first = await startCase(db, { sopKey, fields: { nama: 'Siti Aminah', nik: '3510015205850002' }, at: '2025-06-02T01:00:00.000Z' });
  if (!first.ok) throw new Error(first.rejection.message.en);
  const caseId = first.state.id;
  const attachmentId = newId();
  const done = await commitCommand(
    db,
    {
      type: 'step.complete', id: newId(), caseId, expectedRevision: 1, at: '2025-06-02T01:30:00.000Z', stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'],
      attachments: [{ id: attachmentId, name: 'ktp.jpg', type: photo.type, size: photo.size, requirementId: 's1-r1' }],
    } as CaseCommand,
    { attachments: [{ id: attachmentId, blob: photo, name: 'ktp.jpg', type: photo.type, requirementId: 's1-r1' }] },
  );
  if (!done.ok) throw new Error(done.rejection.message.en);
  const second = await startCase(db, { sopKey, fields: { nama: 'Budi Santoso', nik: '3510011201900003' }, at: '2025-06-02T02:00:00.000Z' });
  if (!second.ok) throw new Error(second.rejection.message.en);
  if (options.linked) await db.syncState.delete(SERVER_CATALOGUE_ROW);
  const visit = second.state.visits.find((v) => v.status === 'active')!;
  await saveDraft(db, second.state.id, visit.id, { ticked: ['s1-r1'], waivers: {}, fields: {}, output: '', note: 'menunggu KK' }, [
    { id: newId(), requirementId: 's1-r2', name: 'kk.pdf', type: 'application/pdf', size: 5, blob: new Blob(['%PDF-'], { type: 'application/pdf' }) },
  ]);
  if (options.monevForm) {
    const form = monevFormFixture(sopKey.split('@')[0]!);
    await db.table('monevForms').put({ id: form.id, sopId: form.subject.sopId, kind: form.kind, updatedAt: Date.parse(form.updatedAt), form });
  }
  if (options.linked) {
    const commandId = newId();
    const file = new Blob(['surat pengantar RT'], { type: 'text/plain' });
    await db.review.put({
      commandId,
      caseId: second.state.id,
      command: { type: 'step.complete', id: commandId, caseId: second.state.id, expectedRevision: 1, at: '2025-06-02T02:10:00.000Z', stepId: 's1', ticked: ['s1-r1'] } as CaseCommand,
      rejection: { code: 'lane.notAllowed', message: { id: 'Kantor ini tidak boleh mengerjakan langkah ini.', en: 'This office may not act on this step.' } },
      source: 'server',
      keptAt: Date.parse('2025-06-02T02:20:00.000Z'),
      files: [{ id: newId(), requirementId: 's1-r2', name: 'pengantar.txt', type: file.type, size: file.size, sha256: await sha256Hex(file), blob: file }],
    });
    await db.syncState.bulkPut([
      { key: 'cursor', value: '7401:12' },
      { key: 'lastSyncAt', value: Date.parse('2025-06-02T02:30:00.000Z') },
    ]);
  }
  return { db, caseId, secondCaseId: second.state.id };
}

/** A small monitoring form on the SOP, with an evaluator's note in it (what a backup must carry back byte for byte). */
export function monevFormFixture(sopId: string) {
  return {
    kind: 'monitoring' as const,
    id: '0193b6c2-7a10-7000-8000-0000000000f1',
    subject: { sopId, revision: 1, title: 'Pelayanan SPM', period: { from: '2025-01-01', to: '2025-06-30' } },
    rows: [
      {
        stepId: 's1', number: '1', activity: 'Menerima berkas', actor: 'Desa', waktu: '30 menit', runsWell: false, problem: 'Antrean panjang', action: 'Tambah loket', amended: true,
        measured: { visits: 4, shareWithin: 0.5, medianMinutes: 40, p90Minutes: 90, returnRate: 0, loopRate: 0, topReasons: [] },
      },
    ],
    evaluator: { name: 'Rina Operator', nip: '198505122010012003' },
    createdAt: '2025-06-03T02:00:00.000Z',
    updatedAt: '2025-06-03T02:05:00.000Z',
    status: 'draft' as const,
  };
}

async function sha256Hex(blob: Blob): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function plain(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { blob: value.type, bytes: Array.from(new Uint8Array(await value.arrayBuffer())).join(',') };
  if (Array.isArray(value)) return Promise.all(value.map(plain));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await plain(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

/** Every row of every table, Blobs as their bytes: equal snapshots mean equal databases. */
export async function snapshotDb(db: RuntimeDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of tablesOf(db)) {
    const rows = await db.table(name).toArray();
    // The write stamp says when this device wrote a row, not what it holds.
    out[name] = (await plain(name === 'cases' ? rows.map(withoutChangeStamp) : rows)) as unknown[];
  }
  return out;
}

export async function tableCounts(db: RuntimeDb): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(tablesOf(db).map(async (t) => [t, await db.table(t).count()] as const)));
}

/** The rows of a table in a parsed backup file of either format (this app's, or dexie-export-import's). */
export function rowsIn(json: Record<string, any>, table: string): Record<string, any>[] {
  if (json['formatName'] === 'dexie') return json['data'].data.find((t: { tableName: string }) => t.tableName === table).rows;
  return json['tables'][table];
}

export function addTable(json: Record<string, any>, table: string, rows: unknown[]): void {
  if (json['formatName'] === 'dexie') {
    json['data'].tables.push({ name: table, schema: 'id', rowCount: rows.length });
    json['data'].data.push({ tableName: table, inbound: true, rows });
  } else json['tables'][table] = rows;
}

/**
 * A dexie-export-import file as an earlier version wrote it: those versions had
 * no sync tables (schema 3), monev forms (schema 4) nor monev facts and case write stamps (schema 5), so an export
 * of today's database drops them.
 */
export function withoutSyncTables(json: Record<string, any>): Record<string, any> {
  const sync = new Set(['outbox', 'review', 'syncState', 'syncCases', 'monevForms', 'monevFacts']);
  if (json['formatName'] === 'dexie') {
    json['data'].tables = json['data'].tables.filter((t: { name: string }) => !sync.has(t.name));
    json['data'].data = json['data'].data.filter((t: { tableName: string }) => !sync.has(t.tableName));
    // Nor did those versions stamp case rows.
    for (const table of json['data'].data) if (table.tableName === 'cases') table.rows = table.rows.map(withoutChangeStamp);
    json['data'].databaseVersion = Math.min(json['data'].databaseVersion, 2);
  }
  return json;
}

export function setSchemaVersion(json: Record<string, any>, version: number): void {
  if (json['formatName'] === 'dexie') json['data'].databaseVersion = version;
  else json['schemaVersion'] = version;
}
