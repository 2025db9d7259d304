/**
 * Hostile case requests. Each test asserts the refusal and that nothing was
 * written (every row of every table the same, sessions aside: using one
 * renews it).
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PushResult } from '../core/sync/protocol';
import { setOfficeLanes } from './accounts/accountsService';
import { describeOnEachDatabase } from './testing/databases';
import { APPLICANT, asPush, completeCommand, pullAll, push, spmWorld, startCommand, type SpmWorld } from './testing/spmWorld';
import { makeOffice, makeUser, signIn, startTestServer, tableSnapshot, type TestServer } from './testing/testServer';

const INJECTIONS = [
  "Robert'); DROP TABLE cases;--",
  "' OR '1'='1",
  "x'; UPDATE case_events SET event = '{}' WHERE '1'='1",
  '$1 $$; DELETE FROM offices; $$',
  '\\\'; TRUNCATE case_events CASCADE; --',
];

describeOnEachDatabase('case security', (database) => {
  let server: TestServer;
  let world: SpmWorld;

  beforeEach(async () => {
    server = await startTestServer(database.db);
    world = await spmWorld(server);
    await push(world.clerks.desa, [asPush(startCommand('kasus-desa'), world.sop)]);
  });
  afterEach(async () => server?.close());

  async function expectNothingWritten(act: () => Promise<void>) {
    const before = await tableSnapshot(database.db, ['sessions']);
    await act();
    expect(await tableSnapshot(database.db, ['sessions'])).toBe(before);
  }

  function expectRejected(result: PushResult | undefined, code: string) {
    expect(result?.status).toBe('rejected');
    const { rejection } = result as Extract<PushResult, { status: 'rejected' }>;
    expect(rejection.code).toBe(code);
    expect(rejection.message.id).not.toBe(rejection.message.en);
  }

  it("another office cannot act on the case, nor learn its events by repeating a command id", async () => {
    const [started] = await pullAll(world.clerks.desa).then((p) => [p.events[0]!.event.commandId]);
    await expectNothingWritten(async () => {
      const [act] = await push(world.clerks.desaTetangga, [asPush(completeCommand('kasus-desa', 's1', 1, 'masyarakat-pemohon'))]);
      expectRejected(act, 'case.unknown');
      const [probe] = await push(world.clerks.desaTetangga, [asPush({ ...startCommand('kasus-desa'), id: started! }, world.sop)]);
      expectRejected(probe, 'case.unknown');
      // Lumajang plays the same lane as the next step, in another regency.
      const [far] = await push(world.clerks.dinkesLumajang, [asPush(completeCommand('kasus-desa', 's1', 1, 'masyarakat-pemohon'))]);
      expectRejected(far, 'case.unknown');
    });
  });

  it('another office reads nothing of the case: not its events, its files, nor (without a lane) its SOP revision', async () => {
    const file = Buffer.from('scan KTP');
    const hash = createHash('sha256').update(file).digest('hex');
    await world.clerks.desa.request('PUT', `/api/v1/attachments/${hash}`, file, { 'content-type': 'image/png' });
    const withFile = completeCommand('kasus-desa', 's1', 1, 'masyarakat-pemohon', { attachments: [{ id: 'f', name: 'ktp.png', type: 'image/png', size: file.length, sha256: hash }] });
    expect((await push(world.clerks.desa, [{ ...asPush(withFile), attachments: [hash] }]))[0]!.status).toBe('applied');
    const elsewhere = await makeOffice(server, { name: 'Kantor Lain', regionCode: '35.10.02', lanes: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }] });
    await makeUser(server, { officeId: elsewhere.id, login: 'lain' });
    const stranger = await signIn(server, 'lain');
    await expectNothingWritten(async () => {
      for (const clerk of [world.clerks.desaTetangga, world.clerks.dinkesLumajang, world.clerks.dinkes, stranger]) {
        expect((await pullAll(clerk)).events).toEqual([]);
        const got = await clerk.request('GET', `/api/v1/attachments/${hash}`);
        expect(got.statusCode).toBe(404);
      }
      const revision = await stranger.request('GET', `/api/v1/sops/${world.sop.id}/revisions/${world.sop.revision.number}`);
      expect(revision.statusCode).toBe(403);
      expect(revision.json().error.code).toBe('revision.forbidden');
    });
  });

  it('an office that holds a case still reads its revision after losing its lanes', async () => {
    await setOfficeLanes(database.db, world.offices.desa.id, []);
    const response = await world.clerks.desa.request('GET', `/api/v1/sops/${world.sop.id}/revisions/${world.sop.revision.number}`);
    expect(response.statusCode).toBe(200);
  });

  it('a clerk cannot act as a lane they do not hold, claimed or not', async () => {
    // A village clerk who only verifies data (desa-kelurahan), not the applicant's intake (masyarakat-pemohon).
    await makeUser(server, { officeId: world.offices.desa.id, login: 'verifikator', positions: [{ sopId: world.sop.id, actorId: 'desa-kelurahan' }] });
    const verifikator = await signIn(server, 'verifikator');
    await expectNothingWritten(async () => {
      expectRejected((await push(verifikator, [asPush(completeCommand('kasus-desa', 's1', 1, 'masyarakat-pemohon'))]))[0], 'lane.forbidden');
      expectRejected((await push(verifikator, [asPush(completeCommand('kasus-desa', 's1', 1, 'desa-kelurahan'))]))[0], 'lane.forbidden');
      const unclaimed = completeCommand('kasus-desa', 's1', 1, 'x');
      delete (unclaimed as { by?: unknown }).by;
      expectRejected((await push(verifikator, [asPush(unclaimed)]))[0], 'lane.forbidden');
      // Nor start a case as the applicant's lane.
      expectRejected((await push(verifikator, [asPush(startCommand('kasus-baru'), world.sop)]))[0], 'lane.forbidden');
      // The Kecamatan clerk claims the village's lane: not theirs either.
      expectRejected((await push(world.clerks.kecamatan, [asPush(completeCommand('kasus-desa', 's1', 1, 'desa-kelurahan'))]))[0], 'case.unknown');
    });
  });

  it('stores SQL injection strings in case fields verbatim', async () => {
    for (const [i, text] of INJECTIONS.entries()) {
      const [result] = await push(world.clerks.desa, [asPush(startCommand(`kasus-${i}`, { fields: { ...APPLICANT, nama: text.trim(), alamat: text } }), world.sop)]);
      expect(result!.status, JSON.stringify(result)).toBe('applied');
    }
    const { events } = await pullAll(world.clerks.desa);
    for (const [i, text] of INJECTIONS.entries()) {
      const started = events.find((e) => e.caseId === `kasus-${i}` && e.event.type === 'case.started')!.event as { fields: Record<string, unknown> };
      expect(started.fields).toMatchObject({ nama: text.trim(), alamat: text });
    }
    const tables = await database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`);
    expect(tables.rows[0]!.n).toBe(INJECTIONS.length + 1);
  });
});
