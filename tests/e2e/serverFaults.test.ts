// Issue 10 fault test: the server process is killed (SIGKILL, no clean
// shutdown) while it works through a push; the device retries the same push
// against the restarted server. Every command ends applied exactly once: no
// event lost, none duplicated, no half-written command.
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

  const inFlight = push(server.baseUrl).then(
    () => 'answered',
    () => 'cut',
  );
  // Kill it as soon as some (not all) commands are committed.
  const until = Date.now() + 30_000;
  while ((await count('SELECT count(*) FROM processed_commands')) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 2));
  await server.kill9();
  expect(await inFlight).toBe('cut');
  const committed = await count('SELECT count(*) FROM processed_commands');
  expect(committed).toBeGreaterThan(0);
  expect(committed).toBeLessThan(commands.length);
  // Whatever was committed is whole: each command's case and both its events.
  expect(await count('SELECT count(*) FROM cases')).toBe(committed);
  expect(await count('SELECT count(*) FROM case_events')).toBe(committed * 2);

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
}, 300_000);
