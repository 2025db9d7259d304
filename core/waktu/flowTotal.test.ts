import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Edge, Flow, Step } from '../../schemas/generated/sop.types';
import { computeFlowTotal } from './flowTotal';
import { emptyTotal, type WaktuTotal } from './total';

const seedsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds/transcribed');

function step(id: string, raw: string | undefined, kind: Step['kind'] = 'process'): Step {
  return { id, kind, text: id, actors: [], ...(raw === undefined ? {} : { waktu: { raw } }) };
}

let edgeCount = 0;
function edge(from: string, to: string, label?: string): Edge {
  return { id: `e${++edgeCount}`, from, to, ...(label ? { label } : {}) };
}

function flow(steps: Step[], edges: Edge[]): Flow {
  return { id: 'f', lanes: [], steps, edges };
}

function total(overrides: Partial<WaktuTotal>): WaktuTotal {
  return { ...emptyTotal(), ...overrides };
}

const chain = (ids: string[]): Edge[] => ids.slice(1).map((id, i) => edge(ids[i]!, id));

describe('computeFlowTotal', () => {
  it('sums a straight line of edges', () => {
    const steps = [step('a', '10 menit', 'start'), step('b', '1 jam'), step('c', '2 hari kerja', 'end')];
    expect(computeFlowTotal(flow(steps, chain(['a', 'b', 'c'])))).toEqual(
      total({ minutes: { min: 70, max: 70 }, workingDays: { min: 2, max: 2 } }),
    );
  });

  it('treats a flow without edges as a line in row order, counting every step', () => {
    const steps = [step('a', '10 menit'), step('b', ''), step('c', 'L hari'), step('d', undefined), step('e', '5 menit')];
    expect(computeFlowTotal(flow(steps, []))).toEqual(
      total({ minutes: { min: 15, max: 15 }, empty: 2, unparsed: 1 }),
    );
  });

  it('gives min and max when the branches of a decision differ', () => {
    const steps = [
      step('s', '5 menit', 'start'),
      step('d', '5 menit', 'decision'),
      step('short', '10 menit'),
      step('long', '2 jam'),
      step('end', '', 'end'),
    ];
    const edges = [edge('s', 'd'), edge('d', 'short', 'Ya'), edge('d', 'long', 'Tidak'), ...chain(['short', 'end']), edge('long', 'end')];
    expect(computeFlowTotal(flow(steps, edges))).toEqual(total({ minutes: { min: 20, max: 130 }, empty: 1 }));
  });

  it('takes each family on its own path: minutes and days may peak on different branches', () => {
    const steps = [step('s', '', 'start'), step('x', '3 jam'), step('y', '2 hari'), step('e', '', 'end')];
    const edges = [edge('s', 'x'), edge('s', 'y'), edge('x', 'e'), edge('y', 'e')];
    expect(computeFlowTotal(flow(steps, edges))).toEqual(
      total({ minutes: { min: 0, max: 180 }, calendarDays: { min: 0, max: 2 }, empty: 2 }),
    );
  });

  it('counts a loop once by cutting its back-edge', () => {
    const steps = [step('a', '10 menit', 'start'), step('b', '20 menit'), step('c', '5 menit', 'decision'), step('d', '1 menit', 'end')];
    const edges = [...chain(['a', 'b', 'c']), edge('c', 'd', 'Ya'), edge('c', 'b', 'Tidak')];
    expect(computeFlowTotal(flow(steps, edges))).toEqual(total({ minutes: { min: 36, max: 36 } }));
  });

  it('ends a path at an arrow that leaves the SOP', () => {
    const steps = [step('a', '10 menit', 'start'), step('b', '5 menit', 'decision'), step('c', '1 jam', 'end')];
    const edges: Edge[] = [edge('a', 'b'), { id: 'out', from: 'b', leaves: { target: 'SOP lain' } }, edge('b', 'c')];
    expect(computeFlowTotal(flow(steps, edges))).toEqual(total({ minutes: { min: 15, max: 75 } }));
  });

  it('sums alternatives per family and keeps windows apart', () => {
    const steps = [
      step('a', 'Setiap Tanggal 1 - 15', 'start'),
      step('b', '15 menit / 1 hari'),
      step('c', '30 menit atau 1 jam'),
      step('d', '10 menit', 'end'),
    ];
    expect(computeFlowTotal(flow(steps, chain(['a', 'b', 'c', 'd'])))).toEqual(
      total({ minutes: { min: 40, max: 85 }, calendarDays: { min: 0, max: 1 }, calendarWindows: 1 }),
    );
  });

  it('ignores steps the start cannot reach, in sums and counters', () => {
    const steps = [step('a', '10 menit', 'start'), step('b', '5 menit', 'end'), step('orphan', 'L hari'), step('o2', '9 jam')];
    const edges = [edge('a', 'b'), edge('orphan', 'o2')];
    expect(computeFlowTotal(flow(steps, edges))).toEqual(total({ minutes: { min: 15, max: 15 } }));
  });

  it('starts at the first row when no step is a start', () => {
    const steps = [step('a', '10 menit'), step('b', '5 menit')];
    expect(computeFlowTotal(flow(steps, [edge('a', 'b')]))).toEqual(total({ minutes: { min: 15, max: 15 } }));
  });

  it('parses the raw text, ignoring a stale stored parse', () => {
    const stale: Step = { ...step('a', '10 menit', 'start'), waktu: { raw: '10 menit', parsed: { kind: 'unparsed' } } };
    expect(computeFlowTotal(flow([stale], [])).minutes).toEqual({ min: 10, max: 10 });
  });

  it('totals 5000 steps with many decisions and back-edges', () => {
    const n = 5000;
    const steps = Array.from({ length: n }, (_, i) =>
      step(`s${i}`, i % 2 ? '1 menit' : '1-2 menit', i === 0 ? 'start' : i === n - 1 ? 'end' : 'process'),
    );
    const edges: Edge[] = [];
    for (let i = 0; i < n - 1; i++) {
      edges.push(edge(`s${i}`, `s${i + 1}`));
      if (i + 2 < n) edges.push(edge(`s${i}`, `s${i + 2}`));
      if (i % 10 === 9) edges.push(edge(`s${i}`, `s${i - 5}`));
    }
    // Its speed is bench:validate's business: a timed unit test fails on a busy machine, not on slow code.
    const result = computeFlowTotal(flow(steps, edges));
    // Shortest: the 2500 even rows (1-2 menit) at their minimum, skipping odd rows, then the odd end row.
    expect(result.minutes.min).toBe(2501);
    expect(result.minutes.max).toBe(2500 * 2 + 2500);
  });
});

