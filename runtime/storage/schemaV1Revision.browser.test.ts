/**
 * A revision published in SOP schema v1, and a case pinned to it, on a device
 * that upgrades to a build reading schema v2: the stored revision stays byte
 * for byte as published, its hash still verifies, and the case runs to its
 * end on the migrated document. Backups and case bundles carry the revision
 * as published, so their hash checks hold on the next device too.
 */
import Dexie from 'dexie';
import 'dexie-export-import';
import { afterEach, describe, expect, it } from 'vitest';
import { sopContentHash, type CaseCommand } from '../../core/engine';
import { allowedCommands } from '../../core/engine/testing/allowedCommands';
import { originalOf } from '../../core/migrations';
import { getRevision, importRevisionFile, saveProfile } from '../../device';
import { revisionFileText } from '../../core/document/revisionFile';
import type { SopDocument } from '../../schemas/generated/sop.types';
import v1Fixture from './fixtures/v1.json';
import { exportBackup, readBackupFile } from './backup';
import { exportCaseBundle, importCaseBundle } from './bundle';
import { trust } from './bundleTesting';
import { RuntimeDb, type SopRow } from './db';
import { deviceDbFor } from './deviceDbFor';
import { commitCommand, getCase, getSopRevision, newId, startCase, storeSopRevision } from './repository';
import { loadNativeFixture, scratchDb, type DbFixture } from './testing';

const opened: { name: string; close(): void }[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});
const track = <T extends { name: string; close(): void }>(db: T) => (opened.push(db), db);

const KEY = 'bwi-spm-online@1';
const CASE_ID = '0193b6c2-7a10-7000-8000-000000000001';
const fixture = v1Fixture as unknown as DbFixture & { data: { sops: SopRow[] } };
const publishedV1 = fixture.data.sops[0]!.doc as unknown as Record<string, unknown>;

/** The row as IndexedDB holds it, read without Dexie (and so without the reading hook). */
function storedRow(dbName: string, key: string): Promise<SopRow> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const get = request.result.transaction('sops').objectStore('sops').get(key);
      get.onsuccess = () => {
        request.result.close();
        resolve(get.result as SopRow);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

async function upgradedDevice(): Promise<RuntimeDb> {
  const name = `sop-studio-v1-revision-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await loadNativeFixture(name, fixture);
  const db = track(new RuntimeDb(name));
  await db.open();
  return db;
}

/** Gives the case the first command a clerk could give, until it finishes. */
async function runToTheEnd(db: RuntimeDb, doc: SopDocument): Promise<void> {
  let at = Date.parse('2025-06-02T02:00:00.000Z');
  for (let i = 0; i < 40; i++) {
    const row = (await getCase(db, CASE_ID))!;
    if (row.state.status === 'finished') return;
    const next = allowedCommands(doc, row.state)[0];
    if (!next) throw new Error(`no command for a case in status ${row.state.status}`);
    at += 60_000;
    const command = { ...next, id: newId(), caseId: CASE_ID, at: new Date(at).toISOString(), expectedRevision: row.state.revision } as CaseCommand;
    const result = await commitCommand(db, command);
    if (!result.ok) throw new Error(`${command.type}: ${result.rejection.message.en}`);
  }
  throw new Error('the case did not finish');
}

describe('a revision published in schema v1, after the upgrade to schema v2', () => {
  it('stays byte for byte as published; its pinned case verifies its hash and runs to the end on the migrated document', async () => {
    const db = await upgradedDevice();
    const before = await storedRow(db.name, KEY);
    expect(before.doc).toEqual(publishedV1);
    expect(before.doc.schemaVersion).toBe(1);
    const pinned = (await getCase(db, CASE_ID))!.state.sop.contentHash;
    expect(sopContentHash(structuredClone(before.doc))).toBe(before.contentHash);
    expect(before.contentHash).toBe(pinned);

    // Every reader gets the document in schema v2, with the hash of what was published.
    const read = (await getSopRevision(db, KEY))!;
    expect(read.doc.schemaVersion).toBe(2);
    expect(read.doc.flows[0]!.steps.filter((s) => s.kind === 'end').map((s) => s.outcome)).toEqual(['selesai']);
    expect(read.doc.flows[0]!.steps.find((s) => s.id === 's8')!.condition).toMatchObject({ asked: false });
    expect(sopContentHash(read.doc)).toBe(pinned);
    expect(originalOf(read.doc)).toEqual(publishedV1);
    expect((await db.sops.toArray())[0]!.doc.schemaVersion).toBe(2);

    await runToTheEnd(db, read.doc);
    const finished = (await getCase(db, CASE_ID))!;
    expect(finished.state.status).toBe('finished');
    expect(finished.state.sop.contentHash).toBe(pinned);
    // Running the case wrote nothing into the revision.
    expect(await storedRow(db.name, KEY)).toEqual(before);
  });

  it('goes into a backup as published, and the backup passes its hash checks', async () => {
    const db = await upgradedDevice();
    const backup = await exportBackup(db);
    const json = JSON.parse(await backup.blob.text()) as { tables: { sops: SopRow[] } };
    expect(json.tables.sops[0]!.doc).toEqual(publishedV1);
    const checked = await readBackupFile(backup.blob);
    expect(checked.rows.sops).toHaveLength(1);
  });

  it('travels in a case bundle as published: the receiving office verifies it, stores it as published, and carries on', async () => {
    const db = await upgradedDevice();
    const device = track(deviceDbFor(db));
    await saveProfile(device, { name: 'Petugas Desa', office: 'Kantor Desa', lanes: [] });
    const bundle = await exportCaseBundle(db, CASE_ID, { device });
    expect(bundle.sop.doc).toEqual(publishedV1);
    expect(bundle.sop.contentHash).toBe((await storedRow(db.name, KEY)).contentHash);

    const other = track(scratchDb('v1-receiver'));
    const otherDevice = track(deviceDbFor(other));
    await trust(otherDevice, device);
    const summary = await importCaseBundle(other, JSON.stringify(bundle), { device: otherDevice });
    expect(summary).toMatchObject({ caseId: CASE_ID, sopAdded: true });
    const received = await storedRow(other.name, KEY);
    expect(received.doc).toEqual(publishedV1);
    expect(received.contentHash).toBe(bundle.sop.contentHash);
    await runToTheEnd(other, (await getSopRevision(other, KEY))!.doc);
    expect((await getCase(other, CASE_ID))!.state.status).toBe('finished');
  });

  it('starts a new case from the device catalogue: the runtime keeps its copy as published and the case pins that hash', async () => {
    const db = track(scratchDb('v1-catalogue'));
    const device = track(deviceDbFor(db));
    expect(await importRevisionFile(device, revisionFileText(publishedV1 as unknown as SopDocument))).toMatchObject({ ok: true, upgradedFrom: 1 });
    const offered = (await getRevision(device, KEY))!;
    expect(offered.doc.schemaVersion).toBe(2);
    // What the start screen does with the item it offers.
    const row = await storeSopRevision(db, offered.doc);
    expect((await storedRow(db.name, KEY)).doc).toEqual(publishedV1);
    expect(row.contentHash).toBe(offered.contentHash);
    const started = await startCase(db, { sopKey: KEY, fields: { nama: 'Siti Aminah', nik: '3510015205850002' }, at: '2025-06-02T01:00:00.000Z' });
    if (!started.ok) throw new Error(started.rejection.message.en);
    expect(started.state.sop.contentHash).toBe(offered.contentHash);
  });
});
