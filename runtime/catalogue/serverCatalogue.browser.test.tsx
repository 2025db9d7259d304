// Which SOPs start a case on a device signed in to a server: the server's revisions for the office, never the
// bundled samples (which the server would refuse), while cases started on a sample before stay readable and the
// samples stay available, as examples, in the trial sandbox. In Chromium, against the in-memory server.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { seedCatalogue } from '../../device';
import { loadSamples } from '../../samples/index';
import { I18nProvider } from '../../ui/i18n';
import { App } from '../App';
import type { RuntimeDb } from '../storage/db';
import { deviceDbFor } from '../storage/deviceDbFor';
import { startCase, storeSopRevision } from '../storage/repository';
import { linkOffering, sampleDoc, scratchDb } from '../storage/testing';
import { signIn } from '../sync/session';
import { SyncClient } from '../sync/syncClient';
import type { TransportOptions } from '../sync/transport';
import { PASSWORD, SERVER_URL, SOP_ID, twoOfficeServer } from '../sync/testing/world';
import { deviceCatalogue, trialCatalogue } from './runtimeCatalogue';

const SPM_TITLE = 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine';
const APPLICANT = { nama: 'Siti Aminah', nik: '3510015205850002' };
const opened: RuntimeDb[] = [];

beforeEach(() => {
  window.location.hash = '';
});
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
    await Dexie.delete(`${db.name}.device`);
  }
  window.location.hash = '';
});

/** A device as it is on first run: the bundled samples in its catalogue. */
async function freshDevice(label: string) {
  const db = scratchDb(label);
  opened.push(db);
  const device = deviceDbFor(db);
  await seedCatalogue(device, loadSamples());
  return { db, device };
}

/** The fake server with a Lumajang office that plays a lane in Lumajang's SPM only, which is published there too. */
function serverWithLumajang() {
  return twoOfficeServer()
    .addOffice({ id: 'dinsos-lumajang', name: 'Dinas Sosial Kabupaten Lumajang', regionCode: '35.08', parentId: null, lanes: [{ sopId: 'lmj-16-spm', actorId: 'pengelola' }] })
    .addUser({ id: 'u-lina', login: 'lina', name: 'Lina Petugas', officeId: 'dinsos-lumajang', positions: [{ sopId: 'lmj-16-spm', actorId: 'pengelola' }] }, PASSWORD)
    .publish(sampleDoc('lmj-16-spm'));
}

describe('what a device offers for new cases', () => {
  it('without a server: every published sample, each marked as an example', async () => {
    const { db, device } = await freshDevice('local');
    const offered = deviceCatalogue(device, db);
    expect(await offered.offering()).toEqual({ from: 'device' });
    const items = await offered.listOffered();
    expect(items.length).toBe(loadSamples().filter((d) => d.revision.status === 'published').length);
    expect(items.every((item) => item.example)).toBe(true);
    expect(await offered.availability(`${SOP_ID}@1`)).toEqual({ offered: true });
  });

  it('linked: nothing until the server\'s catalogue is read, then only what the server offers the office, never a sample', async () => {
    const server = serverWithLumajang();
    const { db, device } = await freshDevice('linked');
    const jar = {};
    const transport = { fetch: server.fetchFor(jar), openStream: server.openStreamFor(jar) };
    const signedIn = await signIn(db, device, { serverUrl: SERVER_URL, login: 'lina', password: PASSWORD }, transport);
    expect(signedIn.ok).toBe(true);
    const offered = deviceCatalogue(device, db);
    expect(await offered.offering()).toEqual({ from: 'server', read: false });
    expect(await offered.listOffered()).toEqual([]);

    await new SyncClient({ db, device, ...transport, isOnline: () => true }).syncOnce();
    expect(await offered.offering()).toEqual({ from: 'server', read: true });
    // Lumajang's SPM is the server's revision (the same content as the sample): offered, and no longer an example.
    const items = await offered.listOffered();
    expect(items.map((item) => [item.key, item.example ?? false])).toEqual([['lmj-16-spm@1', false]]);
    // The Banyuwangi SPM is a sample here, and the office has no lane in it: no case starts on it.
    expect(await offered.availability(`${SOP_ID}@1`)).toEqual({ offered: false, reason: 'notFromServer' });
    const refused = await startCase(db, { sopKey: (await storeSopRevision(db, sampleDoc(SOP_ID))).key, fields: APPLICANT });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.rejection.code).toBe('sop.notFromServer');
    expect(!refused.ok && refused.rejection.message.id).toMatch(/^Revisi SOP ini tidak berasal dari server\./);
    expect([await db.cases.count(), await db.events.count(), await db.outbox.count()]).toEqual([0, 0, 0]);
  });

  it('linked: the server\'s revision with the content of a sample is offered and starts a synced case; other samples do not', async () => {
    const server = twoOfficeServer();
    const { db, device } = await freshDevice('same-content');
    // The server published the SPM sample itself as revision 1.
    const jar = {};
    const transport = { fetch: server.fetchFor(jar), openStream: server.openStreamFor(jar) };
    await signIn(db, device, { serverUrl: SERVER_URL, login: 'rina', password: PASSWORD }, transport);
    await new SyncClient({ db, device, ...transport, isOnline: () => true }).syncOnce();
    const offered = deviceCatalogue(device, db);
    expect((await offered.listOffered()).map((item) => item.key)).toEqual([`${SOP_ID}@1`]);
    expect(await offered.availability(`${SOP_ID}@1`)).toEqual({ offered: true });
    expect(await offered.availability('lmj-16-spm@1')).toEqual({ offered: false, reason: 'notFromServer' });
    const started = await startCase(db, { sopKey: (await storeSopRevision(db, sampleDoc(SOP_ID))).key, fields: APPLICANT, by: { actorId: 'masyarakat-pemohon' } });
    expect(started.ok).toBe(true);
    expect(await db.outbox.count()).toBe(1);
  });

  it('a catalogue read from another server lets no case start once the device is linked elsewhere', async () => {
    const { db } = await freshDevice('other-server');
    const doc = sampleDoc(SOP_ID);
    await storeSopRevision(db, doc);
    await linkOffering(db, 'https://sop.lumajangkab.go.id', [doc]);
    const { setServerLink } = await import('../storage/outbox');
    await setServerLink(db, SERVER_URL);
    const refused = await startCase(db, { sopKey: `${SOP_ID}@1`, fields: APPLICANT });
    expect(!refused.ok && refused.rejection.code).toBe('sop.notFromServer');
    await linkOffering(db, SERVER_URL, [doc]);
    expect((await startCase(db, { sopKey: `${SOP_ID}@1`, fields: APPLICANT })).ok).toBe(true);
  });

  it('in the trial sandbox: the drafts sent from the designer, then every published sample as an example', async () => {
    const db = scratchDb('sandbox');
    opened.push(db);
    const draft = sampleDoc('lmj-01-ugb');
    await storeSopRevision(db, draft, { trial: true });
    const items = await trialCatalogue(db).listOffered();
    expect(items[0]).toMatchObject({ sopId: 'lmj-01-ugb', trial: true });
    expect(items[0]!.example).toBeUndefined();
    expect(items.slice(1).every((item) => item.example && !item.trial)).toBe(true);
    expect(items.some((item) => item.key === `${SOP_ID}@1`)).toBe(true);
  });
});

