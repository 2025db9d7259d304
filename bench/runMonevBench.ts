// npm run bench:monev — the monev dashboard (issue 12) on a big case record, in Debian's Chromium, on the
// production build: fills the demo database with 100,000 Banyuwangi SPM cases through the runtime's own demo code
// (runtime/bench/monevBenchSeed.ts), then opens `runtime/?contoh-monev#/monev/<sop>` as a user does and reports:
// - the first open after the cases were written: the dashboard folds every case once into the facts it keeps
//   (runtime/monev/monevFactsStore.ts); reported on its own, once;
// - time to the first chart: navigation start → the first chart's SVG in the page (medians of fresh loads, as a
//   user opens the dashboard again on a record already summarized). The page draws the view it measured last time
//   on the same facts while it reads them (runtime/monev/monevViewsStore.ts), so this is also reported for a view
//   not kept (a filter never opened before), which waits for the facts;
// - time to change a filter: the office (or lane) select changed → the dashboard shows the numbers for it.
// Results: bench/results/monev.json. Targets: first chart < 1 s, filter change < 200 ms.
// BENCH_MONEV_CASES sets the number of cases (default 100,000). Seeding 100,000 cases takes many minutes, so a
// seeded browser profile can be kept and reused: BENCH_MONEV_PROFILE=<dir> with a fixed BENCH_MONEV_PORT (IndexedDB
// belongs to the origin, port included); BENCH_MONEV_SEED_ONLY=1 seeds and stops. A reused profile with the same
// number of cases is not seeded again; its kept facts are dropped first, so the first open still folds every case.
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../cli/chromium';
import { bundleBrowserEntry } from './bundleBrowserEntry';
import { median } from './measureValidation';

const CASES = Number(process.env.BENCH_MONEV_CASES ?? 100_000);
const LOADS = 5;
const FILTER_ROUNDS = 3;
const UNKEPT_LOADS = 3;
const NEW_CASE_ROUNDS = 3;
/** Cases clerks start between two visits of the dashboard, in the everyday open. */
const NEW_CASES = 20;
const TARGETS = { firstChartMs: 1000, filterChangeMs: 200 };
const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.ttf': 'font/ttf', '.wasm': 'application/wasm',
};

/** Serves the production build, plus the seed page on the same origin (IndexedDB is per origin). */
async function serve(outDir: string, seedCode: string): Promise<{ port: number; close: () => void }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/bench-seed.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(seedCode);
      return;
    }
    if (path === '/bench-seed.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><meta charset="utf-8"><title>monev seed</title><script src="/bench-seed.js"></script>');
      return;
    }
    let file = normalize(join(outDir, path));
    if (!file.startsWith(outDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.BENCH_MONEV_PORT ?? 0), '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

/**
 * Navigation start → the first chart's SVG (and whether it was a stale kept view), and → the chart of the current
 * facts, in the page's own clock; and when the kept facts had been read.
 */
async function timeFirstChart(page: Page, url: string, screenshot?: string): Promise<{ chartMs: number; stale: boolean; currentMs: number; factsMs: number; folded: number }> {
  // A fresh document each time: the same URL again would be a same-document (hash) navigation.
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as { firstChart?: { at: number; stale: boolean } };
      const chart = document.querySelector('.mv-page .mv-grid svg');
      if (w.firstChart === undefined && chart) w.firstChart = { at: performance.now(), stale: !!chart.closest('[data-stale]') };
      return w.firstChart;
    },
    undefined,
    { polling: 'raf', timeout: 0 },
  );
  const { at: chartMs, stale } = (await handle.jsonValue()) as { at: number; stale: boolean };
  // BENCH_MONEV_SCREENSHOT=file.png: what the officer sees at the first chart of the everyday open.
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });
  // The numbers of the current facts: at once, unless the first chart was a stale kept view.
  const current = stale
    ? ((await (
        await page.waitForFunction(() => (document.querySelector('.mv-page:not([data-stale]) .mv-grid svg') ? performance.now() : undefined), undefined, { polling: 'raf', timeout: 0 })
      ).jsonValue()) as number)
    : chartMs;
  // A kept view is drawn before the facts are read: wait for them too, as the filters need them.
  const facts = await page.waitForFunction(
    () => {
      const mark = performance.getEntriesByName('monev:facts-loaded').at(-1) as PerformanceMark | undefined;
      return mark && { at: mark.startTime, folded: (mark.detail as { folded?: number } | undefined)?.folded ?? NaN };
    },
    undefined,
    { polling: 100, timeout: 0 },
  );
  const { at, folded } = (await facts.jsonValue()) as { at: number; folded: number };
  return { chartMs, stale, currentMs: current, factsMs: at, folded };
}

