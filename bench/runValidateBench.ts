// npm run bench:validate — validates a generated 500-step, 12-lane SOP in
// Node and in Chromium, several runs each, and writes the medians to
// bench/results/validate.json. Target: under 2 ms median (schema + semantic).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { validateSop } from '../core/validation';
import { launchChromium } from '../cli/chromium';
import { generateSop } from './generateSop';
import { measureValidation, median, type ValidationTimings } from './measureValidation';

const STEPS = 500;
const LANES = 12;
const RUNS = 5;
const TARGET_MS = 2;
const root = fileURLToPath(new URL('..', import.meta.url));

async function bundleBrowserEntry(): Promise<string> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: { entry: `${root}bench/browser/validateEntry.ts`, formats: ['iife'], name: 'validateBench' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if ('output' in output) {
      const chunk = output.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('vite build produced no chunk for the browser benchmark');
}

async function runInChromium(): Promise<ValidationTimings[]> {
  const code = await bundleBrowserEntry();
  const browser = await launchChromium();
  try {
    const runs: ValidationTimings[] = [];
    for (let r = 0; r < RUNS; r++) {
      // A fresh page per run, so one run's JIT state or garbage does not carry over.
      const page = await browser.newPage();
      await page.addScriptTag({ content: code });
      runs.push(await page.evaluate(([s, l]) => (globalThis as any).runValidateBench(s, l), [STEPS, LANES] as const));
      await page.close();
    }
    return runs;
  } finally {
    await browser.close();
  }
}

function runInNode(): ValidationTimings[] {
  const doc = generateSop({ steps: STEPS, lanes: LANES });
  return Array.from({ length: RUNS }, () => measureValidation(validateSop, doc, () => performance.now()));
}

function summarize(label: string, runs: ValidationTimings[]) {
  const medianMs = median(runs.map((r) => r.medianMs));
  console.log(`${label.padEnd(9)} median ${medianMs.toFixed(3)} ms  (runs: ${runs.map((r) => r.medianMs.toFixed(3)).join(', ')} ms; p90 ${median(runs.map((r) => r.p90Ms)).toFixed(3)} ms)`);
  return { medianMs, p90Ms: median(runs.map((r) => r.p90Ms)), runs: runs.map((r) => r.medianMs), meetsTarget: medianMs < TARGET_MS };
}

async function main() {
  console.log(`validateSop: generated SOP with ${STEPS} steps in ${LANES} lanes, ${RUNS} runs each, target < ${TARGET_MS} ms median`);
  const node = summarize('Node', runInNode());
  const chromium = summarize('Chromium', await runInChromium());
  const result = {
    benchmark: 'validate',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    input: { steps: STEPS, lanes: LANES },
    targetMs: TARGET_MS,
    node,
    chromium,
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/validate.json`, JSON.stringify(result, null, 2) + '\n');
  console.log('wrote bench/results/validate.json');
  if (!node.meetsTarget || !chromium.meetsTarget) {
    console.log(`target missed: Node ${node.medianMs} ms, Chromium ${chromium.medianMs} ms (target < ${TARGET_MS} ms)`);
    process.exitCode = 1;
  }
}

await main();
