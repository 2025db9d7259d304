// npm run bench:server — the sync server under simulated clerks: the real server
// process on loopback, on a durable throwaway PostgreSQL cluster (fsync on), with
// CLERKS village offices of the Banyuwangi SPM SOP each running cases (start,
// s1, s2: three commands per case) as fast as the server answers, pushing a batch
// of one command per case in flight, as the runtime's outbox does. An observer
// office covering the regency listens on the SSE stream and pulls on every
// `changed`, as a device does. Reported, per run of SECONDS: commands/s, push
// latency p50/p95 (per request and per command), sync lag (push answered →
// event pulled by the observer) p50/p95, lost events (applied but never pulled,
// or missing in the database) and duplicated events (pulled twice, or stored twice).
// The median of RUNS runs, each on a fresh database, goes to bench/results/server.json.
// Targets: ≥ 1,000 commands/s with push p95 < 100 ms on two cores; lost = duplicated = 0.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { canonicalJson, sopContentHash, type CaseCommand, type CaseEvent } from '../core/engine';
import type { PullResponse, PushCommand, PushResponse } from '../core/sync/protocol';
import { createOffice, createUser } from '../server/accounts/accountsService';
import { migrate } from '../server/db/migrate';
import { createPgDb } from '../server/db/pgDb';
import { insertRevisionOnce } from '../server/publication/revisionsRepo';
import { freePort, startPostgres, startServerProcess } from '../server/testing/serverProcess';
import { publishedSample } from '../server/testing/sopFixtures';
import { cpuMsOfProcessTree, parentPid } from './processCpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLERKS = Number(process.env.BENCH_CLERKS ?? 16);
/** Cases each clerk keeps going at once (one command of each per push). */
const CASES_IN_FLIGHT = Number(process.env.BENCH_CASES_IN_FLIGHT ?? 8);
const TARGETS = { commandsPerSecond: 1000, pushP95Ms: 100 };
/** BENCH_DURABLE=0: fsync and synchronous commit off, to see what the disk's flushes cost (not a production setting). */
const DURABLE = process.env.BENCH_DURABLE !== '0';
const PASSWORD = 'kata-sandi-bench-panjang';
const root = fileURLToPath(new URL('..', import.meta.url));

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};
const median = (values: number[]) => percentile(values, 50);

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(baseUrl: string, login: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`sign-in ${login}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('sop_session='))!.split(';')[0]!;
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/** Offices, clerks and the published SOP; returns the logins. */
async function seed(databaseUrl: string): Promise<{ sopId: string; revision: number; ticks: Map<string, string[]>; clerks: string[]; observer: string }> {
  const db = createPgDb(databaseUrl, { max: 2 });
  try {
    await migrate(db);
    const sop = publishedSample('bwi-spm-online');
    const lane = (actorId: string) => ({ sopId: sop.id, actorId });
    const now = new Date();
    const observerOffice = await createOffice(db, { name: 'Pemantau Kabupaten Banyuwangi', regionCode: '35.10', lanes: [lane('masyarakat-pemohon')] }, now);
    const publisher = await createUser(db, { login: 'penerbit', name: 'Penerbit', officeId: observerOffice.id, roles: ['publisher'], password: PASSWORD }, now);
    await insertRevisionOnce(db, { sopId: sop.id, revision: sop.revision.number, contentHash: sopContentHash(sop), title: sop.identity.title, documentText: canonicalJson(sop), publishedAt: now.toISOString(), publishedBy: publisher.id });
    await createUser(db, { login: 'pemantau', name: 'Pemantau', officeId: observerOffice.id, roles: ['clerk'], password: PASSWORD }, now);
    const clerks: string[] = [];
    for (let i = 0; i < CLERKS; i++) {
      const village = await createOffice(db, { name: `Kantor Desa ${i + 1}`, regionCode: `35.10.${String(1 + (i % 20)).padStart(2, '0')}.${String(2001 + i).padStart(4, '0')}`, lanes: [lane('masyarakat-pemohon'), lane('desa-kelurahan')] }, now);
      await createUser(db, { login: `desa${i}`, name: `Operator Desa ${i + 1}`, officeId: village.id, roles: ['clerk'], positions: village.lanes, password: PASSWORD }, now);
      clerks.push(`desa${i}`);
    }
    const ticks = new Map(sop.flows[0]!.steps.map((s) => [s.id, (s.requirements ?? []).filter((r) => r.mustCheck).map((r) => r.id)]));
    return { sopId: sop.id, revision: sop.revision.number, ticks, clerks, observer: 'pemantau' };
  } finally {
    await db.close();
  }
}

interface RunResult {
  commands: number;
  commandsPerSecond: number;
  pushRequests: number;
  pushLatencyMs: { p50: number; p95: number };
  syncLagMs: { p50: number; p95: number; samples: number };
  lostEvents: number;
  duplicatedEvents: number;
  rejected: number;
  stale: number;
  /** CPU time each party spent per applied command over the window (Linux /proc; null elsewhere). */
  cpuMsPerCommand: { server: number | null; postgres: number | null; clients: number | null };
}

async function oneRun(run: number): Promise<RunResult> {
  const postgres = await startPostgres({ durable: DURABLE });
  const seeded = await seed(postgres.databaseUrl);
  const port = await freePort();
  const server = await startServerProcess({ databaseUrl: postgres.databaseUrl, appsDir: '/nonexistent', port, logLevel: 'info' });
  const base = server.baseUrl;
  try {
    const sessions = await Promise.all(seeded.clerks.map((login) => signIn(base, login)));
    const observer = await signIn(base, seeded.observer);

    const appliedAt = new Map<string, number>(); // event id → when its push was answered
    const pulledCount = new Map<string, number>();
    const lags: number[] = [];
    const latencies: number[] = [];
    let commands = 0;
    let rejected = 0;
    let stale = 0;
    let stop = false;

    // The observer: SSE stream, a pull (to the end of the feed) on every `changed`, one at a time.
    let cursor = '';
    let wanted = false;
    let pulling: Promise<void> | undefined;
    const pullToEnd = async () => {
      for (;;) {
        const response = await fetch(`${base}/api/v1/sync/pull?after=${encodeURIComponent(cursor)}&limit=500`, { headers: { cookie: observer.cookie } });
        const page = (await response.json()) as PullResponse;
        const now = performance.now();
        for (const { event } of page.events) {
          pulledCount.set(event.id, (pulledCount.get(event.id) ?? 0) + 1);
          const at = appliedAt.get(event.id);
          if (at !== undefined) lags.push(Math.max(0, now - at));
        }
        cursor = page.cursor;
        if (!page.more) return;
      }
    };
    const requestPull = () => {
      wanted = true;
      pulling ??= (async () => {
        while (wanted) {
          wanted = false;
          await pullToEnd();
        }
        pulling = undefined;
      })();
    };
    const abort = new AbortController();
    const stream = await fetch(`${base}/api/v1/sync/stream`, { headers: { cookie: observer.cookie }, signal: abort.signal });
    void (async () => {
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          if (decoder.decode(value).includes('event: changed')) requestPull();
        }
      } catch {
        // closed at the end of the run
      }
    })();

    // A clerk: CASES_IN_FLIGHT cases, each moved one command per push (start → s1 → s2 → a new case).
    const clerk = async (session: Session, index: number) => {
      const cases = Array.from({ length: CASES_IN_FLIGHT }, (_, k) => ({ id: `r${run}-c${index}-${k}-0`, serial: 0, revision: 0 }));
      let commandSerial = 0;
      const next = (c: (typeof cases)[number]): PushCommand => {
        const at = new Date().toISOString();
        const id = `r${run}-${index}-${++commandSerial}`;
        if (c.revision === 0) {
          const command = { id, caseId: c.id, type: 'case.start', at, by: { actorId: 'masyarakat-pemohon' }, fields: { nama: `Pemohon ${c.id}`, nik: '3510014501900001' } } as CaseCommand;
          return { command, sop: { sopId: seeded.sopId, revision: seeded.revision } };
        }
        const [stepId, actorId] = c.revision === 1 ? ['s1', 'masyarakat-pemohon'] : ['s2', 'desa-kelurahan'];
        return { command: { id, caseId: c.id, type: 'step.complete', stepId, expectedRevision: c.revision, at, by: { actorId }, ticked: seeded.ticks.get(stepId) } as CaseCommand };
      };
      while (!stop) {
        const batch = cases.map(next);
        const started = performance.now();
        const response = await fetch(`${base}/api/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify({ deviceId: `bench-${index}`, commands: batch }),
        });
        const { results } = (await response.json()) as PushResponse;
        const answered = performance.now();
        latencies.push(answered - started);
        results.forEach((result, i) => {
          const c = cases[i]!;
          if (result.status === 'applied') {
            commands += 1;
            for (const event of result.events as CaseEvent[]) appliedAt.set(event.id, answered);
            c.revision += 1;
            if (c.revision === 3) Object.assign(c, { id: c.id.replace(/-\d+$/, `-${++c.serial}`), revision: 0 });
          } else if (result.status === 'stale') stale += 1;
          else if (result.status === 'rejected') {
            rejected += 1;
            throw new Error(`rejected: ${JSON.stringify(result.rejection)}`);
          }
        });
      }
    };

    // CPU used by each party over the window: the server process, PostgreSQL (postmaster and backends), and this
    // process (the simulated clerks and the observer).
    const probe = new pg.Client({ connectionString: postgres.databaseUrl });
    await probe.connect();
    const postmaster = parentPid((await probe.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
    await probe.end();
    const cpuNow = () => ({
      server: cpuMsOfProcessTree(server.process.pid!),
      postgres: postmaster === undefined ? undefined : cpuMsOfProcessTree(postmaster),
      clients: process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
    });
    const cpuBefore = cpuNow();
    const started = performance.now();
    const timer = setTimeout(() => (stop = true), SECONDS * 1000);
    await Promise.all(sessions.map((s, i) => clerk(s, i)));
    clearTimeout(timer);
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = cpuNow();
    const perCommand = (key: keyof typeof cpuBefore) => {
      const before = cpuBefore[key];
      const after = cpuAfter[key];
      return before === undefined || after === undefined || commands === 0 ? null : Math.round(((after - before) / commands) * 100) / 100;
    };
    const cpuMsPerCommand = { server: perCommand('server'), postgres: perCommand('postgres'), clients: perCommand('clients') };

    // Let the observer catch up (the last changes), then count.
    const until = Date.now() + 30_000;
    while ([...appliedAt.keys()].some((id) => !pulledCount.has(id)) && Date.now() < until) {
      requestPull();
      await new Promise((r) => setTimeout(r, 200));
    }
    abort.abort();
    const client = new pg.Client({ connectionString: postgres.databaseUrl });
    await client.connect();
    const stored = (await client.query<{ total: string; distinct_ids: string }>('SELECT count(*)::text AS total, count(DISTINCT event_id)::text AS distinct_ids FROM case_events')).rows[0]!;
    if (process.env.SOP_PG_SETTINGS?.includes('pg_stat_statements')) {
      // Where PostgreSQL spends its time, per statement (a diagnosis: SOP_PG_SETTINGS="-c shared_preload_libraries=pg_stat_statements").
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      const top = await client.query<{ calls: string; total_ms: string; mean_ms: string; query: string }>(
        `SELECT calls::text, round(total_exec_time::numeric, 1)::text AS total_ms, round(mean_exec_time::numeric, 3)::text AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
           FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`,
      );
      console.table(top.rows);
    }
    await client.end();
    const lostEvents = [...appliedAt.keys()].filter((id) => !pulledCount.has(id)).length + Math.max(0, appliedAt.size - Number(stored.distinct_ids));
    const duplicatedEvents = [...pulledCount.values()].filter((n) => n > 1).length + (Number(stored.total) - Number(stored.distinct_ids));
    const result: RunResult = {
      commands,
      commandsPerSecond: Math.round(commands / elapsed),
      pushRequests: latencies.length,
      pushLatencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
      syncLagMs: { p50: percentile(lags, 50), p95: percentile(lags, 95), samples: lags.length },
      lostEvents,
      duplicatedEvents,
      rejected,
      stale,
      cpuMsPerCommand,
    };
    console.log(
      `run ${run + 1}: ${result.commandsPerSecond} commands/s, push p50 ${result.pushLatencyMs.p50} ms p95 ${result.pushLatencyMs.p95} ms, ` +
        `lag p50 ${result.syncLagMs.p50} ms p95 ${result.syncLagMs.p95} ms, lost ${lostEvents}, duplicated ${duplicatedEvents}, ` +
        `CPU ms per command: server ${cpuMsPerCommand.server}, PostgreSQL ${cpuMsPerCommand.postgres}, clients ${cpuMsPerCommand.clients}`,
    );
    return result;
  } finally {
    await server.stop();
    postgres.stop();
  }
}