interface SeedStep {
  no: string | null;
  seq: number;
  kind: Step['kind'];
  durationRaw: string;
}
function readSeed(id: string): SeedStep[] {
  return (JSON.parse(readFileSync(resolve(seedsDir, `${id}.json`), 'utf8')) as { steps: SeedStep[] }).steps;
}
const seedSteps = (id: string): Step[] => readSeed(id).map((s) => step(`s${s.seq}`, s.durationRaw, s.kind));

describe('computeFlowTotal on the seeds', () => {
  it('Banyuwangi SPM online: ten steps, two decisions looping back to step 4, 250 minutes', () => {
    const steps = seedSteps('bwi-spm-online');
    expect(steps).toHaveLength(10);
    const edges = [
      ...chain(steps.map((s) => s.id)),
      edge('s6', 's4', 'tidak memenuhi syarat'),
      edge('s7', 's4', 'tidak memenuhi persyaratan'),
    ];
    expect(computeFlowTotal(flow(steps, edges))).toEqual(total({ minutes: { min: 250, max: 250 } }));
  });

  it('Karanganyar PBI-JK PBPU: 2-3 Jam range, three calendar windows, one empty', () => {
    const steps = seedSteps('kra-pbi-jk-pbpu');
    expect(computeFlowTotal(flow(steps, chain(steps.map((s) => s.id))))).toEqual(
      total({ minutes: { min: 155, max: 215 }, calendarWindows: 3, empty: 1 }),
    );
  });
});
