/**
 * The forged bundles of issue 9, item 4: each was accepted before bundles
 * were signed and fully checked. A forger who recomputes the old SHA-256, or
 * signs with a key of their own, is refused; a trusted sender whose content
 * breaks the rules is refused too; a revision that arrives in a bundle never
 * reaches the catalogue new cases start from.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../core/engine';
import { availabilityForNewCase, listOffered, seedCatalogue, type DeviceDb } from '../../device';
import { exportCaseBundle, importCaseBundle } from './bundle';
import { forgerKey, officeWithSop, resign, signAsDevice, trust } from './bundleTesting';
import type { RuntimeDb } from './db';
import { deviceDbFor } from './deviceDbFor';
import { startCase } from './repository';
import { scratchDb } from './testing';

const opened: { name: string; close(): void }[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});
const track = <T extends { name: string; close(): void }>(db: T) => (opened.push(db), db);

type Bundle = Record<string, any>;

async function setUp() {
  const sender = await officeWithSop('kantor-a');
  track(sender.db);
  track(sender.device);
  const started = await startCase(sender.db, { sopKey: sender.sopKey, fields: { nama: 'Siti Aminah', nik: '3510015205850002' }, at: '2025-06-02T01:00:00.000Z' });
  if (!started.ok) throw new Error(started.rejection.message.en);
  const receiver = track(scratchDb('kantor-b'));
  const receiverDevice = track(deviceDbFor(receiver));
  // The receiving office holds the published sample and trusts the sending device.
  await seedCatalogue(receiverDevice, [sender.doc]);
  await trust(receiverDevice, sender.device);
  const bundle = (await exportCaseBundle(sender.db, started.state.id)) as unknown as Bundle;
  return { sender, receiver, receiverDevice, bundle, caseId: started.state.id };
}

/**
 * Changes a bundle and makes it look consistent again: recomputes the old
 * format's SHA-256, or signs the new format with the forger's own key, or
 * (`by: 'sender'`) with the trusted sender's key, as a compromised or buggy
 * sending device would.
 */
async function forge(bundle: Bundle, change: (b: Bundle) => void, by: 'forger' | { sender: DeviceDb }): Promise<string> {
  const copy = structuredClone(bundle);
  change(copy);
  if (copy.integrity) {
    const { integrity: _integrity, ...body } = copy;
    copy.integrity.hash = sha256Hex(canonicalJson(body));
    return JSON.stringify(copy);
  }
  return JSON.stringify(by === 'forger' ? await resign(copy as never, await forgerKey()) : await signAsDevice(copy as never, by.sender));
}

/** The SOP in the bundle replaced by another document, with every pin to it updated. */
function replaceSop(b: Bundle, edit: (doc: Bundle) => void): void {
  edit(b.sop.doc);
  const contentHash = sha256Hex(canonicalJson(b.sop.doc));
  b.sop.contentHash = contentHash;
  b.sop.key = `${b.sop.doc.id}@${b.sop.doc.revision.number}`;
  const pin = { revision: b.sop.doc.revision.number, contentHash, title: b.sop.doc.identity.title };
  Object.assign(b.events[0].sop, pin);
  Object.assign(b.snapshot.sop, pin);
}

async function snapshotOf(db: RuntimeDb, device: DeviceDb) {
  return {
    sops: await db.sops.toArray(),
    cases: await db.cases.toArray(),
    events: await db.events.toArray(),
    catalogue: await device.catalogue.toArray(),
  };
}

async function refused(text: string, receiver: RuntimeDb, device: DeviceDb): Promise<{ id: string; en: string }> {
  const before = await snapshotOf(receiver, device);
  const failure = await importCaseBundle(receiver, text, { device }).catch((e: unknown) => e);
  expect(failure, 'the import must be refused').toMatchObject({ code: 'bundle.invalid' });
  expect(await snapshotOf(receiver, device)).toEqual(before);
  return (failure as { localized: { id: string; en: string } }).localized;
}

const changeApplicant = (b: Bundle) => {
  for (const target of [b.events[0].fields, b.snapshot.fields]) {
    target.nama = 'Orang Lain';
    target.nik = '3510011203900001';
  }
};

