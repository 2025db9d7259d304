import { describe, expect, it } from 'vitest';
import { generateSop } from '../../bench/generateSop';
import { loadSamples } from '../../samples/loadSamples.node';
import type { Flow } from '../../schemas/generated/sop.types';
import { computeSwimlaneLayout, layoutProblems, nodeId } from './index';

const samples = loadSamples();
const flows = samples.flatMap((doc) => doc.flows.map((flow) => ({ name: `${doc.id}/${flow.id}`, doc, flow })));

function flowOf(id: string): Flow {
  return samples.find((d) => d.id === id)!.flows[0]!;
}

describe('computeSwimlaneLayout on every sample', () => {
  it.each(flows)('$name: no overlaps, orthogonal arrows clear of symbols, back-edges in the channel', ({ doc, flow }) => {
    const layout = computeSwimlaneLayout(flow, { actors: doc.actors });
    expect(layoutProblems(layout)).toEqual([]);
    // Every step is drawn, in its own row, in flow order.
    expect(layout.rows.map((r) => r.stepId)).toEqual(flow.steps.map((s) => s.id));
    for (let i = 1; i < layout.rows.length; i++) expect(layout.rows[i]!.y).toBeGreaterThanOrEqual(layout.rows[i - 1]!.y + layout.rows[i - 1]!.height);
    // Every document edge is drawn once.
    expect(layout.edges.filter((e) => e.sourceEdgeId !== null).map((e) => e.sourceEdgeId).sort()).toEqual(flow.edges.map((e) => e.id).sort());
  });

  it.each(flows)('$name: honours measured row heights', ({ doc, flow }) => {
    const measured = new Map(flow.steps.map((s, i) => [s.id, 80 + 13 * (i % 4)]));
    for (const section of flow.sections ?? []) measured.set(section.id, 31);
    const layout = computeSwimlaneLayout(flow, { actors: doc.actors, rowHeights: measured });
    for (const row of layout.rows) expect(row.height).toBe(Math.max(measured.get(row.stepId)!, row.minHeight));
    for (const section of layout.sections) expect(section.height).toBe(31);
    // A row is never lower than its minimum (its symbol and the room its branch labels need).
    const total = flow.steps.reduce((sum, s) => sum + Math.max(measured.get(s.id)!, layout.rows.find((r) => r.stepId === s.id)!.minHeight), 0) + 31 * (flow.sections?.length ?? 0);
    expect(layout.height).toBe(total);
    expect(layoutProblems(layout)).toEqual([]);
  });
});

