import { afterEach, beforeEach, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../core/sync/protocol';
import { publishedSample } from '../testing/sopFixtures';
import { describeOnEachDatabase } from '../testing/databases';
import { SPM, asPush, completeCommand, push, spmWorld, startCommand, type SpmWorld } from '../testing/spmWorld';
import { listUsers } from '../accounts/accountsRepo';
import { setOfficeLanes, setUserDisabled, updateUser } from '../accounts/accountsService';
import { makeOffice, makeUser, signIn, startTestServer, type Browser, type TestServer } from '../testing/testServer';

interface OpenStream {
  text: () => string;
  /** True once the server ended the response. */
  ended: () => boolean;
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
  close: () => void;
}

describeOnEachDatabase('sync stream', (database) => {
  let server: TestServer;
  let world: SpmWorld;
  let baseUrl: string;
  const streams: OpenStream[] = [];

  beforeEach(async () => {
    server = await startTestServer(database.db, { app: { heartbeatMs: 200 } });
    world = await spmWorld(server);
    baseUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await server?.close();
  });

  async function open(clerk: Browser, at = baseUrl): Promise<OpenStream> {
    const abort = new AbortController();
    const response = await fetch(`${at}/api/v1/sync/stream`, { headers: { cookie: `${SESSION_COOKIE}=${clerk.cookie}` }, signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let text = '';
    let ended = false;
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            ended = true;
            return;
          }
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted
      }
    })();
    const stream: OpenStream = {
      text: () => text,
      ended: () => ended,
      waitFor: async (pattern, ms = 10_000) => {
        const until = Date.now() + ms;
        while (!pattern.test(text)) {
          if (Date.now() > until) throw new Error(`no ${pattern} in stream: ${JSON.stringify(text)}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      },
      close: () => abort.abort(),
    };
    streams.push(stream);
    await stream.waitFor(/: connected\n\nevent: changed\ndata: \{"cursor":null\}\n\n/);
    return stream;
  }

  it('tells an office when a case it may see changed, and no one else; heartbeats keep it open', async () => {
    const desa = await open(world.clerks.desa);
    const dinkes = await open(world.clerks.dinkes);
    const lumajang = await open(world.clerks.dinkesLumajang);
    // Each stream opened with one `changed` (pull now: notices may have been missed while disconnected).
    await push(world.clerks.desa, [asPush(startCommand('kasus-1'), world.sop)]);
    await desa.waitFor(/event: changed\ndata: \{"cursor":"\d+:\d+"\}/);
    await push(world.clerks.desa, [asPush(completeCommand('kasus-1', 's1', 1, 'masyarakat-pemohon'))]);
    await push(world.clerks.desa, [asPush(completeCommand('kasus-1', 's2', 2, 'desa-kelurahan'))]);
    // The case reached Dinas Kesehatan Banyuwangi's lane: now it hears of it.
    await dinkes.waitFor(/event: changed[\s\S]*event: changed\ndata: \{"cursor":"\d+:\d+"\}/);
    await lumajang.waitFor(/: heartbeat/);
    expect(lumajang.text().match(/event: changed/g)).toHaveLength(1);
    expect(dinkes.text().match(/event: changed/g)).toHaveLength(2);
  });

  const SIGNED_OUT = /event: signedOut\ndata: \{"code":"session\.invalid","message":\{"id":"Sesi tidak berlaku[^"]*","en":"The session is invalid[^"]*"\}\}\n\n$/;

  async function waitUntilEnded(stream: OpenStream): Promise<void> {
    await expect.poll(stream.ended, { timeout: 10_000 }).toBe(true);
  }

  it('ends the stream at the next heartbeat once the user signed out, saying so', async () => {
    const desa = await open(world.clerks.desa);
    await desa.waitFor(/: heartbeat/);
    expect((await world.clerks.desa.request('DELETE', '/api/v1/session')).statusCode).toBe(204);
    await desa.waitFor(SIGNED_OUT);
    await waitUntilEnded(desa);
  });

  it('ends the stream once the session expired, though the stream itself kept it busy', async () => {
    const desa = await open(world.clerks.desa);
    await desa.waitFor(/: heartbeat/);
    // Idle expiry is 12 hours; the stream's own heartbeats are not the clerk's activity and do not renew it.
    server.advance(12 * 3600_000);
    await desa.waitFor(SIGNED_OUT);
    await waitUntilEnded(desa);
    expect((await world.clerks.desa.request('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('ends the stream when an administrator disables the user', async () => {
    const desa = await open(world.clerks.desa);
    const rina = (await listUsers(database.db)).find((u) => u.login === 'rina')!;
    await setUserDisabled(database.db, rina.id, true, server.ctx.now());
    await desa.waitFor(SIGNED_OUT);
    await waitUntilEnded(desa);
  });

  it('checks the session before passing a notice on, not only at the heartbeat', async () => {
    // A second server process on the same database, with a heartbeat too slow to matter here.
    const quiet = await startTestServer(database.db, { app: { heartbeatMs: 3_600_000 } });
    try {
      const quietUrl = await quiet.app.listen({ host: '127.0.0.1', port: 0 });
      await makeUser(server, { officeId: world.offices.desa.id, login: 'sekdes', positions: [{ sopId: SPM, actorId: 'masyarakat-pemohon' }] });
      const sekdes = await signIn(server, 'sekdes');
      const stream = await open(sekdes, quietUrl);
      await push(world.clerks.desa, [asPush(startCommand('kasus-1'), world.sop)]);
      await stream.waitFor(/event: changed\ndata: \{"cursor":"\d+:\d+"\}/);

      expect((await sekdes.request('DELETE', '/api/v1/session')).statusCode).toBe(204);
      await push(world.clerks.desa, [asPush(completeCommand('kasus-1', 's1', 1, 'masyarakat-pemohon'))]);
      await stream.waitFor(SIGNED_OUT);
      await waitUntilEnded(stream);
      expect(stream.text().match(/event: changed/g)).toHaveLength(2);
    } finally {
      for (const stream of streams.splice(0)) stream.close();
      await quiet.close();
    }
  });

  it('refuses a stream without a session', async () => {
    const response = await fetch(`${baseUrl}/api/v1/sync/stream`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('session.required');
  });

  it('tells the offices with a lane in an SOP that a revision of it was published, and no one else', async () => {
    const desa = await open(world.clerks.desa);
    const dinkes = await open(world.clerks.dinkes);
    // An office that plays a lane in another SOP only.
    const elsewhere = await makeOffice(server, { name: 'Dinas Sosial Lumajang', regionCode: '35.08', lanes: [{ sopId: 'lmj-16-spm', actorId: 'pengelola' }] });
    await makeUser(server, { officeId: elsewhere.id, login: 'lina', positions: elsewhere.lanes });
    const lumajang = await open(await signIn(server, 'lina'));
    // Every stream opens with a `catalogue` too: publications may have been missed while it was away.
    for (const stream of [desa, dinkes, lumajang]) await stream.waitFor(/event: catalogue\ndata: \{\}\n\n/);

    const next = publishedSample(world.sop.id, (d) => Object.assign(d, { revision: world.sop.revision }), '2026-12-02');
    const publisher = await signIn(server, 'penerbit');
    const url = `/api/v1/sops/${next.id}/revisions/${next.revision.number}`;
    expect((await publisher.request('PUT', url, { document: next })).statusCode).toBe(201);
    const notice = `event: catalogue\ndata: {"sopId":"${next.id}","revision":${next.revision.number}}\n\n`;
    await expect.poll(() => desa.text().includes(notice)).toBe(true);
    await expect.poll(() => dinkes.text().includes(notice)).toBe(true);

    // Republishing the same content (a retried upload) publishes nothing new and tells no one again.
    expect((await publisher.request('PUT', url, { document: next })).statusCode).toBe(200);
    const heard = [desa, dinkes, lumajang].map((stream) => stream.text().length);
    await expect.poll(() => [desa, dinkes, lumajang].every((stream, i) => stream.text().slice(heard[i]).includes(': heartbeat'))).toBe(true);
    expect(lumajang.text().match(/event: catalogue/g)).toHaveLength(1);
    for (const stream of [desa, dinkes]) {
      expect(stream.text().match(/event: catalogue/g)).toHaveLength(2);
      expect(stream.text().split(notice)).toHaveLength(2);
    }
  });
  it("tells an office at once when its lanes or a user's positions change: its devices read the catalogue and sync again", async () => {
    const office = await makeOffice(server, { name: 'Puskesmas Genteng', regionCode: '35.10', lanes: [] });
    const user = await makeUser(server, { officeId: office.id, login: 'gita', positions: [] });
    const gita = await open(await signIn(server, 'gita'));
    const desa = await open(world.clerks.desa);
    const opened = /^(?:retry: 3000\n: connected\n\n)?event: changed\ndata: \{"cursor":null\}\n\nevent: catalogue\ndata: \{\}\n\n/;
    await expect.poll(() => opened.test(gita.text())).toBe(true);
    const before = gita.text().length;
    const desaBefore = desa.text().length;

    const lanes = [{ sopId: SPM, actorId: 'kecamatan' }];
    await setOfficeLanes(server.ctx.db, office.id, lanes);
    await expect.poll(() => gita.text().slice(before)).toMatch(/event: catalogue\ndata: \{\}\n\n/);
    expect(gita.text().slice(before)).toMatch(/event: changed\ndata: \{"cursor":null\}\n\n/);

    const afterLanes = gita.text().length;
    await updateUser(server.ctx.db, user.id, { positions: lanes });
    await expect.poll(() => gita.text().slice(afterLanes)).toMatch(/event: catalogue\ndata: \{\}\n\n/);
    // Another office hears nothing of it.
    await expect.poll(() => desa.text().slice(desaBefore).includes(': heartbeat')).toBe(true);
    expect(desa.text().slice(desaBefore)).not.toMatch(/event: (catalogue|changed)/);
  });
});
