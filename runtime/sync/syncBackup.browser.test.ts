// Backups of a device that syncs: what sync leaves in the outbox, review,
// syncState and syncCases passes the backup's own checks, restores exactly,
// and syncing after a restore sends nothing twice (the server answers
// `duplicate`) and misses nothing (pulling resumes from the backup's cursor).
import { describe, expect, it } from 'vitest';
import { exportBackup, readBackupFile, replaceWithBackup, restoreBackup, restoreImpact } from '../storage/backup';
import { snapshotDb } from '../storage/backupTesting';
import { commitCommand, newId, startCase } from '../storage/repository';
import { scratchDb } from '../storage/testing';
import { caseAtS2, officeDevicesClosedAfterEach, ok, step } from './testing/scenarios';
import { SERVER_URL } from './testing/world';

const office = officeDevicesClosedAfterEach();

/** Both offices complete s2 offline (Glagah with a photo): Kemiren's wins, Glagah's goes to review; then Glagah starts a case offline. */
async function glagahWithReviewAndQueue() {
  const { server, kemiren, glagah, caseId } = await caseAtS2(office);
  ok(await commitCommand(kemiren.db, step(caseId, 2, 's2', { note: 'Kemiren', by: { actorId: 'desa-kelurahan' } })));
  const photo = { id: newId(), blob: new Blob(['foto rumah'], { type: 'image/jpeg' }), name: 'rumah.jpg', type: 'image/jpeg' };
  ok(await commitCommand(glagah.db, step(caseId, 2, 's2', { note: 'Glagah', by: { actorId: 'desa-kelurahan' }, attachments: [{ id: photo.id, name: 'rumah.jpg', type: 'image/jpeg', size: 10 }] }), { attachments: [photo] }));
  await kemiren.client().syncOnce();
  await glagah.client().syncOnce();
  expect(await glagah.db.review.count()).toBe(1);
  ok(await startCase(glagah.db, { sopKey: glagah.sopKey, fields: { nama: 'Budi Santoso', nik: '3510011201900003' }, by: { actorId: 'masyarakat-pemohon' } }));
  expect(await glagah.db.outbox.count()).toBe(1);
  return { server, kemiren, glagah, caseId };
}

describe('backups of a device that syncs', () => {
  it("what sync leaves passes the backup's checks and restores exactly, review files included", async () => {
    const { glagah } = await glagahWithReviewAndQueue();
    const backup = await exportBackup(glagah.db);
    expect(backup.counts).toMatchObject({ outbox: 1, review: 1 });
    const target = scratchDb('sync-backup-target');
    try {
      await target.open();
      await restoreBackup(target, backup.blob);
      const [restored, original] = [await snapshotDb(target), await snapshotDb(glagah.db)];
      for (const table of ['cases', 'events', 'attachments', 'outbox', 'review', 'syncCases']) expect(restored[table], table).toEqual(original[table]);
      expect(await (await target.review.toArray())[0]!.files[0]!.blob.text()).toBe('foto rumah');
    } finally {
      target.close();
      await target.delete();
    }
  });

  it('restoring an earlier backup after its commands were sent: the next sync sends nothing twice and pulls back what was done since', async () => {
    const { server, kemiren, caseId } = await glagahWithReviewAndQueue();
    // Rina starts a second case offline; the backup is taken while it waits to be sent.
    const second = ok(await startCase(kemiren.db, { sopKey: kemiren.sopKey, fields: { nama: 'Ani Rahayu', nik: '3510014107920004' }, by: { actorId: 'masyarakat-pemohon' } }));
    const backup = await exportBackup(kemiren.db);
    expect(backup.counts).toMatchObject({ cases: 2, outbox: 1, review: 0 });
    await kemiren.client().syncOnce();
    // After the backup: the start was sent, and the shared case was cancelled (and sent too).
    ok(await commitCommand(kemiren.db, { type: 'case.cancel', id: newId(), caseId, expectedRevision: 3, at: new Date().toISOString(), reason: 'Pemohon pindah domisili', by: { actorId: 'desa-kelurahan' } }));
    await kemiren.client().syncOnce();
    expect(await kemiren.db.outbox.count()).toBe(0);
    const serverEventCount = () => [...server.cases.values()].reduce((n, c) => n + c.events.length, 0);
    const serverEvents = serverEventCount();

    const result = await restoreBackup(kemiren.db, backup.blob);
    expect([result.before.outbox, result.after.outbox]).toEqual([0, 1]);
    expect((await kemiren.db.cases.get(caseId))!.status).not.toBe('cancelled');
    await kemiren.client().syncOnce();
    // The start is answered `duplicate` (nothing twice), and the cancellation comes back from the backup's cursor (nothing missed).
    expect(serverEventCount()).toBe(serverEvents);
    expect(server.cases.get(second.id)!.events.filter((e) => e.type === 'case.started')).toHaveLength(1);
    expect(await kemiren.db.outbox.count()).toBe(0);
    expect(await kemiren.db.review.count()).toBe(0);
    expect((await kemiren.db.cases.get(caseId))!.state).toEqual(server.cases.get(caseId)!.state);
    expect((await kemiren.db.cases.get(caseId))!.status).toBe('cancelled');
    expect((await kemiren.db.cases.get(second.id))!.state).toEqual(server.cases.get(second.id)!.state);
  });

  it("another device's unsent commands restored here are sent under this device's account: the confirmation counts them first", async () => {
    const { server, glagah, kemiren } = await glagahWithReviewAndQueue();
    const backup = await readBackupFile((await exportBackup(glagah.db)).blob);
    const queued = (await glagah.db.outbox.toArray())[0]!;
    expect(await restoreImpact(kemiren.db, backup)).toEqual({ lostOutbox: 0, lostReview: 0, foreignOutbox: 1, linkNow: SERVER_URL, linkAfter: SERVER_URL });
    await replaceWithBackup(kemiren.db, backup);
    await kemiren.client().syncOnce();
    // What the warning says: the server records Rina, signed in here, as the one who started the case queued on Budi's device.
    const started = server.caseEvents(queued.caseId)[0]!;
    expect(started.by?.person).toMatchObject({ id: 'u-rina' });
  });
});