describe('computeSwimlaneLayout', () => {
  it('puts a symbol in its actor lane, centred in the row band, all symbols the same size', () => {
    const doc = samples.find((d) => d.id === 'bwi-spm-online')!;
    const layout = computeSwimlaneLayout(doc.flows[0]!, { actors: doc.actors, laneWidth: 100, symbolWidth: 40, symbolHeight: 24 });
    expect(layout.lanes.map((l) => l.label)).toEqual(['MASYARAKAT/ PEMOHON', 'DESA/KELURAHAN', 'DINAS KESEHATAN', 'KECAMATAN', 'DINAS SOSIAL']);
    const s5 = layout.nodes.find((n) => n.id === nodeId('s5', 0))!;
    const lane = layout.lanes.find((l) => l.actorId === 'kecamatan')!;
    const row = layout.rows.find((r) => r.stepId === 's5')!;
    expect(s5.x + s5.width / 2).toBeCloseTo(lane.x + lane.width / 2);
    expect(s5.y + s5.height / 2).toBeCloseTo(row.y + row.height / 2);
    expect(new Set(layout.nodes.map((n) => `${n.width}x${n.height}`))).toEqual(new Set(['40x24']));
  });

  it('draws a step with several actors as a chain of symbols in one row, joined by short arrows', () => {
    const flow = flowOf('lmj-15-pencabutan-kis-pbid');
    const multi = flow.steps.find((s) => new Set(s.actors.map((a) => a.actor).filter((a) => flow.lanes.includes(a))).size >= 2)!;
    const layout = computeSwimlaneLayout(flow);
    const chain = layout.nodes.filter((n) => n.stepId === multi.id);
    expect(chain.length).toBeGreaterThanOrEqual(2);
    expect(new Set(chain.map((n) => n.y)).size).toBe(1);
    const chainEdges = layout.edges.filter((e) => e.kind === 'chain' && chain.some((n) => n.id === e.from));
    expect(chainEdges).toHaveLength(chain.length - 1);
    expect(chainEdges.every((e) => e.sourceEdgeId === null)).toBe(true);
  });

  it('routes a "Tidak" back to an earlier step up a side channel, labelled at the diamond', () => {
    const flow = flowOf('blt-sk-kip');
    const layout = computeSwimlaneLayout(flow);
    const back = layout.edges.find((e) => e.sourceEdgeId === 'e3')!;
    expect(back.kind).toBe('back');
    expect(back.channel).toBeDefined();
    expect(back.label?.text).toBe('TIDAK');
    const diamond = layout.nodes.find((n) => n.id === back.from)!;
    // The label sits next to the diamond, not somewhere along the way.
    const distance = Math.min(Math.abs(back.label!.x - (diamond.x + diamond.width)), Math.abs(back.label!.x + back.label!.width - diamond.x), Math.abs(back.label!.y - (diamond.y + diamond.height)));
    expect(distance).toBeLessThan(8);
  });

  it('gives overlapping back-edges separate tracks and lets disjoint ones share', () => {
    const flow = generateSop({ steps: 40, lanes: 4, decisionEvery: 5 }).flows[0]!;
    flow.edges.push({ id: 'long', from: 's30', to: 's2', label: 'Tidak' });
    const layout = computeSwimlaneLayout(flow);
    expect(layoutProblems(layout)).toEqual([]);
    const backs = layout.edges.filter((e) => e.kind === 'back');
    const span = (id: string) => {
      const e = backs.find((b) => b.id === id)!;
      const ys = e.points.map((p) => p.y);
      return { side: e.channel!.side, track: e.channel!.track, top: Math.min(...ys), bottom: Math.max(...ys) };
    };
    const spans = backs.map((b) => span(b.id));
    for (let i = 0; i < spans.length; i++) {
      for (let j = i + 1; j < spans.length; j++) {
        const [a, b] = [spans[i]!, spans[j]!];
        if (a.side === b.side && a.track === b.track) expect(a.bottom < b.top || b.bottom < a.top).toBe(true);
      }
    }
    const long = span('long');
    expect(long.track).toBeGreaterThan(0); // the long loop goes outside the short ones it spans
  });

  it('sends an arrow that skips rows around the symbols in between', () => {
    const flow: Flow = {
      id: 'skip',
      lanes: ['a', 'b'],
      steps: [
        { id: 's1', kind: 'decision', text: 'Lengkap?', actors: [{ actor: 'a', role: 'performs' }] },
        { id: 's2', kind: 'process', text: 'x', actors: [{ actor: 'a', role: 'performs' }] },
        { id: 's3', kind: 'process', text: 'y', actors: [{ actor: 'b', role: 'performs' }] },
        { id: 's4', kind: 'end', text: 'z', actors: [{ actor: 'b', role: 'performs' }] },
      ],
      edges: [
        { id: 'e1', from: 's1', to: 's2', label: 'Ya' },
        { id: 'e2', from: 's1', to: 's4', label: 'Tidak' },
        { id: 'e3', from: 's2', to: 's3' },
        { id: 'e4', from: 's3', to: 's4' },
      ],
    };
    const layout = computeSwimlaneLayout(flow);
    expect(layoutProblems(layout)).toEqual([]);
    const skip = layout.edges.find((e) => e.id === 'e2')!;
    expect(skip.points.length).toBeGreaterThan(2);
    expect(skip.label?.text).toBe('Tidak');
  });

  it('ends an arrow that leaves the SOP in an exit marker carrying its target', () => {
    const flow = structuredClone(flowOf('oku-01-sktm'));
    const last = flow.steps[flow.steps.length - 2]!;
    flow.edges.push({ id: 'out', from: last.id, leaves: { target: 'Dinas Kesehatan Provinsi' }, label: 'Tidak' });
    const layout = computeSwimlaneLayout(flow);
    expect(layoutProblems(layout)).toEqual([]);
    const exit = layout.nodes.find((n) => n.kind === 'exit')!;
    expect(exit.text).toBe('Dinas Kesehatan Provinsi');
    expect(layout.exitColumn).not.toBeNull();
    expect(exit.x).toBeGreaterThanOrEqual(layout.exitColumn!.x);
    expect(layout.edges.find((e) => e.id === 'out')!.kind).toBe('leave');
  });

  it('draws steps of an actor without a lane in the lane of the next step that has one', () => {
    const flow = flowOf('lmj-14-rekom-lansia-griya');
    const s1 = flow.steps[0]!;
    const laned = s1.actors.filter((a) => flow.lanes.includes(a.actor));
    const layout = computeSwimlaneLayout(flow);
    const node = layout.nodes.find((n) => n.stepId === s1.id)!;
    if (laned.length === 0) {
      expect(node.external).toBe(true);
      expect(node.lane).toBe(layout.nodes.find((n) => n.stepId === flow.steps[1]!.id)!.lane);
    }
    const noLanes: Flow = { id: 'x', lanes: [], steps: [{ id: 's1', kind: 'start', text: 'a', actors: [] }, { id: 's2', kind: 'end', text: 'b', actors: [] }], edges: [{ id: 'e1', from: 's1', to: 's2' }] };
    const external = computeSwimlaneLayout(noLanes);
    expect(external.lanes).toHaveLength(1);
    expect(external.lanes[0]!.actorId).toBeNull();
    expect(layoutProblems(external)).toEqual([]);
  });

  it('gives a phase row its own band above its step', () => {
    const doc = samples.find((d) => d.id === 'kra-pbi-jk-pbpu')!;
    const layout = computeSwimlaneLayout(doc.flows[0]!);
    const section = layout.sections[0]!;
    const row = layout.rows.find((r) => r.stepId === section.beforeStepId)!;
    expect(section.y + section.height).toBe(row.y);
  });

  it('grows a row with the text of its cells and keeps the symbol band as the least height', () => {
    const flow = structuredClone(flowOf('oku-01-sktm'));
    const short = computeSwimlaneLayout(flow);
    flow.steps[1]!.text = 'panjang '.repeat(200);
    const long = computeSwimlaneLayout(flow);
    expect(long.rows[1]!.height).toBeGreaterThan(short.rows[1]!.height * 3);
    const tiny = computeSwimlaneLayout(flow, { rowHeights: { [flow.steps[0]!.id]: 5 } });
    expect(tiny.rows[0]!.height).toBe(tiny.rows[0]!.minHeight);
    expect(tiny.rows[0]!.minHeight).toBeGreaterThan(tiny.symbol.height);
  });

  it('is deterministic', () => {
    const flow = generateSop({ steps: 120, lanes: 7 }).flows[0]!;
    expect(JSON.stringify(computeSwimlaneLayout(flow))).toBe(JSON.stringify(computeSwimlaneLayout(structuredClone(flow))));
  });
});

describe('computeSwimlaneLayout on generated flows', () => {
  it.each([
    { steps: 60, lanes: 3, decisionEvery: 4 },
    { steps: 200, lanes: 6, decisionEvery: 7 },
    { steps: 500, lanes: 12, decisionEvery: 7 },
  ])('$steps steps in $lanes lanes: no overlaps, arrows clear of symbols', (options) => {
    const doc = generateSop(options);
    const layout = computeSwimlaneLayout(doc.flows[0]!, { actors: doc.actors });
    expect(layoutProblems(layout)).toEqual([]);
    expect(layout.rows).toHaveLength(options.steps);
  });
});
