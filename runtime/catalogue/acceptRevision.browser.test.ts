// Accepting an SOP revision that came in a case bundle into the catalogue: an explicit act,
// for a profile that may publish, under the publish rules; until then no new case starts on it.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../core/engine';
import { availabilityForNewCase, currentProfile, listOffered, saveProfile, seedCatalogue } from '../../device';
import { exportCaseBundle, importCaseBundle } from '../storage/bundle';
import { officeWithSop, signAsDevice, trust } from '../storage/bundleTesting';
import { deviceDbFor } from '../storage/deviceDbFor';
import { startCase } from '../storage/repository';
import { scratchDb } from '../storage/testing';
import { acceptIntoCatalogue, listCaseOnlyRevisions } from './acceptRevision';

const opened: { name: string; close(): void }[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});
const track = <T extends { name: string; close(): void }>(db: T) => (opened.push(db), db);

/** The receiving office after a trusted sender's bundle brought revision `revision` of the sample. */
async function receivedRevision(revision: number, edit: (doc: any) => void = () => undefined) {
  const sender = await officeWithSop('terima-a');
  track(sender.db);
  track(sender.device);
  const started = await startCase(sender.db, { sopKey: sender.sopKey, fields: { nama: 'Siti Aminah', nik: '3510015205850002' }, at: '2025-06-02T01:00:00.000Z' });
  if (!started.ok) throw new Error(started.rejection.message.en);
  const bundle: any = structuredClone(await exportCaseBundle(sender.db, started.state.id));
  bundle.sop.doc.revision.number = revision;
  bundle.sop.doc.identity.title = `SPM revisi ${revision}`;
  edit(bundle.sop.doc);
  bundle.sop.contentHash = sha256Hex(canonicalJson(bundle.sop.doc));
  bundle.sop.key = `${bundle.sop.doc.id}@${revision}`;
  for (const pin of [bundle.events[0].sop, bundle.snapshot.sop]) Object.assign(pin, { revision, contentHash: bundle.sop.contentHash, title: bundle.sop.doc.identity.title });
  const db = track(scratchDb('terima-b'));
  const device = track(deviceDbFor(db));
  await seedCatalogue(device, [sender.doc]);
  await trust(device, sender.device);
  await importCaseBundle(db, JSON.stringify(await signAsDevice(bundle, sender.device)), { device });
  return { db, device, key: `${sender.doc.id}@${revision}` };
}

describe('accepting a bundled SOP revision into the catalogue', () => {
  it('is listed as case-only, refused for a profile that may not publish, and offered for new cases once accepted', async () => {
    const { db, device, key } = await receivedRevision(7);
    const rows = await listCaseOnlyRevisions(db, device);
    expect(rows.map((r) => r.key)).toEqual([key]);
    expect(await availabilityForNewCase(device, key)).toMatchObject({ offered: false });

    await saveProfile(device, { name: 'Petugas Loket', lanes: [] });
    const refused = await acceptIntoCatalogue(device, rows[0]!, (await currentProfile(device))!);
    expect(refused).toMatchObject({ ok: false, diagnostics: [{ ruleId: 'catalogue.not-allowed' }] });
    expect(await device.catalogue.get(key)).toBeUndefined();

    await saveProfile(device, { name: 'Kepala Seksi', lanes: [], mayPublish: true });
    expect(await acceptIntoCatalogue(device, rows[0]!, (await currentProfile(device))!)).toEqual({ ok: true });
    expect(await device.catalogue.get(key)).toMatchObject({ source: 'bundle', title: 'SPM revisi 7' });
    expect(await availabilityForNewCase(device, key)).toEqual({ offered: true });
    expect((await listOffered(device)).find((r) => r.sopId === 'bwi-spm-online')?.revision).toBe(7);
    expect(await listCaseOnlyRevisions(db, device)).toEqual([]);
  });

  it('holds the revision to the publish rules', async () => {
    const { db, device } = await receivedRevision(8, (doc) => void (doc.completeness = { status: 'incomplete', reason: 'Halaman 3 tidak terbaca.' }));
    await saveProfile(device, { name: 'Kepala Seksi', lanes: [], mayPublish: true });
    const [row] = await listCaseOnlyRevisions(db, device);
    const result = await acceptIntoCatalogue(device, row!, (await currentProfile(device))!);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ ruleId: 'publish.incomplete', pointer: '/completeness' }] });
    expect((await listOffered(device)).find((r) => r.sopId === 'bwi-spm-online')?.revision).toBe(1);
  });
});
