import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { sopContentHash } from '../../core/engine';
import { publishRevision } from '../../core/document';
import { storedSession, type DeviceDb } from '../../device';
import { scratchDeviceDb } from '../../device/testing';
import { loadSamples } from '../../samples';
import { signInToServer } from '../../ui/server/session';
import { FakeServer, type CookieJar } from '../../ui/server/testing/fakeServer';
import { openDesignerDb, SopRepository, type DesignerDatabase } from '../storage';
import { ServerPublisher } from './serverPublisher';

const SOP = 'lmj-01-ugb';
const PASSWORD = 'kata-sandi-uji';
const sample = (id: string) => structuredClone(loadSamples().find((d) => d.id === id)!);

const opened: (DesignerDatabase | DeviceDb)[] = [];
const publishers: ServerPublisher[] = [];
afterEach(async () => {
  for (const p of publishers.splice(0)) await p.stop();
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function fakeServer(): FakeServer {
  return new FakeServer()
    .addOffice({ id: 'dinsos', name: 'Dinas Sosial Kabupaten Lumajang', regionCode: '35.08', parentId: null, lanes: [] })
    .addUser({ id: 'u-sari', login: 'sari', name: 'Sari Penerbit', officeId: 'dinsos', positions: [], roles: ['drafter', 'publisher'] }, PASSWORD)
    .addUser({ id: 'u-dodi', login: 'dodi', name: 'Dodi Penyusun', officeId: 'dinsos', positions: [], roles: ['drafter'] }, PASSWORD);
}

/** One designer on one browser profile: its database, the device database it shares with the runtime, and a clock. */
async function designer(server: FakeServer, login: string | null) {
  const db = openDesignerDb({ name: `designer-server-${Date.now()}-${Math.random()}`, seed: () => [sample(SOP)] });
  const device = scratchDeviceDb('designer-server');
  opened.push(db, device);
  const repository = new SopRepository(db);
  const jar: CookieJar = {};
  const fetch = server.fetchFor(jar);
  if (login) {
    const signed = await signInToServer(device, { serverUrl: '', login, password: PASSWORD }, { fetch });
    if (!signed.ok) throw new Error(signed.message.en);
  }
  const clock = { now: Date.parse('2026-12-02T08:00:00Z') };
  const events = new EventTarget();
  const publisher = new ServerPublisher({ repository, device, fetch, now: () => clock.now, random: () => 1, events, pollMs: 60_000 });
  publishers.push(publisher);
  const publish = async (note: string, queueForServer = true) => {
    const loaded = (await repository.loadDraft(SOP))!;
    const outcome = publishRevision(loaded.doc, { note, date: '2026-12-02' });
    if (!outcome.ok) throw new Error('not publishable');
    await repository.publish({ doc: outcome.published, number: outcome.published.revision.number, note, publishedAt: '2026-12-02' }, outcome.nextDraft, loaded.summary.saveCount, { queueForServer });
    return outcome.published;
  };
  return { db, device, repository, jar, fetch, clock, events, publisher, publish };
}

const puts = (server: FakeServer) => server.requests.filter((r) => r.method === 'PUT' && r.path.startsWith('/sops/'));

describe('publishing from the designer to the server (Chromium IndexedDB, fake server)', () => {
  it('queues the revision in the publishing transaction and sends it with the CSRF token; the server holds it by content hash', async () => {
    const server = fakeServer();
    const d = await designer(server, 'sari');
    const doc = await d.publish('pertama');
    expect(await d.repository.serverPublication(SOP, 1)).toMatchObject({ state: 'pending', attempts: 0 });

    const after = await d.publisher.sendNow(SOP, 1);
    expect(after).toMatchObject({ state: 'sent', accepted: { sopId: SOP, revision: 1, contentHash: sopContentHash(doc) } });
    expect(server.heldRevision(SOP, 1)?.contentHash).toBe(sopContentHash(doc));
    expect(puts(server)).toEqual([expect.objectContaining({ path: `/sops/${SOP}/revisions/1`, login: 'sari' })]);
  });

  it('offline: the revision waits ("menunggu") with the reason, backs off, and goes when the network comes back', async () => {
    const server = fakeServer();
    const d = await designer(server, 'sari');
    await d.publish('pertama');
    server.failNext('PUT', /^\/sops\//, 'offline', 2);
    const waiting = await d.publisher.sendNow(SOP, 1);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: d.clock.now + 1000, lastProblem: { id: expect.stringContaining('tidak dapat dihubungi') } });

    // Not due yet: a pass sends nothing.
    await d.publisher.sendDue();
    expect((await d.repository.serverPublication(SOP, 1))?.attempts).toBe(1);
    d.clock.now += 1000;
    await d.publisher.sendDue();
    expect(await d.repository.serverPublication(SOP, 1)).toMatchObject({ state: 'pending', attempts: 2, nextAttemptAt: d.clock.now + 2000 });

    // `online` does not wait out the backoff.
    d.publisher.start();
    d.events.dispatchEvent(new Event('online'));
    await expect.poll(async () => (await d.repository.serverPublication(SOP, 1))?.state).toBe('sent');
    expect((await d.repository.serverPublication(SOP, 1))?.lastProblem).toBeUndefined();
  });

  it('a lost answer is harmless: sending again is answered 200 for the same content', async () => {
    const server = fakeServer();
    const d = await designer(server, 'sari');
    const doc = await d.publish('pertama');
    server.failNext('PUT', /^\/sops\//, 'lostAnswer');
    expect(await d.publisher.sendNow(SOP, 1)).toMatchObject({ state: 'pending' });
    expect(server.heldRevision(SOP, 1)?.contentHash).toBe(sopContentHash(doc));
    d.clock.now += 60_000;
    await d.publisher.sendDue();
    expect(await d.repository.serverPublication(SOP, 1)).toMatchObject({ state: 'sent', accepted: { contentHash: sopContentHash(doc) } });
    expect(puts(server)).toHaveLength(2);
  });

  it('a revision number the server holds with other content is refused (409) with the server’s bilingual reason', async () => {
    const server = fakeServer();
    const other = publishRevision(sample(SOP), { note: 'di perangkat lain', date: '2026-11-30' });
    if (!other.ok) throw new Error('not publishable');
    const elsewhere = structuredClone(other.published);
    elsewhere.identity.title = 'Judul dari perangkat lain';
    server.publish(elsewhere);
    const d = await designer(server, 'sari');
    await d.publish('pertama');
    const refused = await d.publisher.sendNow(SOP, 1);
    expect(refused).toMatchObject({
      state: 'refused',
      refusal: { status: 409, code: 'revision.conflict', message: { id: expect.stringContaining('Terbitkan sebagai revisi baru'), en: expect.stringContaining('Publish it as a new revision') } },
    });
    // Final: a later pass does not send it again.
    d.clock.now += 3600_000;
    await d.publisher.sendDue();
    expect(puts(server)).toHaveLength(1);
    expect(server.heldRevision(SOP, 1)?.document.identity.title).toBe('Judul dari perangkat lain');
  });

  it('without the publisher role nothing is sent; the revision waits and goes once a publisher signs in (here or in the runtime)', async () => {
    const server = fakeServer();
    const d = await designer(server, 'dodi');
    expect(await d.publisher.standing()).toMatchObject({ kind: 'notPublisher' });
    await d.publish('pertama');
    d.publisher.start();
    await d.publisher.sendDue();
    expect(puts(server)).toEqual([]);
    expect((await d.repository.serverPublication(SOP, 1))?.state).toBe('pending');

    // The account is shared through the device database, so a sign-in anywhere on this origin wakes the sender.
    const signed = await signInToServer(d.device, { serverUrl: '', login: 'sari', password: PASSWORD }, { fetch: d.fetch });
    expect(signed.ok).toBe(true);
    await expect.poll(async () => (await d.repository.serverPublication(SOP, 1))?.state).toBe('sent');
    expect(puts(server).map((r) => r.login)).toEqual(['sari']);
  });

  it('the server refuses a PUT without the CSRF token; a stale token is renewed through /me and the revision still goes', async () => {
    const server = fakeServer();
    const d = await designer(server, 'sari');
    const bare = await d.fetch(`/api/v1/sops/${SOP}/revisions/1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ document: sample(SOP) }) });
    expect(bare.status).toBe(403);
    expect((await bare.json()).error.code).toBe('csrf.invalid');

    const session = (await storedSession(d.device))!;
    await d.device.meta.put({ key: 'server.session', value: { ...session, csrfToken: 'stale' } });
    await d.publish('pertama');
    expect(await d.publisher.sendNow(SOP, 1)).toMatchObject({ state: 'sent' });
    expect((await storedSession(d.device))?.csrfToken).toBe(session.csrfToken);
  });

  it('a revision published earlier (before signing in) is sent when the drafter asks; the queue never holds it twice', async () => {
    const server = fakeServer();
    const d = await designer(server, null);
    await d.publish('sebelum masuk', false);
    expect(await d.repository.serverPublication(SOP, 1)).toBeUndefined();
    await signInToServer(d.device, { serverUrl: '', login: 'sari', password: PASSWORD }, { fetch: d.fetch });
    await d.repository.queueForServer(SOP, 1);
    await d.repository.queueForServer(SOP, 1);
    expect(await d.repository.pendingServerPublications()).toHaveLength(1);
    // Opening the designer again sends what waits.
    d.publisher.start();
    await expect.poll(async () => (await d.repository.serverPublication(SOP, 1))?.state).toBe('sent');
  });
});