describe('forged case bundles (issue 9, item 4)', () => {
  it('refuses a changed applicant name and NIK with the hash recomputed or re-signed by another key', async () => {
    const { receiver, receiverDevice, bundle } = await setUp();
    const message = await refused(await forge(bundle, changeApplicant, 'forger'), receiver, receiverDevice);
    expect(message.id).toContain('Tidak ada yang disimpan.');
    expect(message.en).toMatch(/not trusted on this device|signature is invalid|unsigned/);
    // The same change under the sender's signature (but the old signature kept) is an invalid signature.
    const tampered = structuredClone(bundle);
    changeApplicant(tampered);
    expect((await refused(JSON.stringify(tampered), receiver, receiverDevice)).en).toMatch(/signature is invalid|SHA-256 hash does not match/);
  });

  it('refuses an invalid NIK with markup, even signed by a trusted sender, and says where it is', async () => {
    const { sender, receiver, receiverDevice, bundle } = await setUp();
    const markup = (b: Bundle) => {
      for (const target of [b.events[0].fields, b.snapshot.fields]) target.nik = '<img src=x onerror=alert(1)>3510';
    };
    const message = await refused(await forge(bundle, markup, { sender: sender.device }), receiver, receiverDevice);
    expect(message.en).toContain('/events/0/fields/nik');
    expect(message.id).toContain('Peristiwa');
    expect(message.en).toContain('NIK');
  });

  it('refuses a forged SOP revision 7 with a new title; signed by a trusted sender it stays with its case and is never offered for new cases', async () => {
    const { sender, receiver, receiverDevice, bundle, caseId } = await setUp();
    const revision7 = (b: Bundle) =>
      replaceSop(b, (doc) => {
        doc.revision.number = 7;
        doc.identity.title = 'SOP palsu revisi 7';
      });
    await refused(await forge(bundle, revision7, 'forger'), receiver, receiverDevice);

    const offeredBefore = (await listOffered(receiverDevice)).map((r) => r.key);
    const summary = await importCaseBundle(receiver, await forge(bundle, revision7, { sender: sender.device }), { device: receiverDevice });
    expect(summary).toMatchObject({ caseId, sopAdded: true });
    expect(await receiver.sops.get('bwi-spm-online@7')).toBeDefined();
    expect((await listOffered(receiverDevice)).map((r) => r.key)).toEqual(offeredBefore);
    expect(await availabilityForNewCase(receiverDevice, 'bwi-spm-online@7')).toEqual({ offered: false, reason: 'missing' });
  });

  it('refuses a revision number the office already holds with other content', async () => {
    const { sender, receiver, receiverDevice, bundle } = await setUp();
    const retitled = (b: Bundle) => replaceSop(b, (doc) => void (doc.identity.title = 'Judul lain, nomor revisi sama'));
    const message = await refused(await forge(bundle, retitled, { sender: sender.device }), receiver, receiverDevice);
    expect(message.en).toContain('bwi-spm-online@1');
    expect(message.en).toContain('differs');
  });

  it('refuses identity.title as a number before it can reach any list', async () => {
    const { sender, receiver, receiverDevice, bundle } = await setUp();
    const numericTitle = (b: Bundle) => replaceSop(b, (doc) => void (doc.identity.title = 42));
    const message = await refused(await forge(bundle, numericTitle, { sender: sender.device }), receiver, receiverDevice);
    expect(message.en).toContain('/sop/doc/identity/title');
    expect(await receiver.sops.count()).toBe(0);
  });

  it('refuses a bundle nested too deep to walk as a refusal, not a storage failure', async () => {
    const { receiver, receiverDevice, bundle } = await setUp();
    const deep = JSON.stringify(bundle).replace(/"exportedAt":"[^"]*"/, `"exportedAt":${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const message = await refused(deep, receiver, receiverDevice);
    expect(message.id).toContain('Bundel kasus ditolak');
    expect(message.en).toContain('Nothing was saved.');
  });

  it('refuses a validly signed bundle from an untrusted device, naming its fingerprint', async () => {
    const { receiver, receiverDevice, bundle } = await setUp();
    await receiverDevice.trustedKeys.clear();
    const failure = await importCaseBundle(receiver, JSON.stringify(bundle), { device: receiverDevice }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ reason: 'untrusted', signer: { fingerprint: bundle.signer.keyId, person: { name: 'Petugas kantor-a' } } });
    const short = (bundle.signer.keyId as string).slice(0, 4).toUpperCase();
    expect((failure as { localized: { id: string } }).localized.id).toContain(short);
    expect(await receiver.cases.count()).toBe(0);
  });
});