/**
 * Changes one filter select as a user does and waits, frame by frame, until the dashboard says it shows the
 * numbers for the new filters (`data-filters`), plus the frame that paints them.
 */
async function timeFilterChange(page: Page, label: RegExp, value: string): Promise<{ ms: number; measureMs: number }> {
  return page.evaluate(
    async ({ source, value }) => {
      const pattern = new RegExp(source);
      const labelEl = [...document.querySelectorAll('.mv-page label')].find((l) => pattern.test(l.textContent ?? ''));
      const select = labelEl && document.getElementById((labelEl as HTMLLabelElement).htmlFor);
      if (!(select instanceof HTMLSelectElement)) throw new Error(`no filter select labelled ${source}`);
      const section = document.querySelector('.mv-page')!;
      const before = section.getAttribute('data-filters');
      const started = performance.now();
      const measuredBefore = performance.getEntriesByName('monev:measure').length;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      for (;;) {
        await new Promise(requestAnimationFrame);
        const now = document.querySelector('.mv-page');
        if (now && now.getAttribute('data-filters') !== before && now.querySelector('.mv-summary')) break;
        if (performance.now() - started > 120_000) throw new Error('the dashboard did not show the new filter within 2 minutes');
      }
      await new Promise(requestAnimationFrame);
      const ms = performance.now() - started;
      // The part spent measuring (the rest is drawing): the page's own user timing, NaN when it measured nothing.
      const measures = performance.getEntriesByName('monev:measure');
      const measureMs = measures.length > measuredBefore ? measures.at(-1)!.duration : NaN;
      return { ms, measureMs };
    },
    { source: label.source, value },
  );
}

async function optionsOf(page: Page, label: RegExp): Promise<string[]> {
  return page.evaluate((source) => {
    const pattern = new RegExp(source);
    const labelEl = [...document.querySelectorAll('.mv-page label')].find((l) => pattern.test(l.textContent ?? ''));
    const select = labelEl && document.getElementById((labelEl as HTMLLabelElement).htmlFor);
    return select instanceof HTMLSelectElement ? [...select.options].map((o) => o.value) : [];
  }, label.source);
}

