// npm run bench:print — how long printing an SOP to PDF takes.
// 1. The command end to end, as a user runs it: wall time from spawning
//    `node bin/sop.mjs print <file> --out <file.pdf>` to its exit with the PDF
//    written, for a sample (bwi-spm-online) and a generated 100-step SOP; one
//    warm-up run, then the median of several.
// 2. Where that time goes: Node starting the compiled CLI, playwright-core loading,
//    and, in one process, Chromium's launch and each print's page, layout and
//    PDF (several prints in one browser).
// 3. The pure layout (computeSwimlaneLayout) of a 500-step flow in Node, the
//    function the designer's canvas calls on every edit.
// Writes the medians to bench/results/print.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '../cli/chromium';
import { loadPrintBundle } from '../print/pdf/printBundle';
import { PdfPrinter, type PrintTimings } from '../print/pdf/printCommand';
import { computeSwimlaneLayout } from '../core/layout';
import { generateSop } from './generateSop';
import { median } from './measureValidation';

const STEPS = 100;
const LANES = 6;
const RUNS = 7;
const CLI_RUNS = 7;
const TARGET_MS = 2000;
const root = fileURLToPath(new URL('..', import.meta.url));

interface CliFigures {
  file: string;
  pages: number;
  medianMs: number;
  runsMs: number[];
}

/** Wall time of one child process, from spawn to exit. */
function timeCommand(args: string[]): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, stdout });
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

/** `sop print` as a user runs it: one warm-up (tsx's transform cache, the OS file cache), then CLI_RUNS timed runs. */
async function timeCli(file: string, out: string): Promise<CliFigures> {
  const args = ['bin/sop.mjs', 'print', file, '--out', out];
  await timeCommand(args);
  const runsMs: number[] = [];
  let stdout = '';
  for (let r = 0; r < CLI_RUNS; r++) {
    rmSync(out, { force: true });
    const run = await timeCommand(args);
    if (!existsSync(out) || statSync(out).size === 0) throw new Error(`sop print wrote no PDF to ${out}`);
    runsMs.push(run.ms);
    stdout = run.stdout;
  }
  const pages = Number(/(\d+) halaman/.exec(stdout)?.[1] ?? 0);
  return { file, pages, medianMs: Math.round(median(runsMs)), runsMs: runsMs.map(Math.round) };
}

async function medianOfCommand(args: string[], runs = 5): Promise<number> {
  await timeCommand(args);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push((await timeCommand(args)).ms);
  return Math.round(median(times));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function layoutTimings(): { steps: number; lanes: number; medianMs: number } {
  const flow = generateSop({ steps: 500, lanes: 12 }).flows[0]!;
  for (let i = 0; i < 40; i++) computeSwimlaneLayout(flow);
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    computeSwimlaneLayout(flow);
    times.push(performance.now() - started);
  }
  return { steps: 500, lanes: 12, medianMs: median(times) };
}

async function inProcess(doc: ReturnType<typeof generateSop>) {
  let started = performance.now();
  await loadPrintBundle();
  const bundleMs = performance.now() - started;
  started = performance.now();
  const printer = await PdfPrinter.start();
  const launchMs = performance.now() - started;
  const runs: Array<PrintTimings & { pages: number; bytes: number }> = [];
  let closeMs = 0;
  try {
    await printer.print(doc, { paper: 'a4', orientation: 'landscape' }); // warm-up: the first page compiles the bundle
    for (let r = 0; r < RUNS; r++) {
      const { pdf, summary, timings } = await printer.print(doc, { paper: 'a4', orientation: 'landscape' });
      runs.push({ ...timings, pages: summary.pageCount, bytes: pdf.length });
    }
  } finally {
    started = performance.now();
    await printer.close();
    closeMs = performance.now() - started;
  }
  return { bundleMs, launchMs, closeMs, runs };
}

