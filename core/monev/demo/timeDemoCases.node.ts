/**
 * Times generateDemoCases in Node: `npx tsx core/monev/demo/timeDemoCases.node.ts [cases] [workers] [sample]`.
 * With workers > 1 each worker thread makes one range of the same run (DemoCaseOptions.range), as a benchmark's
 * fill can. Prints cases, events, wall and CPU time, and the outcome mix.
 */
import { cpus } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadSample } from '../../../samples/loadSamples.node.ts';
import { generateDemoCases, type DemoCaseOptions } from './generateDemoCases';

interface Job {
  sample: string;
  options: DemoCaseOptions;
}

interface Tally {
  cases: number;
  events: number;
  statuses: Record<string, number>;
  cpuMs: number;
}

function run({ sample, options }: Job): Tally {
  const sop = loadSample(sample);
  if (!sop) throw new Error(`No sample ${sample}`);
  const cpu = process.cpuUsage();
  const tally: Tally = { cases: 0, events: 0, statuses: {}, cpuMs: 0 };
  for (const demo of generateDemoCases(sop, options)) {
    tally.cases++;
    tally.events += demo.events.length;
    const key = demo.state.outcome ?? demo.state.status;
    tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
  }
  const used = process.cpuUsage(cpu);
  tally.cpuMs = (used.user + used.system) / 1000;
  return tally;
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 100_000);
  const workers = Math.max(1, Number(process.argv[3] ?? 1));
  const sample = process.argv[4] ?? 'bwi-spm-online';
  const options: DemoCaseOptions = { seed: 1, from: Date.parse('2025-01-01T00:00:00+07:00'), months: 12, total };
  const started = performance.now();
  let tallies: Tally[];
  if (workers === 1) tallies = [run({ sample, options })];
  else {
    const size = Math.ceil(total / workers);
    tallies = await Promise.all(
      Array.from({ length: workers }, (_, i) => {
        const job: Job = { sample, options: { ...options, range: { first: i * size, count: Math.min(size, total - i * size) } } };
        return new Promise<Tally>((resolve, reject) => {
          // A worker does not inherit tsx's loader: it registers it, then loads this file.
          const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
          const worker = new Worker(boot, { eval: true, workerData: job });
          worker.once('message', resolve);
          worker.once('error', reject);
        });
      }),
    );
  }
  const wallMs = performance.now() - started;
  const sum = tallies.reduce((a, b) => ({
    cases: a.cases + b.cases,
    events: a.events + b.events,
    cpuMs: a.cpuMs + b.cpuMs,
    statuses: Object.fromEntries([...new Set([...Object.keys(a.statuses), ...Object.keys(b.statuses)])].map((k) => [k, (a.statuses[k] ?? 0) + (b.statuses[k] ?? 0)])),
  }));
  console.log(
    JSON.stringify({ sample, workers, cores: cpus().length, cases: sum.cases, events: sum.events, wallS: +(wallMs / 1000).toFixed(1), cpuS: +(sum.cpuMs / 1000).toFixed(1), msPerCase: +(sum.cpuMs / sum.cases).toFixed(3), statuses: sum.statuses }),
  );
}

if (isMainThread) await main();
else parentPort!.postMessage(run(workerData as Job));