async function main() {
  console.log(`server bench: ${CLERKS} clerks × ${CASES_IN_FLIGHT} cases in flight, ${SECONDS} s per run, ${RUNS} runs, ${DURABLE ? 'durable' : 'non-durable'} PostgreSQL`);
  const runs: RunResult[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await oneRun(run));
  const med = {
    commandsPerSecond: median(runs.map((r) => r.commandsPerSecond)),
    pushLatencyMs: { p50: median(runs.map((r) => r.pushLatencyMs.p50)), p95: median(runs.map((r) => r.pushLatencyMs.p95)) },
    pushLatencyPerCommandMs: { p50: median(runs.map((r) => r.pushLatencyMs.p50 / CASES_IN_FLIGHT)), p95: median(runs.map((r) => r.pushLatencyMs.p95 / CASES_IN_FLIGHT)) },
    syncLagMs: { p50: median(runs.map((r) => r.syncLagMs.p50)), p95: median(runs.map((r) => r.syncLagMs.p95)) },
    lostEvents: Math.max(...runs.map((r) => r.lostEvents)),
    duplicatedEvents: Math.max(...runs.map((r) => r.duplicatedEvents)),
    cpuMsPerCommand: Object.fromEntries(
      (['server', 'postgres', 'clients'] as const).map((key) => {
        const values = runs.map((r) => r.cpuMsPerCommand[key]).filter((v): v is number => v !== null);
        return [key, values.length > 0 ? median(values) : null];
      }),
    ),
  };
  const meets = {
    throughput: med.commandsPerSecond >= TARGETS.commandsPerSecond,
    pushP95: med.pushLatencyMs.p95 < TARGETS.pushP95Ms,
    nothingLost: med.lostEvents === 0 && med.duplicatedEvents === 0,
  };
  const result = {
    benchmark: 'server',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, postgres: DURABLE ? 'throwaway cluster, fsync on, synchronous_commit on' : 'throwaway cluster, fsync off, synchronous_commit off' },
    input: { seconds: SECONDS, runs: RUNS, clerks: CLERKS, casesInFlightPerClerk: CASES_IN_FLIGHT, commandsPerCase: 3, serverLogLevel: 'info' },
    targets: TARGETS,
    median: med,
    meets,
    runs,
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/server.json`, JSON.stringify(result, null, 2) + '\n');
  console.log('median', JSON.stringify(med));
  console.log('wrote bench/results/server.json', JSON.stringify(meets));
}

await main();
