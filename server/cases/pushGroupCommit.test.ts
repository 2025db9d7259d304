/**
 * Group commit: pushes that queue while another is being written go together, and each is answered as if it
 * had had a transaction of its own.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PushResult } from '../../core/sync/protocol';
import { officeLanes } from '../accounts/accountsRepo';
import type { Db, Queryable } from '../db/db';
import { describeOnEachDatabase } from '../testing/databases';
import { deferred } from '../testing/deferred';
import { asPush, completeCommand, push, spmWorld, startCommand, type SpmWorld } from '../testing/spmWorld';
import { startTestServer, type Browser, type TestServer } from '../testing/testServer';
import type { Pusher } from './pushCommands';
import { PushGroupCommit, ServerBusy } from './pushGroupCommit';
import { SopDocuments } from './sopDocuments';

describeOnEachDatabase('push group commit', (database) => {
  let server: TestServer;
  let world: SpmWorld;

  beforeEach(async () => {
    server = await startTestServer(database.db);
    world = await spmWorld(server);
  });
  afterEach(async () => server?.close());

  const pusher = async (clerk: Browser, deviceId: string): Promise<Pusher> => {
    const { user, office } = clerk.session;
    return { user, office: { ...office, lanes: await officeLanes(database.db, office.id) }, deviceId };
  };

  /** A database whose first transaction waits for `release` before it starts (so later pushes queue). */
  function firstTransactionHeld(db: Db) {
    const release = deferred();
    let first = true;
    const held: Db = {
      ...db,
      transaction: async (work) => {
        if (first) {
          first = false;
          await release.promise;
        }
        return db.transaction(work);
      },
    };
    return { db: held, release: release.resolve };
  }

  it('writes the pushes that queued meanwhile in one transaction, each command under its own user and office', async () => {
    const { db, release } = firstTransactionHeld(database.db);
    const group = new PushGroupCommit({ db, sops: new SopDocuments(), now: server.ctx.now }, { maxInFlight: 1 });
    const desa = await pusher(world.clerks.desa, 'tablet-desa');
    const tetangga = await pusher(world.clerks.desaTetangga, 'tablet-tetangga');

    const first = group.push(desa, [asPush(startCommand('kasus-1'), world.sop)]);
    const second = group.push(desa, [asPush(startCommand('kasus-2'), world.sop)]);
    const third = group.push(tetangga, [asPush(startCommand('kasus-3'), world.sop)]);
    release();
    const answers = await Promise.all([first, second, third]);

    expect(answers.map((results) => results.map((r) => r.status))).toEqual([['applied'], ['applied'], ['applied']]);
    expect(group.stats).toEqual({ pushes: 3, transactions: 2, largestGroup: 2, refused: 0 });
    const rows = await database.db.query<{ case_id: string; xid: string; user_id: string; office_id: string; device_id: string }>(
      `SELECT e.case_id, e.xid::text AS xid, e.user_id::text AS user_id, e.office_id::text AS office_id, p.device_id
         FROM case_events e JOIN processed_commands p ON p.command_id = e.command_id ORDER BY e.case_id`,
    );
    const byCase = Object.fromEntries(rows.rows.map((r) => [r.case_id, r]));
    expect(byCase['kasus-2']!.xid).toBe(byCase['kasus-3']!.xid);
    expect(byCase['kasus-1']!.xid).not.toBe(byCase['kasus-2']!.xid);
    expect(byCase['kasus-2']).toMatchObject({ user_id: desa.user.id, office_id: desa.office.id, device_id: 'tablet-desa' });
    expect(byCase['kasus-3']).toMatchObject({ user_id: tetangga.user.id, office_id: tetangga.office.id, device_id: 'tablet-tetangga' });
    // Each case records who took it, whatever push it shared a transaction with.
    const started = (answers[2]![0] as Extract<PushResult, { events: unknown }>).events[0]!;
    expect(started.by?.person).toMatchObject({ id: tetangga.user.id, office: 'Kantor Desa Olehsari' });
  });

  it('decides a group in arrival order: a later push on the same case is stale, as it would be alone', async () => {
    const { db, release } = firstTransactionHeld(database.db);
    const group = new PushGroupCommit({ db, sops: new SopDocuments(), now: server.ctx.now }, { maxInFlight: 1 });
    const desa = await pusher(world.clerks.desa, 'tablet-a');
    const desaAgain = await pusher(world.clerks.desa, 'tablet-b');
    expect((await push(world.clerks.desa, [asPush(startCommand('kasus-1'), world.sop)]))[0]!.status).toBe('applied');

    const blocker = group.push(desa, [asPush(startCommand('kasus-penahan'), world.sop)]);
    const a = group.push(desa, [asPush(completeCommand('kasus-1', 's1', 1, 'masyarakat-pemohon'))]);
    const b = group.push(desaAgain, [asPush(completeCommand('kasus-1', 's1', 1, 'masyarakat-pemohon'))]);
    release();
    await blocker;
    const [[fromA], [fromB]] = await Promise.all([a, b]);
    expect(fromA!.status).toBe('applied');
    expect(fromB).toMatchObject({ status: 'stale' });
    expect((fromB as Extract<PushResult, { events: unknown }>).events.map((e) => e.id)).toEqual((fromA as Extract<PushResult, { events: unknown }>).events.map((e) => e.id));
  });

  it('does not tell another office about a command id taken earlier in the same group on a case it may not see', async () => {
    const { db, release } = firstTransactionHeld(database.db);
    const group = new PushGroupCommit({ db, sops: new SopDocuments(), now: server.ctx.now }, { maxInFlight: 1 });
    const desa = await pusher(world.clerks.desa, 'tablet-desa');
    const lumajang = await pusher(world.clerks.dinkesLumajang, 'tablet-lumajang');
    const blocker = group.push(desa, [asPush(startCommand('kasus-penahan'), world.sop)]);
    const start = startCommand('kasus-rahasia');
    const mine = group.push(desa, [asPush(start, world.sop)]);
    const probe = group.push(lumajang, [asPush({ ...completeCommand('kasus-rahasia', 's1', 1, 'dinas-kesehatan'), id: start.id })]);
    release();
    await blocker;
    expect((await mine)[0]!.status).toBe('applied');
    const [answer] = await probe;
    expect(answer).toMatchObject({ status: 'rejected', rejection: { code: 'case.unknown' } });
    expect(JSON.stringify(answer)).not.toContain('Siti Rohmah');
  });

  it('refuses a push at once, writing nothing, when more commands wait than it takes', async () => {
    const { db, release } = firstTransactionHeld(database.db);
    const group = new PushGroupCommit({ db, sops: new SopDocuments(), now: server.ctx.now }, { maxInFlight: 1, maxQueuedCommands: 2 });
    const desa = await pusher(world.clerks.desa, 'tablet-desa');
    const blocker = group.push(desa, [asPush(startCommand('kasus-penahan'), world.sop)]);
    const waiting = [group.push(desa, [asPush(startCommand('kasus-1'), world.sop)]), group.push(desa, [asPush(startCommand('kasus-2'), world.sop)])];
    await expect(group.push(desa, [asPush(startCommand('kasus-ditolak'), world.sop)])).rejects.toBeInstanceOf(ServerBusy);
    release();
    await blocker;
    for (const answer of await Promise.all(waiting)) expect(answer[0]!.status).toBe('applied');
    expect(group.stats.refused).toBe(1);
    const cases = await database.db.query<{ id: string }>('SELECT id FROM cases ORDER BY id');
    expect(cases.rows.map((r) => r.id)).toEqual(['kasus-1', 'kasus-2', 'kasus-penahan']);
    // Drained, it takes pushes again.
    expect((await group.push(desa, [asPush(startCommand('kasus-3'), world.sop)]))[0]!.status).toBe('applied');
  });

  it('answers every other push of a group when one of them cannot be written, and writes nothing of the failed one', async () => {
    // A database that refuses to write one case (as a constraint would refuse bad data).
    const refusing: Db = {
      ...database.db,
      transaction: (work) =>
        database.db.transaction((tx) => {
          const guarded: Queryable = {
            ...tx,
            query: (sql, params) => {
              if (sql.includes('sync_push_write') && String(params?.[0]).includes('kasus-rusak')) return Promise.reject(Object.assign(new Error('value too long'), { code: '22001' }));
              return tx.query(sql, params);
            },
          };
          return work(guarded);
        }),
    };
    const { db, release } = firstTransactionHeld(refusing);
    const group = new PushGroupCommit({ db, sops: new SopDocuments(), now: server.ctx.now }, { maxInFlight: 1 });
    const desa = await pusher(world.clerks.desa, 'tablet-desa');
    const blocker = group.push(desa, [asPush(startCommand('kasus-penahan'), world.sop)]);
    const good = group.push(desa, [asPush(startCommand('kasus-baik'), world.sop)]);
    const bad = group.push(desa, [asPush(startCommand('kasus-rusak'), world.sop)]);
    const alsoGood = group.push(desa, [asPush(startCommand('kasus-baik-2'), world.sop)]);
    release();
    await blocker;
    expect((await good)[0]!.status).toBe('applied');
    await expect(bad).rejects.toThrow('value too long');
    expect((await alsoGood)[0]!.status).toBe('applied');
    const cases = await database.db.query<{ id: string }>('SELECT id FROM cases ORDER BY id');
    expect(cases.rows.map((r) => r.id)).toEqual(['kasus-baik', 'kasus-baik-2', 'kasus-penahan']);
  });
});
