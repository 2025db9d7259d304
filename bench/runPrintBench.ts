// npm run bench:print — renders a generated 100-step SOP to PDF with the
// print view in Debian's headless Chromium, several times in one browser, and
// writes the medians to bench/results/print.json. Also times the pure layout
// (computeSwimlaneLayout) of a 500-step flow in Node, the function the
// designer's canvas calls on every edit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PdfPrinter, type PrintTimings } from '../cli/printCommand';
import { loadPrintBundle as bundlePrintView } from '../cli/print/printBundle';
import { computeSwimlaneLayout } from '../core/layout';
import { generateSop } from './generateSop';
import { median } from './measureValidation';

const STEPS = 100;
const LANES = 6;
const RUNS = 7;
const root = fileURLToPath(new URL('..', import.meta.url));

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

async function main() {
  const doc = generateSop({ steps: STEPS, lanes: LANES });
  console.log(`sop print: generated SOP with ${STEPS} steps in ${LANES} lanes, A4 landscape, ${RUNS} runs in one Chromium`);
  let started = performance.now();
  await bundlePrintView();
  const bundleMs = performance.now() - started;
  started = performance.now();
  const printer = await PdfPrinter.start();
  const launchMs = performance.now() - started;
  const runs: Array<PrintTimings & { pages: number; bytes: number }> = [];
  try {
    await printer.print(doc, { paper: 'a4', orientation: 'landscape' }); // warm-up: first page load compiles the bundle
    for (let r = 0; r < RUNS; r++) {
      const { pdf, summary, timings } = await printer.print(doc, { paper: 'a4', orientation: 'landscape' });
      runs.push({ ...timings, pages: summary.pageCount, bytes: pdf.length });
    }
  } finally {
    await printer.close();
  }
  const layout = layoutTimings();
  const result = {
    benchmark: 'print',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    input: { steps: STEPS, lanes: LANES, paper: 'a4', orientation: 'landscape' },
    bundleMs: Math.round(bundleMs),
    chromiumLaunchMs: Math.round(launchMs),
    pages: runs[0]!.pages,
    pdfBytes: runs[0]!.bytes,
    medianTotalMs: Math.round(median(runs.map((r) => r.totalMs))),
    medianRenderMs: Math.round(median(runs.map((r) => r.renderMs))),
    medianPdfMs: Math.round(median(runs.map((r) => r.pdfMs))),
    runsTotalMs: runs.map((r) => Math.round(r.totalMs)),
    layout500: { ...layout, medianMs: Math.round(layout.medianMs * 100) / 100 },
  };
  console.log(`bundle (vite, once per process)  ${result.bundleMs} ms`);
  console.log(`chromium launch                  ${result.chromiumLaunchMs} ms`);
  console.log(`PDF of ${STEPS} steps (${result.pages} pages, ${Math.round(result.pdfBytes / 1024)} kB): median ${result.medianTotalMs} ms = layout and pages ${result.medianRenderMs} ms + page.pdf ${result.medianPdfMs} ms (runs: ${result.runsTotalMs.join(', ')} ms)`);
  console.log(`computeSwimlaneLayout, 500 steps in 12 lanes (Node): median ${result.layout500.medianMs} ms`);
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/print.json`, JSON.stringify(result, null, 2) + '\n');
  console.log('wrote bench/results/print.json');
}

await main();
