// npm run bench:server — the sync server under simulated clerks: the real server
// process on loopback, on a durable throwaway PostgreSQL cluster (fsync on), with
// CLERKS village offices of the Banyuwangi SPM SOP running cases (start, s1, s2:
// three commands per case), and an observer office covering the regency that
// listens on the SSE stream and pulls on every `changed`, as a device does.
//
// Two phases, each run RUNS times on a fresh database, WARMUP + SECONDS long (the
// warm-up is sent but not measured; before the open loop it is closed-loop, so the
// schedule starts on a warm server without a backlog):
//
// - open loop (the target): a fixed offered rate, RATE commands/s, as wrk2 and
//   k6's constant-arrival-rate do. Every clerk sends a push of BATCH commands on a
//   fixed schedule whatever the server answers (several pushes of one clerk may be
//   in flight, each on cases not already in flight; a case's next command waits for
//   its previous answer). Latency runs from the SCHEDULED send time, so a server
//   that falls behind shows it in p95 (no coordinated omission); a send that would
//   exceed MAX_IN_FLIGHT pushes per clerk is dropped and counted as missed. BATCH
//   defaults to 1: an online device's outbox wakes on every commit and pushes what
//   is queued (at most PUSH_BATCH_MAX, one command per case), and a clerk commits
//   a command every few seconds at most, so a push carries one command; batches
//   form only behind a slow answer or after time offline (docs/scaling.md).
// - closed loop (peak capacity): CLERKS × CASES_IN_FLIGHT cases, each clerk
//   pushing one command of each of its cases as soon as its previous push is
//   answered. Its latency is mostly queueing (Little's law), not a target.
//
// Reported per phase (median of the runs): achieved commands/s, push latency
// p50/p95 per request and per command (request latency ÷ commands it carried),
// sync lag (push answered → event pulled by the observer) p50/p95, the observer's
// pull requests (ms and events per page), lost events (applied but never pulled,
// or missing in the database), duplicated events (pulled twice, or stored twice)
// and CPU ms per command by party. Written to bench/results/server.json; `meets`
// comes from the open-loop phase: achieved ≥ 98 % of 1,000 offered, p95 < 100 ms,
// nothing lost or duplicated.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { canonicalJson, sopContentHash, type CaseCommand, type CaseEvent } from '../core/engine';
import { PUSH_BATCH_MAX, type PullResponse, type PushCommand, type PushResponse } from '../core/sync/protocol';
import { createOffice, createUser } from '../server/accounts/accountsService';
import { migrate } from '../server/db/migrate';
import { createPgDb } from '../server/db/pgDb';
import { insertRevisionOnce } from '../server/publication/revisionsRepo';
import { freePort, startPostgres, startServerProcess } from '../server/testing/serverProcess';
import { publishedSample } from '../server/testing/sopFixtures';
import { cpuMsOfProcessTree, parentPid } from './processCpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLERKS = Number(process.env.BENCH_CLERKS ?? 16);
/** Open loop: commands offered per second, all clerks together. */
const RATE = Number(process.env.BENCH_RATE ?? 1000);
/** Open loop: commands per push (one per case). */
const BATCH = Math.min(PUSH_BATCH_MAX, Number(process.env.BENCH_BATCH ?? 1));
/** Open loop: pushes one clerk may have in flight before a scheduled send is dropped (counted as missed). */
const MAX_IN_FLIGHT = Number(process.env.BENCH_MAX_IN_FLIGHT ?? 64);
/** Closed loop: cases each clerk keeps going at once (one command of each per push). */
const CASES_IN_FLIGHT = Number(process.env.BENCH_CASES_IN_FLIGHT ?? 8);
/** BENCH_PHASES=open or closed to run one phase only (while developing). */
const PHASES = (process.env.BENCH_PHASES ?? 'open,closed').split(',').filter((p): p is Phase => p === 'open' || p === 'closed');
/** The observer's page size, as the runtime's PULL_LIMIT. */
const PULL_LIMIT = Number(process.env.BENCH_PULL_LIMIT ?? 500);
const TARGETS = { offeredCommandsPerSecond: 1000, achievedShare: 0.98, pushP95Ms: 100 };
/** BENCH_DURABLE=0: fsync and synchronous commit off, to see what the disk's flushes cost (not a production setting). */
const DURABLE = process.env.BENCH_DURABLE !== '0';
const PASSWORD = 'kata-sandi-bench-panjang';
const root = fileURLToPath(new URL('..', import.meta.url));

