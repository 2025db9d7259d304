// npm run bench:monev-server — monev measures in SQL on the server (server/monev):
// CASES demo cases of the Banyuwangi SPM sample stored as pushes store them, on a
// throwaway PostgreSQL cluster (or PGlite with BENCH_DB=pglite), then
//
// - fold: the lazy refresh folding every case (caseFactsFromEvents on the
//   server's calendar) and writing the facts tables, from empty facts tables;
// - check: asking when nothing changed (the stale-case check alone);
// - measures: one question each for no filter, an office, a lane and a 12-week
//   period (the check included), as the route answers it.
//
// Each is run RUNS times; medians are written to bench/results/monev-server.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { monevStepsOf, type MonevQuery } from '../core/monev';
import { generateDemoCases } from '../core/monev/demo/generateDemoCases';
import type { Db } from '../server/db/db';
import { migrate } from '../server/db/migrate';
import { createPgDb } from '../server/db/pgDb';
import { createPgliteDb } from '../server/db/pgliteDb';
import { refreshMonevFacts } from '../server/monev/monevFacts';
import { monevMeasuresFromSql } from '../server/monev/monevMeasuresSql';
import { startPostgres } from '../server/testing/serverProcess';
import { publishedSample } from '../server/testing/sopFixtures';
import { historyStore } from '../server/testing/storedCases';

const CASES = Number(process.env.BENCH_CASES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DATABASE = process.env.BENCH_DB === 'pglite' ? 'pglite' : 'postgres';
const DAY = 86_400_000;
const PERIOD_START = Date.parse('2026-01-05T00:00:00+07:00');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return Math.round((performance.now() - started) * 10) / 10;
}

async function main() {
  const cluster = DATABASE === 'postgres' ? await startPostgres() : undefined;
  const db: Db = cluster ? createPgDb(cluster.databaseUrl, { max: 4 }) : await createPgliteDb();
  try {
    await migrate(db);
    const sop = publishedSample('bwi-spm-online');
    const store = await historyStore(db);
    await store.publish(sop);
    const seedStarted = performance.now();
    const cases = [...generateDemoCases(sop, { total: CASES, seed: 11, from: PERIOD_START, months: 6 })];
    await store.store(sop, cases);
    const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
    const events = cases.reduce((n, c) => n + c.events.length, 0);
    const steps = monevStepsOf(sop);

    const fold: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await db.query('DELETE FROM monev_cases');
      fold.push(await timed(() => refreshMonevFacts(db, sop.id)));
      console.log(`fold ${CASES} cases: ${fold.at(-1)} ms`);
    }
    const check: number[] = [];
    for (let run = 0; run < RUNS; run++) check.push(await timed(() => refreshMonevFacts(db, sop.id)));

    const office = cases[0]!.events[0]!.by?.person?.office ?? '';
    const queries: Record<string, MonevQuery> = {
      none: {},
      office: { office },
      lane: { lane: 'dinas-sosial' },
      '12 weeks': { from: PERIOD_START + 28 * DAY, to: PERIOD_START + 112 * DAY },
    };
    const measures: Record<string, { median: number; runs: number[] }> = {};
    for (const [name, query] of Object.entries(queries)) {
      const runs: number[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await timed(() => monevMeasuresFromSql(db, sop.id, query, steps)));
      measures[name] = { median: median(runs), runs };
      console.log(`measures ${name}: median ${median(runs)} ms`);
    }

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) },
      database: DATABASE,
      cases: CASES,
      events,
      seedSeconds,
      foldAllMs: { median: median(fold), runs: fold, perThousandCases: Math.round((median(fold) / CASES) * 1000) },
      nothingStaleMs: { median: median(check), runs: check },
      measuresMs: measures,
    };
    const root = fileURLToPath(new URL('../', import.meta.url));
    mkdirSync(`${root}bench/results`, { recursive: true });
    writeFileSync(`${root}bench/results/monev-server${DATABASE === 'pglite' ? '-pglite' : ''}.json`, JSON.stringify(result, null, 2) + '\n');
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await db.close();
    cluster?.stop();
  }
}

await main();
