import Dexie from 'dexie';
// Imported here too so Vite pre-bundles it before the test runs (backup.ts loads it on demand).
import 'dexie-export-import';
import { afterEach, describe, expect, it } from 'vitest';
import { foldEvents, type CaseCommand } from '../../core/engine';
import { exportBackup, restoreBackup } from './backup';
import { exportCaseBundle, importCaseBundle, verifyCaseBundle } from './bundle';
import { RuntimeDb, SCHEMA_VERSION } from './db';
import { caseEvents, commitCommand, newId, startCase } from './repository';
import { officeWithSop, trust } from './bundleTesting';
import { deviceDbFor } from './deviceDbFor';
import { dbWithSop, scratchDb } from './testing';

const opened: { name: string; close(): void }[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});
const track = <T extends { name: string; close(): void }>(db: T) => (opened.push(db), db);

/** The receiving office: its own databases, trusting the sender's device key. */
async function receiving(sender: RuntimeDb, label = 'office-b') {
  const other = track(scratchDb(label));
  const device = track(deviceDbFor(other));
  await trust(device, track(deviceDbFor(sender)));
  return other;
}

async function officeWithCase() {
  const { db, device, sopKey } = await officeWithSop('office-a');
  track(db);
  track(device);
  const started = await startCase(db, { sopKey, fields: { nama: 'Siti Aminah', nik: '3510015205850002' }, at: '2025-06-02T01:00:00.000Z' });
  if (!started.ok) throw new Error(started.rejection.message.en);
  const caseId = started.state.id;
  const attachment = { id: newId(), blob: new Blob(['foto KTP'], { type: 'image/jpeg' }), name: 'ktp.jpg', type: 'image/jpeg', requirementId: 's1-r1' };
  const done = await commitCommand(
    db,
    { type: 'step.complete', id: newId(), caseId, expectedRevision: 1, at: '2025-06-02T01:30:00.000Z', stepId: 's1', ticked: ['s1-r1', 's1-r2', 's1-r3'], attachments: [{ id: attachment.id, name: 'ktp.jpg', type: 'image/jpeg', size: 8, requirementId: 's1-r1' }] },
    { attachments: [attachment] },
  );
  expect(done.ok).toBe(true);
  return { db, caseId };
}

async function counts(db: RuntimeDb) {
  return { sops: await db.sops.count(), cases: await db.cases.count(), events: await db.events.count(), attachments: await db.attachments.count() };
}

