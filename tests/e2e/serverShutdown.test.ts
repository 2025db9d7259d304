// Issue 10: SIGTERM stops the real server process within a couple of seconds
// while clerks hold live streams open (a stream is a response that never ends
// by itself, and the LISTEN connection is a client of its own). A stop that
// waits for them holds a deployment's restart for as long as the process
// manager lets it, and then the process is killed without a clean close.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD, freePort, seedSpm, startPostgres, startServerProcess, type ServerProcess, type SpmOffices } from '../../server/testing/serverProcess';

let postgres: Awaited<ReturnType<typeof startPostgres>>;
let seeded: SpmOffices;
let server: ServerProcess;

beforeAll(async () => {
  postgres = await startPostgres();
  seeded = await seedSpm(postgres.databaseUrl);
  // No build: this test speaks the API only. Info logs, to read the shutdown's own lines.
  server = await startServerProcess({ databaseUrl: postgres.databaseUrl, appsDir: '/nonexistent', port: await freePort(), logLevel: 'info' });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  postgres?.stop();
}, 30_000);

const signInRequest = (login: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });

async function openStream(login: string): Promise<{ text: () => string; ended: Promise<void> }> {
  const signedIn = await fetch(`${server.baseUrl}/api/v1/session`, signInRequest(login));
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('sop_session='))!.split(';')[0]!;
  const response = await fetch(`${server.baseUrl}/api/v1/sync/stream`, { headers: { cookie } });
  expect(response.status).toBe(200);
  let text = '';
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // the connection was cut rather than ended: still ended
    }
  })();
  const until = Date.now() + 10_000;
  while (!text.includes(': connected')) {
    if (Date.now() > until) throw new Error(`the stream did not open: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { text: () => text, ended };
}


it('stops within a couple of seconds on SIGTERM with streams open and a request in flight, answering it, and exits 0', async () => {
  const streams = [await openStream(seeded.clerks.desa.login), await openStream(seeded.clerks.dinkes.login)];
  // A plain keep-alive request before: an idle connection must not hold the stop either.
  expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);

  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => server.process.once('exit', (code, signal) => resolve({ code, signal })));
  // A sign-in takes a while (the password hash is slow on purpose): the signal arrives while it is being answered.
  const signIns = () => server.output().match(/"url":"\/api\/v1\/session"[^}]*\},"msg":"incoming request"/g)?.length ?? 0;
  const before = signIns();
  const inFlight = fetch(`${server.baseUrl}/api/v1/session`, signInRequest(seeded.clerks.kecamatan.login));
  const until = Date.now() + 10_000;
  while (signIns() === before && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
  const started = Date.now();
  server.process.kill('SIGTERM');
  // Without a clean stop the process would linger until its keep-alive timeout (72 s): give up after 10 s.
  const outcome = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
  const tookMs = Date.now() - started;

  expect(outcome, server.output()).toEqual({ code: 0, signal: null });
  expect(tookMs, server.output()).toBeLessThan(3_000);
  // The request that was being answered got its answer; the streams were ended, not left hanging.
  expect((await inFlight).status).toBe(200);
  await Promise.all(streams.map((s) => s.ended));
  expect(server.output()).toMatch(/"msg":"stopped"/);
}, 60_000);
