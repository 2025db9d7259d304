// npm run bench:runtime — the clerk's app on a big database, in Debian's Chromium:
// seeds 100,000 cases (with their events) into IndexedDB through the runtime's storage
// code, then reports medians for the case list's first page (unfiltered, by status,
// by actor + status), search by NIK prefix and by name, the latency of a step
// completion commit (median and p95), and the time to import 10,000 cases (as hand-off
// case bundles, and restoring a whole-database backup that holds them). Also the
// runtime's initial JS, gzipped.
// Results: bench/results/runtime.json. Targets: list < 50 ms, search < 100 ms, commit p95 < 30 ms.
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../cli/chromium';
import { bundleBrowserEntry } from './bundleBrowserEntry';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const IMPORT_CASES = Number(process.env.BENCH_IMPORT_CASES ?? 10_000);
const RESTORE_CASES = Number(process.env.BENCH_RESTORE_CASES ?? 10_000);
const RUNS = 15;
const COMMITS = Number(process.env.BENCH_COMMITS ?? 200);
const TARGETS = { listMs: 50, searchMs: 100, commitP95Ms: 30, bundleGzipBytes: 250_000 };
const root = fileURLToPath(new URL('..', import.meta.url));

/** gzip size of everything dist/runtime/index.html loads before user action. */
async function runtimeBundleSize(): Promise<{ files: number; gzipBytes: number; rawBytes: number }> {
  const outDir = mkdtempSync(join(tmpdir(), 'sop-bench-dist-'));
  process.env.NODE_ENV = 'production';
  await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const html = readFileSync(join(outDir, 'runtime', 'index.html'), 'utf8');
  const files = Array.from(html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g), (m) => normalize(join(outDir, 'runtime', m[1]!)));
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const code = readFileSync(file);
    rawBytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { files: files.length, gzipBytes, rawBytes };
}

async function main() {
  console.log(`runtime bench: ${CASES.toLocaleString('en')} cases, ${RUNS} runs per query, ${COMMITS} commits, import of ${IMPORT_CASES.toLocaleString('en')} cases`);
  const code = await bundleBrowserEntry('runtime/bench/runtimeBenchEntry.ts', 'runtimeBenchEntry');
  // IndexedDB needs a real origin: a tiny local server gives the page one.
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(code);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><meta charset="utf-8"><title>runtime bench</title><script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  // A persistent profile on disk, as a clerk's browser has: an incognito context keeps IndexedDB in
  // memory with a small quota, and 100,000 cases need well over a gigabyte.
  const profile = mkdtempSync(join(tmpdir(), 'sop-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const browser = { version: () => context.browser()?.version() ?? 'chromium', close: () => context.close() };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    page.on('console', (message) => console.log(`  ${message.text()}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    const seeded = await page.evaluate((n) => (globalThis as any).runtimeBench.seed(n, 'bench-runtime'), CASES);
    console.log(`seeded ${seeded.cases} cases and ${seeded.events} events in ${(seeded.ms / 1000).toFixed(1)} s`);
    // Bulk seeding leaves the storage engine compacting for a while; a clerk's database grew case by case.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const queries = await page.evaluate((runs) => (globalThis as any).runtimeBench.queries(runs), RUNS);
    for (const [name, value] of Object.entries(queries)) if (typeof value === 'object') console.log(`${name.padEnd(28)} median ${(value as any).medianMs} ms  p95 ${(value as any).p95Ms} ms`);
    const commit = await page.evaluate((n) => (globalThis as any).runtimeBench.commits(n), COMMITS);
    console.log(`${'commit (step.complete)'.padEnd(28)} median ${commit.medianMs} ms  p95 ${commit.p95Ms} ms  (${commit.runs} commits, ${commit.rejected} rejected)`);
    const usage = await page.evaluate(() => (globalThis as any).runtimeBench.usage());
    const imported = await page.evaluate((n) => (globalThis as any).runtimeBench.importCases(n), IMPORT_CASES);
    console.log(`import ${imported.cases} case bundles (hand-off, verified + merged): ${imported.ms} ms (${(imported.bytes / 1e6).toFixed(1)} MB, ${imported.refused} refused)`);
    const restored = await page.evaluate((n) => (globalThis as any).runtimeBench.restoreCases(n), RESTORE_CASES);
    console.log(`restore a backup of ${restored.cases} cases (checked completely, replaced in one transaction): ${restored.ms} ms (${(restored.backupBytes / 1e6).toFixed(1)} MB file)`);
    const bundle = await runtimeBundleSize();
    console.log(`runtime initial JS: ${bundle.files} files, ${(bundle.gzipBytes / 1000).toFixed(1)} kB gzip (${(bundle.rawBytes / 1000).toFixed(0)} kB raw)`);

    const lists = [queries.listFirstPageUnfiltered, queries.listFirstPageOpen, queries.listByActorAndStatus, queries.listBySopAndStatusOverdue];
    const searches = [queries.searchNikPrefix, queries.searchName, queries.searchTwoWords];
    const meets = {
      list: lists.every((q: any) => q.medianMs < TARGETS.listMs),
      search: searches.every((q: any) => q.medianMs < TARGETS.searchMs),
      commitP95: commit.p95Ms < TARGETS.commitP95Ms,
      bundle: bundle.gzipBytes <= TARGETS.bundleGzipBytes,
    };
    const result = {
      benchmark: 'runtime',
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, browser: browser.version() },
      input: { cases: seeded.cases, events: seeded.events, runsPerQuery: RUNS, commits: commit.runs, importCases: imported.cases },
      targets: TARGETS,
      seedMs: Math.round(seeded.ms),
      storageUsageBytes: usage.usageBytes,
      queries,
      commit,
      import: { ...imported, method: 'case bundles exported from the seeded database, each SHA-256-checked and replayed, merged into an empty database in transactions of 500' },
      restore: { ...restored, method: 'restore of a backup holding the cases and their events into an empty database: every case replayed and checked, then all tables replaced in one transaction' },
      bundle,
      meetsTargets: meets,
    };
    mkdirSync(`${root}bench/results`, { recursive: true });
    writeFileSync(`${root}bench/results/runtime.json`, JSON.stringify(result, null, 2) + '\n');
    console.log('wrote bench/results/runtime.json', JSON.stringify(meets));
    if (!Object.values(meets).every(Boolean)) process.exitCode = 1;
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
