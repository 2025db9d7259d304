/**
 * The signed-in cache saves a query per request, and never lets in what the database no longer allows: a
 * change made anywhere (another server process, the admin CLI, plain SQL) is honoured on the next request.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { describeOnEachDatabase } from '../testing/databases';
import { asPush, pullPage, push, spmWorld, startCommand, type SpmWorld } from '../testing/spmWorld';
import { signIn, startTestServer, type Browser, type TestServer } from '../testing/testServer';
import { SignedInCache } from './signedInCache';

/** Polls `ask` until it answers `status`, for two seconds at most; returns the status it last got. */
async function statusWithin(ask: () => Promise<{ statusCode: number }>, status: number): Promise<number> {
  const until = Date.now() + 2_000;
  for (;;) {
    const { statusCode } = await ask();
    if (statusCode === status || Date.now() > until) return statusCode;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeOnEachDatabase('signed-in cache', (database) => {
  let server: TestServer;
  let world: SpmWorld;
  let lookups: number;

  /** The suite's database, counting the sign-in lookups (the query the cache saves). */
  const counting = (db: Db): Db => ({
    ...db,
    query: (sql, params) => {
      if (sql.includes('FROM sessions s JOIN users u')) lookups++;
      return db.query(sql, params);
    },
  });

  beforeEach(async () => {
    lookups = 0;
    server = await startTestServer(counting(database.db));
    world = await spmWorld(server);
  });
  afterEach(async () => server?.close());

  const pull = (clerk: Browser) => clerk.request('GET', '/api/v1/sync/pull?after=');

  it('looks a signed-in clerk up once, not on every push', async () => {
    await pullPage(world.clerks.desa);
    const before = lookups;
    for (let i = 0; i < 5; i++) expect((await push(world.clerks.desa, [asPush(startCommand(`kasus-${i}`), world.sop)]))[0]!.status).toBe('applied');
    expect(lookups).toBe(before);
  });

  it('refuses a session deleted from outside this server process on the next requests', async () => {
    expect((await pull(world.clerks.desa)).statusCode).toBe(200);
    await database.db.query('DELETE FROM sessions WHERE user_id = $1', [world.clerks.desa.session.user.id]);
    expect(await statusWithin(() => pull(world.clerks.desa), 401)).toBe(401);
    // The others are looked up again, and stay signed in.
    expect((await pull(world.clerks.kecamatan)).statusCode).toBe(200);
  });

  it('refuses a user disabled by the admin CLI or by SQL', async () => {
    expect((await pull(world.clerks.desa)).statusCode).toBe(200);
    await database.db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [world.clerks.desa.session.user.id]);
    expect(await statusWithin(() => pull(world.clerks.desa), 401)).toBe(401);
  });

  it('applies an office losing a lane to the very next pushes', async () => {
    expect((await push(world.clerks.desa, [asPush(startCommand('kasus-1'), world.sop)]))[0]!.status).toBe('applied');
    await database.db.query(`DELETE FROM office_lanes WHERE office_id = $1 AND actor_id = 'masyarakat-pemohon'`, [world.offices.desa.id]);
    const until = Date.now() + 2_000;
    let status = 'applied';
    for (let i = 0; status === 'applied' && Date.now() < until; i++) {
      status = (await push(world.clerks.desa, [asPush(startCommand(`kasus-lagi-${i}`), world.sop)]))[0]!.status;
    }
    expect(status).toBe('rejected');
  });

  it('refuses a cookie signed out on this server on the very next request, with no wait', async () => {
    const again = await signIn(server, 'rina');
    expect((await pull(again)).statusCode).toBe(200);
    expect((await again.request('DELETE', '/api/v1/session')).statusCode).toBeLessThan(300);
    expect((await pull(again)).statusCode).toBe(401);
  });

  it('keeps nothing past its time to live, and nothing before it listens', async () => {
    const cache = new SignedInCache(database.db, { ttlMs: 1_000 });
    const signedIn = { session: {}, user: {}, office: {}, lanes: [] } as never;
    cache.remember('a'.repeat(64), signedIn, 0);
    expect(cache.get('a'.repeat(64), 1)).toBeUndefined();
    await cache.start();
    try {
      cache.remember('a'.repeat(64), signedIn, 0);
      expect(cache.get('a'.repeat(64), 999)).toBe(signedIn);
      expect(cache.get('a'.repeat(64), 1_000)).toBeUndefined();
    } finally {
      await cache.stop();
    }
  });
});
