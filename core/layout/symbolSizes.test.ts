import { describe, expect, it } from 'vitest';
import { generateSop } from '../../bench/generateSop';
import { loadSamples } from '../../samples/loadSamples.node';
import type { Flow } from '../../schemas/generated/sop.types';
import { symbolSizes } from '../notation';
import { computeSwimlaneLayout, labelProblems, layoutProblems } from './index';

const sizes = symbolSizes(0.75);

/** A fan-out from one box into four lanes, joined again by a diamond (schema v2 split/join). */
export function fanOutFlow(): Flow {
  const lanes = ['a', 'b', 'c', 'd'];
  const act = (actor: string) => [{ actor, role: 'performs' as const }];
  return {
    id: 'fan',
    lanes,
    steps: [
      { id: 's1', kind: 'start', text: 'Mulai', actors: act('a') },
      { id: 's2', kind: 'process', text: 'Bagi berkas', actors: act('a'), split: 'parallel' },
      ...lanes.map((lane, i) => ({ id: `p${i + 1}`, kind: 'process' as const, text: `Periksa ${lane}`, actors: act(lane) })),
      { id: 's3', kind: 'decision', text: 'Semua sesuai?', actors: act('a'), join: 'all' },
      { id: 's4', kind: 'end', text: 'Selesai', actors: act('a'), outcome: 'selesai' },
    ],
    edges: [
      { id: 'e1', from: 's1', to: 's2' },
      ...lanes.map((_, i) => ({ id: `f${i + 1}`, from: 's2', to: `p${i + 1}` })),
      ...lanes.map((_, i) => ({ id: `j${i + 1}`, from: `p${i + 1}`, to: 's3' })),
      { id: 'e2', from: 's3', to: 's4', label: 'Ya' },
      { id: 'e3', from: 's3', to: 's2', label: 'Tidak', inferred: ['label'] },
    ],
  } as Flow;
}

describe('symbols of the registry in the layout', () => {
  it.each(loadSamples().flatMap((doc) => doc.flows.map((flow) => ({ name: `${doc.id}/${flow.id}`, doc, flow }))))(
    '$name: each kind at its own size, rows as tall as their tallest symbol, nothing overlaps',
    ({ doc, flow }) => {
      const layout = computeSwimlaneLayout(flow, { actors: doc.actors, laneWidth: 120, symbolSizes: sizes });
      expect(layoutProblems(layout)).toEqual([]);
      expect(labelProblems(layout)).toEqual([]);
      for (const node of layout.nodes) {
        expect({ width: node.width, height: node.height }, node.id).toEqual(sizes[node.kind]);
        const row = layout.bands[node.band]!;
        expect(node.y, node.id).toBeGreaterThanOrEqual(row.y);
        expect(node.y + node.height, node.id).toBeLessThanOrEqual(row.y + row.height);
      }
    },
  );

  it('keeps a process row lower than a decision row: a diamond does not make every row tall', () => {
    const flow = generateSop({ steps: 20, lanes: 4, decisionEvery: 5 }).flows[0]!;
    const layout = computeSwimlaneLayout(flow, { laneWidth: 120, symbolSizes: sizes, textColumns: { kegiatan: 0, kelengkapan: 0, waktu: 0, output: 0, keterangan: 0 } });
    const rowOf = (kind: string) => layout.rows.find((r) => flow.steps[r.index]!.kind === kind)!;
    expect(rowOf('process').minHeight).toBeLessThan(rowOf('decision').minHeight);
    expect(rowOf('decision').minHeight).toBeGreaterThan(sizes.decision.height);
  });

  it('shrinks every symbol by one factor when the lanes are narrow, keeping gutters', () => {
    const flow = generateSop({ steps: 10, lanes: 4 }).flows[0]!;
    const layout = computeSwimlaneLayout(flow, { laneWidth: 60, symbolSizes: sizes });
    const process = layout.symbolSizes.process;
    const decision = layout.symbolSizes.decision;
    expect(process.width).toBeLessThanOrEqual(60 - 16);
    expect(process.width / process.height).toBeCloseTo(sizes.process.width / sizes.process.height, 1);
    expect(decision.width / process.width).toBeCloseTo(sizes.decision.width / sizes.process.width, 1);
    expect(layoutProblems(layout)).toEqual([]);
  });
});

describe('parallel split and join', () => {
  it('draws the split as one symbol with one arrow into each of four lanes, and the join as one symbol', () => {
    const flow = fanOutFlow();
    const layout = computeSwimlaneLayout(flow, { laneWidth: 120, symbolSizes: sizes });
    expect(layoutProblems(layout)).toEqual([]);
    expect(labelProblems(layout)).toEqual([]);
    const split = layout.nodes.filter((n) => n.stepId === 's2');
    expect(split).toHaveLength(1);
    expect(split[0]!.split).toBe(true);
    expect(layout.nodes.find((n) => n.stepId === 's3')!.join).toBe(true);
    const fan = layout.edges.filter((e) => e.sourceEdgeId?.startsWith('f'));
    expect(fan).toHaveLength(4);
    expect(new Set(fan.map((e) => layout.nodes.find((n) => n.id === e.to)!.lane))).toEqual(new Set([0, 1, 2, 3]));
    expect(fan.every((e) => e.from === split[0]!.id)).toBe(true);
  });

  it('brackets an inferred label and ends an arrow with an unknown target at a "?" marker', () => {
    const flow = fanOutFlow();
    flow.edges.push({ id: 'u', from: 's3', targetUnknown: true, labelUnknown: true } as Flow['edges'][number]);
    const layout = computeSwimlaneLayout(flow, { laneWidth: 120, symbolSizes: sizes });
    expect(layout.edges.find((e) => e.id === 'e3')!.label!.text).toBe('[Tidak]');
    expect(layout.edges.find((e) => e.id === 'e3')!.inferred).toEqual(['label']);
    const unknown = layout.nodes.find((n) => n.kind === 'exit')!;
    expect(unknown.text).toBe('?');
    expect(unknown.unknownTarget).toBe(true);
    expect(layout.edges.find((e) => e.id === 'u')!.label!.text).toBe('?');
    expect(layoutProblems(layout)).toEqual([]);
  });
});
