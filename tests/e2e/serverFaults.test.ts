// Issue 10 fault test: the server process is killed (SIGKILL, no clean
// shutdown) in the middle of writing a push; the device retries the same push
// against the restarted server, and then once more as if that answer were lost.
// Every command ends applied exactly once: no event lost, none duplicated, no
// half-written command or batch.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PushRequest, PushResponse } from '../../core/sync/protocol';
import { PASSWORD, freePort, seedSpm, startPostgres, startServerProcess, type ServerProcess, type SpmOffices } from '../../server/testing/serverProcess';

let postgres: Awaited<ReturnType<typeof startPostgres>>;
let seeded: SpmOffices;
let server: ServerProcess;
let port: number;
let db: pg.Client;

beforeAll(async () => {
  postgres = await startPostgres();
  seeded = await seedSpm(postgres.databaseUrl);
  port = await freePort();
  // No build: this test speaks the API only.
  server = await startServerProcess({ databaseUrl: postgres.databaseUrl, appsDir: '/nonexistent', port });
  db = new pg.Client({ connectionString: postgres.databaseUrl });
  await db.connect();
}, 300_000);

afterAll(async () => {
  await db?.end();
  await server?.stop();
  postgres?.stop();
});

async function signIn(login: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sop_session='))!.split(';')[0]!;
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

const count = async (sql: string) => Number(Object.values((await db.query(sql)).rows[0] as object)[0]);

it('loses and duplicates nothing when the server is killed in the middle of a push and the push is retried', async () => {
  const session = await signIn(seeded.clerks.desa.login);
  const commands = Array.from({ length: 100 }, (_, i) => ({
    command: {
      id: `kill-cmd-${i}`,
      caseId: `kill-case-${i}`,
      type: 'case.start' as const,
      at: '2026-12-01T01:00:00.000Z',
      by: { actorId: 'masyarakat-pemohon' },
      fields: { nama: `Pemohon ${i}`, nik: '3510014501900001' },
    },
    sop: { sopId: seeded.sop.id, revision: seeded.sop.revision.number },
  }));
  const request: PushRequest = { deviceId: 'device-kill', commands };
  const push = (url: string) =>
    fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify(request),
    });

  // Hold the push in the middle of its writes: another transaction is inserting the last command's case, so the
  // push's insert of the cases waits for it, after the push has read, decided and begun to write.
  const blocker = new pg.Client({ connectionString: postgres.databaseUrl });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query(
    `INSERT INTO cases (id, sop_id, sop_revision, sop_content_hash, region_code, holder_office_ids, revision, state, created_at, updated_at)
     SELECT 'kill-case-99', sop_id, revision, content_hash, '35.10', ARRAY[(SELECT id FROM offices LIMIT 1)], 1, '{}'::jsonb, now(), now()
       FROM sop_revisions WHERE sop_id = $1 AND revision = $2`,
    [seeded.sop.id, seeded.sop.revision.number],
  );
  const inFlight = push(server.baseUrl).then(
    () => 'answered',
    () => 'cut',
  );
  const until = Date.now() + 60_000;
  const waitingPushes = () => count(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT sync_push_write%'`);
  while ((await waitingPushes()) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  expect(await waitingPushes()).toBe(1);
  await server.kill9();
  expect(await inFlight).toBe('cut');
  await blocker.query('ROLLBACK');
  await blocker.end();
  // A push commits whole or not at all: nothing of the killed one is left, not half a command, not half a batch.
  expect(await count('SELECT count(*) FROM processed_commands')).toBe(0);
  expect(await count('SELECT count(*) FROM cases')).toBe(0);
  expect(await count('SELECT count(*) FROM case_events')).toBe(0);
  const committed = 0;

  // The device retries the same push (its outbox still holds every command) once the server is back.
  server = await startServerProcess({ databaseUrl: postgres.databaseUrl, appsDir: '/nonexistent', port });
  const retry = await push(server.baseUrl);
  expect(retry.status).toBe(200);
  const { results } = (await retry.json()) as PushResponse;
  expect(results.map((r) => r.commandId)).toEqual(commands.map((c) => c.command.id));
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(committed);
  expect(statuses.filter((s) => s === 'applied')).toHaveLength(commands.length - committed);
  for (const result of results) expect(result.status !== 'rejected' && result.events.length).toBe(2);

  expect(await count('SELECT count(*) FROM processed_commands')).toBe(commands.length);
  expect(await count('SELECT count(*) FROM case_events')).toBe(commands.length * 2);
  expect(await count('SELECT count(DISTINCT event_id) FROM case_events')).toBe(commands.length * 2);
  expect(await count(`SELECT count(*) FROM processed_commands p WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.command_id = p.command_id)`)).toBe(0);

  // The answer to that retry is lost on the way (the device never reads it): the device pushes the same again.
  // Every command is known, answered with the same events, and nothing is written twice.
  const lostAnswer = await push(server.baseUrl);
  const repeated = ((await lostAnswer.json()) as PushResponse).results;
  expect(repeated.map((r) => r.status)).toEqual(commands.map(() => 'duplicate'));
  expect(repeated.map((r) => (r.status === 'duplicate' ? r.events.map((e) => e.id) : []))).toEqual(results.map((r) => (r.status !== 'rejected' ? r.events.map((e) => e.id) : [])));
  expect(await count('SELECT count(*) FROM case_events')).toBe(commands.length * 2);
  expect(await count('SELECT count(*) FROM processed_commands')).toBe(commands.length);
}, 300_000);
