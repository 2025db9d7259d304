/**
 * The pull cursor against transactions that commit out of order, on real
 * PostgreSQL (PGlite runs one transaction at a time, so it cannot interleave).
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { officeLanes } from '../accounts/accountsRepo';
import type { Db } from '../db/db';
import { describeOnEachDatabase } from '../testing/databases';
import { deferred } from '../testing/deferred';
import { asPush, idsOf, pullAll, pullPage, push, spmWorld, startCommand, type SpmWorld } from '../testing/spmWorld';
import { startTestServer, type TestServer } from '../testing/testServer';
import { pushCommands } from './pushCommands';
import { SopDocuments } from './sopDocuments';

describeOnEachDatabase('pull feed', (database) => {
  let server: TestServer;
  let world: SpmWorld;

  beforeEach(async () => {
    server = await startTestServer(database.db);
    world = await spmWorld(server);
  });
  afterEach(async () => server?.close());

  it.runIf(database.kind === 'postgres')('never skips a transaction that started first and committed last', async () => {
    const db = database.db;
    const wrote = deferred();
    const commit = deferred();
    // Transaction A: its work is done (rows inserted) but it waits before committing.
    const holding: Db = {
      ...db,
      transaction: (work) =>
        db.transaction(async (tx) => {
          const result = await work(tx);
          wrote.resolve();
          await commit.promise;
          return result;
        }),
    };
    const { user, office } = world.clerks.desa.session;
    const who = { user, office: { ...office, lanes: await officeLanes(db, office.id) }, deviceId: 'device-a' };
    const a = pushCommands({ db: holding, sops: new SopDocuments(), now: server.ctx.now }, who, [asPush(startCommand('kasus-a'), world.sop)]);
    await wrote.promise;

    // Transaction B starts after A, inserts and commits first.
    const [b] = await push(world.clerks.desa, [asPush(startCommand('kasus-b'), world.sop)]);
    expect(b!.status).toBe('applied');
    const xids = await db.query<{ case_id: string; xid: string }>('SELECT DISTINCT case_id, xid::text FROM case_events');
    expect(xids.rows.map((r) => r.case_id)).toEqual(['kasus-b']); // A's rows are not visible yet

    // A pull now must not move past A: B's rows wait behind the still-running A.
    const during = await pullPage(world.clerks.desa, '');
    expect(during).toEqual({ events: [], cursor: '', more: false });

    commit.resolve();
    const [applied] = await a;
    expect(applied!.status).toBe('applied');
    const after = await pullAll(world.clerks.desa, during.cursor);
    const cases = after.events.map((e) => e.caseId);
    expect(new Set(cases)).toEqual(new Set(['kasus-a', 'kasus-b']));
    // In transaction order: A (the older transaction id) first, although it committed last.
    expect(cases.indexOf('kasus-a')).toBeLessThan(cases.indexOf('kasus-b'));
    expect(idsOf(after.events).length).toBe(4);
  });

  it('reads a whole page on one connection from the pool, however many queries the page takes', async () => {
    // Every query on its own connection waited in the pool's queue behind the pushes once per query: a busy
    // server's regency office fell seconds behind. The pull's queries now share one connection.
    const db = database.db;
    // Three cases started, two in one push (one transaction): a page of 2 ends inside that transaction and must
    // finish it, then look for more; the office's grants come with the cases.
    await push(world.clerks.desa, [asPush(startCommand('kasus-x'), world.sop), asPush(startCommand('kasus-y'), world.sop)]);
    await push(world.clerks.desa, [asPush(startCommand('kasus-z'), world.sop)]);
    const { query, transaction } = db;
    const direct: string[] = [];
    const onOneConnection: string[][] = [];
    const spies = [
      vi.spyOn(db, 'query').mockImplementation((sql, params) => (direct.push(sql), query.call(db, sql, params)) as never),
      vi.spyOn(db, 'transaction').mockImplementation((work) =>
        transaction.call(db, (tx) => {
          const seen: string[] = [];
          onOneConnection.push(seen);
          return work({ ...tx, query: (sql, params) => (seen.push(sql), tx.query(sql, params)) as never });
        }),
      ),
    ];
    try {
      // The feed stops behind any transaction still running in the cluster (its horizon is the cluster's xmin), and
      // other test files run theirs in the same PostgreSQL cluster: an empty page is asked again, with fresh spies.
      let page = await pullPage(world.clerks.desa, '', 2);
      for (let retries = 0; page.events.length === 0 && retries < 100; retries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        direct.length = 0;
        onOneConnection.length = 0;
        page = await pullPage(world.clerks.desa, '', 2);
      }
      expect(new Set(page.events.map((e) => e.caseId))).toEqual(new Set(['kasus-x', 'kasus-y']));
      expect(page.more).toBe(true);
      expect(onOneConnection).toHaveLength(1);
      expect(onOneConnection[0]!.filter((sql) => sql.includes('case_events')).length).toBeGreaterThanOrEqual(3);
      expect(direct.filter((sql) => sql.includes('case_events') || sql.includes('pg_current_snapshot'))).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('gives one case its commands in revision order even when they queue for the case lock', async () => {
    await push(world.clerks.desa, [asPush(startCommand('kasus-1'), world.sop)]);
    // Many devices of the office push on the same case at once: one wins each revision, the rest are stale.
    const { completeCommand } = await import('../testing/spmWorld');
    const racers = Array.from({ length: 6 }, () => push(world.clerks.desa, [asPush(completeCommand('kasus-1', 's1', 1, 'masyarakat-pemohon'))]));
    const statuses = (await Promise.all(racers)).map(([r]) => r!.status).sort();
    expect(statuses).toEqual(['applied', 'stale', 'stale', 'stale', 'stale', 'stale']);
    const { events } = await pullAll(world.clerks.desa);
    const revisions = events.map((e) => e.event.revision);
    expect(revisions).toEqual([...revisions].sort((x, y) => x - y));
  });
});