describe('case bundles (hand-off between offices)', () => {
  it('carry a case to another browser: events, snapshot, attachments and the SOP revision', async () => {
    const { db, caseId } = await officeWithCase();
    const bundle = await exportCaseBundle(db, caseId);
    expect(bundle.version).toBe(2);
    expect(bundle.signer).toMatchObject({ algorithm: 'ECDSA-P256-SHA256', keyId: expect.stringMatching(/^[0-9a-f]{64}$/), person: { name: 'Petugas office-a' } });
    expect(bundle.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const other = await receiving(db);
    const summary = await importCaseBundle(other, JSON.stringify(bundle));
    expect(summary).toEqual({ caseId, newEvents: 4, newAttachments: 1, sopAdded: true });
    const row = (await other.cases.get(caseId))!;
    expect(row.state).toEqual((await db.cases.get(caseId))!.state);
    expect(foldEvents(await caseEvents(other, caseId))).toEqual(row.state);
    expect(await (await other.attachments.toArray())[0]!.blob.text()).toBe('foto KTP');
    // The receiving office carries on with the case.
    const next = await commitCommand(other, { type: 'step.complete', id: newId(), caseId, expectedRevision: 2, at: '2025-06-02T02:00:00.000Z', stepId: 's2' } as CaseCommand);
    expect(next.ok).toBe(true);
  });

  it('importing twice changes nothing', async () => {
    const { db, caseId } = await officeWithCase();
    const text = JSON.stringify(await exportCaseBundle(db, caseId));
    const other = await receiving(db);
    await importCaseBundle(other, text);
    const before = await counts(other);
    const rowBefore = await other.cases.get(caseId);
    expect(await importCaseBundle(other, text)).toMatchObject({ newEvents: 0, newAttachments: 0, sopAdded: false });
    expect(await counts(other)).toEqual(before);
    expect(await other.cases.get(caseId)).toEqual(rowBefore);
  });

  it('merges a later bundle of the same case by event id', async () => {
    const { db, caseId } = await officeWithCase();
    const other = await receiving(db);
    await importCaseBundle(other, JSON.stringify(await exportCaseBundle(db, caseId)));
    await commitCommand(db, { type: 'step.complete', id: newId(), caseId, expectedRevision: 2, at: '2025-06-02T02:00:00.000Z', stepId: 's2' } as CaseCommand);
    expect(await importCaseBundle(other, JSON.stringify(await exportCaseBundle(db, caseId)))).toMatchObject({ newEvents: 2 });
    expect((await other.cases.get(caseId))!.revision).toBe(3);
  });

  it.each([
    ['a changed event', (b: Record<string, any>) => { b.events[1].stepId = 's9'; }, 'tanda tangan tidak sah', 'signature is invalid'],
    ['a changed attachment', (b: Record<string, any>) => { b.attachments[0].data = btoa('palsu'); }, 'tanda tangan tidak sah', 'signature is invalid'],
    ['a missing signature', (b: Record<string, any>) => { delete b.signature; }, 'tidak bertanda tangan', 'not signed'],
    ['an old unsigned version', (b: Record<string, any>) => { b.version = 1; }, 'versi 1 tidak bertanda tangan', 'version 1 bundles are unsigned'],
    ['another format', (b: Record<string, any>) => { b.format = 'x'; }, 'bukan bundel kasus', 'not an SOP Studio case bundle'],
  ])('refuses a tampered bundle (%s) and writes nothing', async (_label, tamper, id, en) => {
    const { db, caseId } = await officeWithCase();
    const bundle = JSON.parse(JSON.stringify(await exportCaseBundle(db, caseId)));
    tamper(bundle);
    const other = await receiving(db);
    await other.open();
    const before = await counts(other);
    const failure = await importCaseBundle(other, JSON.stringify(bundle)).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'bundle.invalid' });
    const localized = (failure as { localized: { id: string; en: string } }).localized;
    expect(localized.id).toContain(id);
    expect(localized.id).toContain('Tidak ada yang disimpan.');
    expect(localized.en).toContain(en);
    expect(await counts(other)).toEqual(before);
  });

  it('refuses a truncated bundle', async () => {
    const { db, caseId } = await officeWithCase();
    const text = JSON.stringify(await exportCaseBundle(db, caseId));
    const other = await receiving(db);
    await expect(verifyCaseBundle(text.slice(0, text.length - 40), { device: deviceDbFor(other) })).rejects.toMatchObject({ localized: { en: expect.stringContaining('truncated') } });
  });

  it('refuses to merge a case that went on differently in both offices', async () => {
    const { db, caseId } = await officeWithCase();
    const other = await receiving(db);
    await importCaseBundle(other, JSON.stringify(await exportCaseBundle(db, caseId)));
    const cmd = (id: string) => ({ type: 'step.complete', id, caseId, expectedRevision: 2, at: '2025-06-02T02:00:00.000Z', stepId: 's2' }) as CaseCommand;
    await commitCommand(db, cmd(newId()));
    await commitCommand(other, cmd(newId()));
    const before = await counts(other);
    await expect(importCaseBundle(other, JSON.stringify(await exportCaseBundle(db, caseId)))).rejects.toMatchObject({
      localized: { en: expect.stringContaining('went on differently on this device (revision 3)') },
    });
    expect(await counts(other)).toEqual(before);
  });
});

describe('whole-database backup (dexie-export-import)', () => {
  it('exports with the schema version in its name and restores into an empty device', async () => {
    const { db, caseId } = await officeWithCase();
    const backup = await exportBackup(db, new Date('2025-06-03T10:00:00Z'));
    expect(backup.fileName).toBe(`sop-studio-cadangan-skema${SCHEMA_VERSION}-2025-06-03-10-00-00.json`);
    const restored = track(scratchDb('restore'));
    await restored.open();
    expect(await restoreBackup(restored, backup.blob)).toMatchObject({ schemaVersion: SCHEMA_VERSION });
    expect((await restored.cases.get(caseId))!.state).toEqual((await db.cases.get(caseId))!.state);
    expect(await (await restored.attachments.toArray())[0]!.blob.text()).toBe('foto KTP');
  });

  it('refuses a backup from a newer schema, and a file that is not a backup, leaving data unchanged', async () => {
    const { db, caseId } = await officeWithCase();
    const json = JSON.parse(await (await exportBackup(db)).blob.text());
    json.schemaVersion = 90;
    await expect(restoreBackup(db, new Blob([JSON.stringify(json)]))).rejects.toMatchObject({ localized: { en: expect.stringContaining('newer version of the app (schema 90)') } });
    await expect(restoreBackup(db, new Blob(['{"hello":1}']))).rejects.toMatchObject({ code: 'bundle.invalid' });
    expect(await db.cases.get(caseId)).toBeDefined();
  });
});