async function main() {
  // The machine may be shared: the load before and after the runs says how far to trust them.
  const loadBefore = loadavg();
  const doc = generateSop({ steps: STEPS, lanes: LANES });
  const dir = mkdtempSync(join(tmpdir(), 'sop-bench-print-'));
  const generated = join(dir, `generated-${STEPS}.sop.json`);
  writeFileSync(generated, JSON.stringify(doc));
  console.log(`sop print, end to end (node bin/sop.mjs print ... --out ...; 1 warm-up, median of ${CLI_RUNS}), Chromium ${chromiumPath()}`);
  const sample = await timeCli('samples/bwi-spm-online.sop.json', join(dir, 'sample.pdf'));
  console.log(`  ${sample.file} (${sample.pages} pages): median ${sample.medianMs} ms (runs: ${sample.runsMs.join(', ')} ms)`);
  const large = await timeCli(generated, join(dir, 'generated.pdf'));
  console.log(`  generated SOP, ${STEPS} steps in ${LANES} lanes (${large.pages} pages): median ${large.medianMs} ms (runs: ${large.runsMs.join(', ')} ms); target < ${TARGET_MS} ms: ${large.medianMs < TARGET_MS ? 'met' : 'NOT met'}`);

  console.log('where the time goes');
  const startupMs = await medianOfCommand(['bin/sop.mjs', 'help']);
  console.log(`  node + compiled CLI start (sop help) ${startupMs} ms`);
  const playwrightMs = await medianOfCommand(['-e', "require('playwright-core')"]);
  console.log(`  node + loading playwright-core       ${playwrightMs} ms`);
  // As `sop` loads it on a Node without a compile cache of its own: with V8's code kept from the last run.
  const cachedPlaywrightMs = await medianOfCommand(['-e', "import('./bin/compileCache.mjs').then((m) => { m.cachePlaywrightCompilation(); require('playwright-core'); })"]);
  console.log(`  ... with sop's compile cache         ${cachedPlaywrightMs} ms`);
  const own = await inProcess(doc);
  const m = (pick: (r: PrintTimings) => number) => Math.round(median(own.runs.map(pick)));
  console.log(`  prebuilt print view loaded           ${Math.round(own.bundleMs)} ms`);
  console.log(`  Chromium launched, context ready     ${Math.round(own.launchMs)} ms`);
  console.log(`  ${STEPS} steps, next prints in one browser: page ${m((r) => r.pageMs)} ms + layout ${m((r) => r.renderMs)} ms + page.pdf ${m((r) => r.pdfMs)} ms = ${m((r) => r.totalMs)} ms`);
  console.log(`  Chromium closed                      ${Math.round(own.closeMs)} ms`);
  const layout = layoutTimings();
  console.log(`computeSwimlaneLayout, 500 steps in 12 lanes (Node): median ${Math.round(layout.medianMs * 100) / 100} ms`);
  rmSync(dir, { recursive: true, force: true });

  const result = {
    benchmark: 'print',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageBefore: loadBefore.map(round2), loadAverageAfter: loadavg().map(round2) },
    cli: {
      command: 'node bin/sop.mjs print <file> --out <file.pdf>',
      measures: 'wall time from spawn to exit, PDF written; median after one warm-up run',
      targetMs: TARGET_MS,
      sample,
      generated: { ...large, file: `generated (${STEPS} steps, ${LANES} lanes)`, targetMet: large.medianMs < TARGET_MS },
    },
    phases: {
      nodeAndCliStartMs: startupMs,
      nodeAndPlaywrightLoadMs: playwrightMs,
      nodeAndPlaywrightLoadWithCompileCacheMs: cachedPlaywrightMs,
      printBundleLoadMs: Math.round(own.bundleMs),
      chromiumLaunchMs: Math.round(own.launchMs),
      chromiumCloseMs: Math.round(own.closeMs),
    },
    input: { steps: STEPS, lanes: LANES, paper: 'a4', orientation: 'landscape' },
    pages: own.runs[0]!.pages,
    pdfBytes: own.runs[0]!.bytes,
    medianTotalMs: m((r) => r.totalMs),
    medianPageMs: m((r) => r.pageMs),
    medianRenderMs: m((r) => r.renderMs),
    medianPdfMs: m((r) => r.pdfMs),
    runsTotalMs: own.runs.map((r) => Math.round(r.totalMs)),
    layout500: { ...layout, medianMs: Math.round(layout.medianMs * 100) / 100 },
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/print.json`, JSON.stringify(result, null, 2) + '\n');
  console.log('wrote bench/results/print.json');
}

await main();