type Phase = 'open' | 'closed';

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};
const median = (values: number[]) => percentile(values, 50);

/**
 * POST a JSON body on a kept-alive connection. node:http rather than fetch: the simulated clerks share the two
 * cores with the server and PostgreSQL, and fetch's web streams cost them several times the CPU per request.
 */
const clerkAgent = new Agent({ keepAlive: true });
function postJson(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: clerkAgent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

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
    await insertRevisionOnce(db, { sopId: sop.id, revision: sop.revision.number, contentHash: sopContentHash(sop), title: sop.identity.title ?? '', documentText: canonicalJson(sop), publishedAt: now.toISOString(), publishedBy: publisher.id });
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

interface Percentiles {
  p50: number;
  p95: number;
}

interface RunResult {
  /** The 1-minute load average when the run started (the machine is shared). */
  loadAverage: number;
  /** Open loop only: commands the schedule offered in the measured window. */
  offeredCommands?: number;
  commands: number;
  commandsPerSecond: number;
  pushRequests: number;
  /** Open loop: scheduled sends dropped because the clerk already had MAX_IN_FLIGHT pushes waiting. */
  missedSends?: number;
  /** Open loop: how late the bench itself sent (actual − scheduled): a busy client, not the server. */
  sendLateMs?: Percentiles;
  pushLatencyMs: Percentiles;
  pushLatencyPerCommandMs: Percentiles;
  syncLagMs: Percentiles & { samples: number };
  /** The observer's pull requests: time to the whole answer, and events per page. */
  pullMs: Percentiles & { requests: number; eventsPerRequest: number };
  lostEvents: number;
  duplicatedEvents: number;
  rejected: number;
  stale: number;
  failedRequests: number;
  /** CPU time each party spent per applied command over the window (Linux /proc; null elsewhere). */
  cpuMsPerCommand: { server: number | null; postgres: number | null; clients: number | null };
}

interface BenchCase {
  id: string;
  revision: number;
}

async function oneRun(phase: Phase, run: number): Promise<RunResult> {
  const loadAverage = Math.round(loadavg()[0]! * 100) / 100;
  const postgres = await startPostgres({ durable: DURABLE });
  const seeded = await seed(postgres.databaseUrl);
  const port = await freePort();
  const server = await startServerProcess({ databaseUrl: postgres.databaseUrl, appsDir: '/nonexistent', port, logLevel: 'info' });
  const base = server.baseUrl;
  try {
    const sessions = await Promise.all(seeded.clerks.map((login) => signIn(base, login)));
    const observer = await signIn(base, seeded.observer);

    const started = performance.now();
    const measuredFrom = started + WARMUP_SECONDS * 1000;
    // Statistics as autovacuum keeps them on a database in service: without them the planner plans for the empty
    // tables the run began with, and reads every case an office was ever granted on each pull.
    const analyzed = new Promise<void>((resolve) =>
      setTimeout(async () => {
        const client = new pg.Client({ connectionString: postgres.databaseUrl });
        await client.connect();
        await client.query('ANALYZE');
        await client.end();
        resolve();
      }, (WARMUP_SECONDS * 1000) / 2),
    );
    const endAt = measuredFrom + SECONDS * 1000;
    const measured = (at: number) => at >= measuredFrom && at < endAt;

    const appliedAt = new Map<string, number>(); // event id → when its push was answered
    const pulledCount = new Map<string, number>();
    const lags: number[] = [];
    const latencies: number[] = [];
    const perCommand: number[] = [];
    const late: number[] = [];
    const pulls: { ms: number; events: number }[] = [];
    let commands = 0;
    let offered = 0;
    let missed = 0;
    let rejected = 0;
    let stale = 0;
    let failed = 0;

    // The observer: SSE stream, a pull (to the end of the feed) on every `changed`, one at a time.
    let cursor = '';
    let wanted = false;
    let pulling: Promise<void> | undefined;
    const pullToEnd = async () => {
      for (;;) {
        const asked = performance.now();
        const response = await fetch(`${base}/api/v1/sync/pull?after=${encodeURIComponent(cursor)}&limit=${PULL_LIMIT}`, { headers: { cookie: observer.cookie } });
        const page = (await response.json()) as PullResponse;
        const now = performance.now();
        if (measured(asked)) pulls.push({ ms: now - asked, events: page.events.length });
        for (const { event } of page.events) {
          pulledCount.set(event.id, (pulledCount.get(event.id) ?? 0) + 1);
          const at = appliedAt.get(event.id);
          if (at !== undefined && at >= measuredFrom) lags.push(Math.max(0, now - at));
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

    // The next command of a case: start → s1 → s2, then the case is done.
    let commandSerial = 0;
    const nextCommand = (c: BenchCase): PushCommand => {
      const at = new Date().toISOString();
      const id = `${phase}${run}-${++commandSerial}`;
      if (c.revision === 0) {
        const command = { id, caseId: c.id, type: 'case.start', at, by: { actorId: 'masyarakat-pemohon' }, fields: { nama: `Pemohon ${c.id}`, nik: '3510014501900001' } } as CaseCommand;
        return { command, sop: { sopId: seeded.sopId, revision: seeded.revision } };
      }
      const [stepId, actorId] = c.revision === 1 ? ['s1', 'masyarakat-pemohon'] : ['s2', 'desa-kelurahan'];
      return { command: { id, caseId: c.id, type: 'step.complete', stepId, expectedRevision: c.revision, at, by: { actorId }, ticked: seeded.ticks.get(stepId) } as CaseCommand };
    };

    /** One push of one command of each case; latency counted from `since` (the scheduled time in the open loop). */
    const push = async (session: Session, index: number, cases: BenchCase[], since: number): Promise<boolean> => {
      let results: PushResponse['results'];
      try {
        const response = await postJson(
          `${base}/api/v1/sync/push`,
          { cookie: session.cookie, 'x-csrf-token': session.csrf },
          JSON.stringify({ deviceId: `bench-${index}`, commands: cases.map(nextCommand) }),
        );
        if (response.status !== 200) throw new Error(`push: ${response.status} ${response.text}`);
        ({ results } = JSON.parse(response.text) as PushResponse);
      } catch (error) {
        failed += 1;
        if (failed === 1) console.warn(String(error));
        return false;
      }
      const answered = performance.now();
      if (measured(since)) {
        latencies.push(answered - since);
        perCommand.push((answered - since) / cases.length);
      }
      results.forEach((result, i) => {
        const c = cases[i]!;
        if (result.status === 'applied') {
          // The open loop counts only its own sends, not the warm-up's last answers.
          if (measured(answered) && (phase === 'closed' || since >= measuredFrom)) commands += 1;
          for (const event of result.events as CaseEvent[]) appliedAt.set(event.id, answered);
          c.revision += 1;
        } else if (result.status === 'stale') stale += 1;
        else if (result.status === 'rejected') {
          rejected += 1;
          throw new Error(`rejected: ${JSON.stringify(result.rejection)}`);
        }
      });
      return true;
    };

    // Open loop: pushes of BATCH commands every BATCH × CLERKS / RATE seconds per clerk, the clerks staggered evenly,
    // from the start of the measured window. The warm-up before it is closed-loop (one push per clerk at a time)
    // and ends half a second before the schedule starts: a cold server (JIT, first connections) would otherwise
    // start the schedule with a backlog that an offered rate close to capacity never drains, and the run would
    // measure the start-up instead of the steady state.
    const openClerk = async (session: Session, index: number) => {
      await closedClerk(session, index, BATCH, measuredFrom - 500, 'w');
      const interval = (1000 * BATCH * CLERKS) / RATE;
      const ready: BenchCase[] = []; // cases waiting for their next command, oldest first
      let caseSerial = 0;
      const inFlight = new Set<Promise<void>>();
      for (let k = 0; ; k++) {
        const scheduled = measuredFrom + (index / CLERKS + k) * interval;
        if (scheduled >= endAt) break;
        const wait = scheduled - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (measured(scheduled)) {
          offered += BATCH;
          late.push(Math.max(0, performance.now() - scheduled));
        }
        if (inFlight.size >= MAX_IN_FLIGHT) {
          if (measured(scheduled)) missed += 1;
          continue;
        }
        // The oldest cases ready for their next command; a new case when none is.
        const cases = Array.from({ length: BATCH }, () => ready.shift() ?? { id: `${phase}${run}-c${index}-${caseSerial++}`, revision: 0 });
        const sent: Promise<void> = push(session, index, cases, scheduled).then((ok) => {
          inFlight.delete(sent);
          // A failed push leaves its cases in an unknown state: they are not used again.
          if (ok) ready.push(...cases.filter((c) => c.revision < 3));
        });
        inFlight.add(sent);
      }
      await Promise.all(inFlight);
    };

    // Closed loop: `casesInFlight` cases, each moved one command per push, the next push as soon as one is answered.
    const closedClerk = async (session: Session, index: number, casesInFlight: number, until: number, idPrefix = '') => {
      let caseSerial = 0;
      const fresh = (): BenchCase => ({ id: `${idPrefix}${phase}${run}-c${index}-${caseSerial++}`, revision: 0 });
      let cases = Array.from({ length: casesInFlight }, fresh);
      while (performance.now() < until) {
        if (!(await push(session, index, cases, performance.now()))) cases = cases.map(fresh);
        cases = cases.map((c) => (c.revision === 3 ? fresh() : c));
      }
    };

    // CPU used by each party over the measured window: the server process, PostgreSQL (postmaster and backends),
    // and this process (the simulated clerks and the observer).
    const probe = new pg.Client({ connectionString: postgres.databaseUrl });
    await probe.connect();
    const postmaster = parentPid((await probe.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
    await probe.end();
    const cpuNow = () => ({
      server: cpuMsOfProcessTree(server.process.pid!),
      postgres: postmaster === undefined ? undefined : cpuMsOfProcessTree(postmaster),
      clients: process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
    });
    const at = (time: number) => new Promise<void>((r) => setTimeout(r, time - performance.now()));
    const cpuWindow = (async () => {
      await at(measuredFrom);
      const before = cpuNow();
      await at(endAt);
      return { before, after: cpuNow() };
    })();
    await Promise.all(sessions.map((s, i) => (phase === 'open' ? openClerk(s, i) : closedClerk(s, i, CASES_IN_FLIGHT, endAt))));
    await analyzed;
    const cpu = await cpuWindow;
    const cpuPerCommand = (key: keyof ReturnType<typeof cpuNow>) => {
      const before = cpu.before[key];
      const after = cpu.after[key];
      return before === undefined || after === undefined || commands === 0 ? null : Math.round(((after - before) / commands) * 100) / 100;
    };
    const cpuMsPerCommand = { server: cpuPerCommand('server'), postgres: cpuPerCommand('postgres'), clients: cpuPerCommand('clients') };

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
        `SELECT calls::text, round(total_exec_time::numeric, 1)::text AS total_ms, round(mean_exec_time::numeric, 3)::text AS mean_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
           FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`,
      );
      console.table(top.rows);
    }
    await client.end();
    const lostEvents = [...appliedAt.keys()].filter((id) => !pulledCount.has(id)).length + Math.max(0, appliedAt.size - Number(stored.distinct_ids));
    const duplicatedEvents = [...pulledCount.values()].filter((n) => n > 1).length + (Number(stored.total) - Number(stored.distinct_ids));
    const result: RunResult = {
      loadAverage,
      ...(phase === 'open' ? { offeredCommands: offered } : {}),
      commands,
      commandsPerSecond: Math.round(commands / SECONDS),
      pushRequests: latencies.length,
      ...(phase === 'open' ? { missedSends: missed, sendLateMs: { p50: percentile(late, 50), p95: percentile(late, 95) } } : {}),
      pushLatencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
      pushLatencyPerCommandMs: { p50: percentile(perCommand, 50), p95: percentile(perCommand, 95) },
      syncLagMs: { p50: percentile(lags, 50), p95: percentile(lags, 95), samples: lags.length },
      pullMs: {
        p50: percentile(pulls.map((p) => p.ms), 50),
        p95: percentile(pulls.map((p) => p.ms), 95),
        requests: pulls.length,
        eventsPerRequest: pulls.length === 0 ? 0 : Math.round(pulls.reduce((sum, p) => sum + p.events, 0) / pulls.length),
      },
      lostEvents,
      duplicatedEvents,
      rejected,
      stale,
      failedRequests: failed,
      cpuMsPerCommand,
    };
    console.log(
      `${phase} run ${run + 1} (load ${loadAverage}): ${result.commandsPerSecond} commands/s` +
        (phase === 'open' ? ` of ${Math.round(offered / SECONDS)} offered (missed sends ${missed}, send late p95 ${result.sendLateMs!.p95} ms)` : '') +
        `, push p50 ${result.pushLatencyMs.p50} ms p95 ${result.pushLatencyMs.p95} ms, lag p50 ${result.syncLagMs.p50} ms p95 ${result.syncLagMs.p95} ms, ` +
        `pull p50 ${result.pullMs.p50} ms p95 ${result.pullMs.p95} ms (${result.pullMs.requests} × ${result.pullMs.eventsPerRequest} events), lost ${lostEvents}, duplicated ${duplicatedEvents}, failed ${failed}, ` +
        `CPU ms per command: server ${cpuMsPerCommand.server}, PostgreSQL ${cpuMsPerCommand.postgres}, clients ${cpuMsPerCommand.clients}`,
    );
    return result;
  } finally {
    clerkAgent.destroy();
    await server.stop();
    postgres.stop();
  }
}

function medianOf(runs: RunResult[]) {
  const of = (pick: (r: RunResult) => number) => median(runs.map(pick));
  const pair = (pick: (r: RunResult) => Percentiles) => ({ p50: of((r) => pick(r).p50), p95: of((r) => pick(r).p95) });
  return {
    commandsPerSecond: of((r) => r.commandsPerSecond),
    pushLatencyMs: pair((r) => r.pushLatencyMs),
    pushLatencyPerCommandMs: pair((r) => r.pushLatencyPerCommandMs),
    syncLagMs: pair((r) => r.syncLagMs),
    pullMs: pair((r) => r.pullMs),
    lostEvents: Math.max(...runs.map((r) => r.lostEvents)),
    duplicatedEvents: Math.max(...runs.map((r) => r.duplicatedEvents)),
    failedRequests: Math.max(...runs.map((r) => r.failedRequests)),
    cpuMsPerCommand: Object.fromEntries(
      (['server', 'postgres', 'clients'] as const).map((key) => {
        const values = runs.map((r) => r.cpuMsPerCommand[key]).filter((v): v is number => v !== null);
        return [key, values.length > 0 ? median(values) : null];
      }),
    ),
  };
}

async function main() {
  console.log(
    `server bench: ${CLERKS} clerks; open loop ${RATE} commands/s offered in pushes of ${BATCH}; closed loop ${CASES_IN_FLIGHT} cases in flight per clerk; ` +
      `${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured per run, ${RUNS} runs per phase, ${DURABLE ? 'durable' : 'non-durable'} PostgreSQL; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  const phases: Partial<Record<'openLoop' | 'closedLoop', { median: ReturnType<typeof medianOf>; runs: RunResult[] }>> = {};
  for (const phase of PHASES) {
    const runs: RunResult[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await oneRun(phase, run));
    const med = medianOf(runs);
    console.log(`${phase} loop median`, JSON.stringify(med));
    phases[phase === 'open' ? 'openLoop' : 'closedLoop'] = { median: med, runs };
  }
  const open = phases.openLoop?.median;
  const meets = open && {
    throughput: RATE >= TARGETS.offeredCommandsPerSecond && open.commandsPerSecond >= TARGETS.achievedShare * RATE,
    pushP95: open.pushLatencyMs.p95 < TARGETS.pushP95Ms,
    nothingLost: open.lostEvents === 0 && open.duplicatedEvents === 0,
  };
  const result = {
    benchmark: 'server',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, postgres: DURABLE ? 'throwaway cluster, fsync on, synchronous_commit on' : 'throwaway cluster, fsync off, synchronous_commit off' },
    input: {
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
      runs: RUNS,
      clerks: CLERKS,
      commandsPerCase: 3,
      openLoop: { offeredCommandsPerSecond: RATE, commandsPerPush: BATCH, maxPushesInFlightPerClerk: MAX_IN_FLIGHT },
      closedLoop: { casesInFlightPerClerk: CASES_IN_FLIGHT },
      observerPullLimit: PULL_LIMIT,
      serverLogLevel: 'info',
    },
    targets: TARGETS,
    meets: meets ?? null,
    ...phases,
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/server.json`, JSON.stringify(result, null, 2) + '\n');
  console.log('wrote bench/results/server.json', JSON.stringify(meets ?? 'no open-loop phase'));
}

await main();