describe('the clerk\'s screens on a linked device (whole app)', () => {
  function mount(db: RuntimeDb, sync: TransportOptions | false, options: { trial?: boolean } = {}) {
    return render(
      <I18nProvider initialLang="id" persist={false}>
        <App db={db} sync={sync} {...(options.trial ? { trial: true, seed: false } : {})} />
      </I18nProvider>,
    );
  }

  it('offers no way to start a case on a sample, says why, and keeps a case started on it before the link readable', async () => {
    const server = serverWithLumajang();
    const { db, device } = await freshDevice('screens');
    // Before the device was linked, a case was started on the bundled SPM sample (trying the app out).
    const before = await startCase(db, { sopKey: (await storeSopRevision(db, sampleDoc(SOP_ID))).key, fields: APPLICANT });
    if (!before.ok) throw new Error(before.rejection.message.en);
    const jar = {};
    const sync = { fetch: server.fetchFor(jar), openStream: server.openStreamFor(jar) };
    await signIn(db, device, { serverUrl: SERVER_URL, login: 'lina', password: PASSWORD }, sync);

    window.location.hash = '#/';
    const screen = await mount(db, sync);
    await expect.element(screen.getByRole('note')).toHaveTextContent('Perangkat ini tertaut ke server. Kasus baru hanya dapat dimulai pada SOP yang diterbitkan server untuk kantor Anda.');
    // Lumajang's SPM, from the server, is the only SOP offered; the bundled samples are not.
    await expect.element(screen.getByRole('link', { name: 'Mulai kasus: SOP PENERBITAN SURAT PERNYATAAN MISKIN (SPM)' })).toBeVisible();
    expect(screen.getByRole('link', { name: /^Mulai kasus: / }).elements()).toHaveLength(1);
    expect(screen.getByRole('link', { name: `Mulai kasus: ${SPM_TITLE}` }).query()).toBeNull();
    expect(screen.getByText('Contoh', { exact: true }).query()).toBeNull();
    await expect.element(screen.getByRole('link', { name: 'Coba contoh SOP bawaan di ruang uji coba' })).toHaveAttribute('href', '?uji-coba=1#/');

    // The sample's start page, reached by an old link: refused, with the way to the examples.
    window.location.hash = `#/sop/${encodeURIComponent(`${SOP_ID}@1`)}/mulai`;
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/^Revisi 1 SOP ini tidak berasal dari server\./);
    expect(screen.getByRole('button', { name: 'Mulai kasus' }).query()).toBeNull();

    // The case from before the link still opens, on the revision it pinned.
    window.location.hash = `#/kasus/${before.state.id}`;
    await expect.element(screen.getByRole('heading', { level: 2, name: 'Kasus Siti Aminah' })).toBeVisible();
    await screen.unmount();
  });

  it('the trial sandbox starts a case on a bundled example', async () => {
    const sandbox = scratchDb('sandbox-app');
    opened.push(sandbox);
    window.location.hash = `#/sop/${encodeURIComponent(`${SOP_ID}@1`)}/mulai`;
    const screen = await mount(sandbox, false, { trial: true });
    await screen.getByLabelText('Nama pemohon').fill('Siti Aminah');
    await screen.getByLabelText('NIK pemohon').fill(APPLICANT.nik);
    await screen.getByRole('button', { name: 'Mulai kasus' }).click();
    await expect.element(screen.getByRole('heading', { level: 2, name: 'Kasus Siti Aminah' })).toBeVisible();
    expect(await sandbox.cases.count()).toBe(1);
    await screen.unmount();
  });
});