async function main() {
  console.log(`monev bench: ${CASES.toLocaleString('en')} cases of bwi-spm-online, ${LOADS} loads, ${FILTER_ROUNDS} rounds of filter changes`);
  const outDir = mkdtempSync(join(tmpdir(), 'sop-bench-monev-dist-'));
  process.env.NODE_ENV = 'production';
  await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await serve(outDir, await bundleBrowserEntry('runtime/bench/monevBenchSeed.ts', 'monevBenchSeed'));
  // On disk, as a clerk's browser: 100,000 cases need more than an incognito context's in-memory quota.
  const keptProfile = process.env.BENCH_MONEV_PROFILE;
  if (keptProfile && !process.env.BENCH_MONEV_PORT) throw new Error('BENCH_MONEV_PROFILE needs a fixed BENCH_MONEV_PORT: IndexedDB belongs to the origin, port included');
  if (keptProfile) mkdirSync(keptProfile, { recursive: true });
  const profile = keptProfile ?? mkdtempSync(join(tmpdir(), 'sop-bench-monev-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, serviceWorkers: 'block' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    page.on('console', (message) => console.log(`  ${message.text()}`));
    await page.goto(`http://127.0.0.1:${server.port}/bench-seed.html`);
    const earlier = keptProfile ? await page.evaluate(() => (globalThis as any).monevBench.seeded()) : null;
    // The generator makes `total` cases less the few that would start after now: within 2 % is the same seed.
    const reuse = earlier && Math.abs(earlier.cases - CASES) < CASES * 0.02;
    const seeded = reuse ? { ...earlier, ms: NaN } : await page.evaluate((n) => (globalThis as any).monevBench.seed(n, 6), CASES);
    // BENCH_MONEV_KEEP_FACTS=1 (with a reused profile): keep the facts an earlier run folded, and skip the cold open.
    const keepFacts = reuse && !!process.env.BENCH_MONEV_KEEP_FACTS;
    if (reuse && !keepFacts) {
      await page.evaluate(() => (globalThis as any).monevBench.forgetFacts());
      console.log(`reusing ${seeded.cases.toLocaleString('en')} seeded cases, ${seeded.events.toLocaleString('en')} events in ${keptProfile}`);
    } else {
      console.log(`seeded ${seeded.cases.toLocaleString('en')} cases, ${seeded.events.toLocaleString('en')} events in ${(seeded.ms / 1000).toFixed(1)} s`);
    }
    if (process.env.BENCH_MONEV_SEED_ONLY) return;

    const url = `http://127.0.0.1:${server.port}/runtime/?contoh-monev#/monev/${seeded.sopId}`;
    const cold = keepFacts ? { chartMs: NaN, factsMs: NaN, folded: NaN } : await timeFirstChart(page, url);
    console.log(`  first open (folds ${cold.folded.toLocaleString('en')} cases once): first chart after ${(cold.chartMs / 1000).toFixed(1)} s`);
    const firstChart: number[] = [];
    const factsRead: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const load = await timeFirstChart(page, url);
      if (load.folded !== 0 || load.stale) throw new Error(`load ${i + 1} folded ${load.folded} cases (stale view: ${load.stale}): the kept facts should have been current`);
      firstChart.push(load.chartMs);
      factsRead.push(load.factsMs);
      const parts = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => /^(monev|runtime):/.test(m.name)).map((m) => `${m.name} ${Math.round(m.startTime)}+${Math.round(m.duration)} ms`));
      console.log(`  load ${i + 1}: facts read after ${load.factsMs.toFixed(0)} ms (${parts.join(', ')}), first chart after ${load.chartMs.toFixed(0)} ms`);
    }
    // A view never measured on these facts is drawn only once the facts are read: the first chart of a filter the
    // officer has not opened before. A start date long past (every case, another view key), new on every run, since
    // views are kept with the facts, which a reused profile keeps too.
    const firstChartUnkept: number[] = [];
    const past = Date.UTC(1950, 0, 1) + Math.floor(Math.random() * 40 * 365) * 86_400_000;
    for (let i = 0; i < UNKEPT_LOADS; i++) {
      const from = new Date(past + i * 86_400_000).toISOString().slice(0, 10);
      const load = await timeFirstChart(page, `${url}?dari=${from}`);
      firstChartUnkept.push(load.chartMs);
      console.log(`  view not kept, load ${i + 1}: facts read after ${load.factsMs.toFixed(0)} ms, first chart after ${load.chartMs.toFixed(0)} ms`);
    }
    const office = /^(Kantor|Office)$/;
    const lane = /^(Pelaksana|Actor)$/;
    const offices = (await optionsOf(page, office)).filter(Boolean);
    const lanes = (await optionsOf(page, lane)).filter(Boolean);
    if (offices.length < 2 || lanes.length < 1) throw new Error(`too few filter choices: offices ${offices.join(', ')}; lanes ${lanes.join(', ')}`);
    const filterChange: { filter: string; ms: number; measureMs: number }[] = [];
    // BENCH_MONEV_CPU_PROFILE=file.cpuprofile: a CPU profile of the filter changes, for Chrome's DevTools.
    const cpuProfile = process.env.BENCH_MONEV_CPU_PROFILE;
    const cdp = cpuProfile ? await context.newCDPSession(page) : undefined;
    if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
    for (let round = 0; round < FILTER_ROUNDS; round++) {
      for (const [filter, label, value] of [
        ['office', office, offices[0]!], ['office', office, offices[1]!], ['office', office, ''],
        ['lane', lane, lanes[0]!], ['lane', lane, ''],
      ] as const) {
        const { ms, measureMs } = await timeFilterChange(page, label, value);
        filterChange.push({ filter: `${filter}=${value || '(semua)'}`, ms, measureMs });
        console.log(`  ${filter} → ${value || '(all)'}: ${ms.toFixed(0)} ms (measuring ${measureMs.toFixed(0)} ms)`);
      }
    }
    // The everyday open: clerks started cases since the officer's last visit. The view kept then is drawn at once,
    // marked as older numbers, and the current ones replace it once the new cases are folded.
    const afterNewCases: { chartMs: number; stale: boolean; currentMs: number; folded: number }[] = [];
    for (let i = 0; i < NEW_CASE_ROUNDS; i++) {
      await page.goto(`http://127.0.0.1:${server.port}/bench-seed.html`);
      const added = await page.evaluate((n) => (globalThis as any).monevBench.addCases(n), NEW_CASES);
      const load = await timeFirstChart(page, url, i === 0 ? process.env.BENCH_MONEV_SCREENSHOT : undefined);
      afterNewCases.push(load);
      const parts = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => /^monev:/.test(m.name)).map((m) => `${m.name} ${Math.round(m.startTime)}+${Math.round(m.duration)} ms`));
      console.log(`    ${parts.join(', ')}`);
      console.log(`  after ${added} new cases, load ${i + 1}: first chart after ${load.chartMs.toFixed(0)} ms (${load.stale ? 'the older numbers, marked' : 'current'}), current numbers after ${load.currentMs.toFixed(0)} ms (${load.folded} cases folded)`);
    }
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(cpuProfile!, JSON.stringify(profile));
      console.log(`wrote the filter changes' CPU profile to ${cpuProfile}`);
    }
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, browser: context.browser()?.version() ?? 'chromium' },
      cases: seeded.cases,
      events: seeded.events,
      seedSeconds: reuse ? null : Math.round(seeded.ms / 100) / 10,
      firstOpenFoldingAllMs: Math.round(cold.chartMs),
      factsReadMs: { median: Math.round(median(factsRead)), runs: factsRead.map(Math.round) },
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      firstChartMs: { median: Math.round(median(firstChart)), runs: firstChart.map(Math.round) },
      firstChartViewNotKeptMs: { median: Math.round(median(firstChartUnkept)), runs: firstChartUnkept.map(Math.round) },
      afterNewCases: {
        added: NEW_CASES,
        firstChartMs: { median: Math.round(median(afterNewCases.map((l) => l.chartMs))), runs: afterNewCases.map((l) => Math.round(l.chartMs)) },
        firstChartStale: afterNewCases.map((l) => l.stale),
        currentChartMs: { median: Math.round(median(afterNewCases.map((l) => l.currentMs))), runs: afterNewCases.map((l) => Math.round(l.currentMs)) },
      },
      filterChangeMs: { median: Math.round(median(filterChange.map((f) => f.ms))), max: Math.round(Math.max(...filterChange.map((f) => f.ms))), runs: filterChange.map((f) => ({ ...f, ms: Math.round(f.ms), measureMs: Math.round(f.measureMs) })) },
      targets: TARGETS,
    };
    const meets = { firstChart: result.firstChartMs.median < TARGETS.firstChartMs, filterChange: result.filterChangeMs.median < TARGETS.filterChangeMs };
    console.log(`first chart: median ${result.firstChartMs.median} ms (target < ${TARGETS.firstChartMs}); a view not kept: median ${result.firstChartViewNotKeptMs.median} ms`);
    console.log(`after ${NEW_CASES} new cases: first chart median ${result.afterNewCases.firstChartMs.median} ms (older numbers, marked), current numbers median ${result.afterNewCases.currentChartMs.median} ms`);
    console.log(`filter change: median ${result.filterChangeMs.median} ms, max ${result.filterChangeMs.max} ms (target < ${TARGETS.filterChangeMs})`);
    mkdirSync(`${root}bench/results`, { recursive: true });
    writeFileSync(`${root}bench/results/monev.json`, JSON.stringify({ ...result, meets }, null, 2) + '\n');
    console.log('wrote bench/results/monev.json', JSON.stringify(meets));
  } finally {
    await context.close();
    server.close();
    if (!keptProfile) rmSync(profile, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
