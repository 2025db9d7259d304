import { describe, expect, it } from 'vitest';
import { generateSop } from '../../bench/generateSop';
import { loadSamples } from '../../samples/loadSamples.node';
import { computeSwimlaneLayout, layoutProblems } from '../../core/layout';
import { connectorBandHeight, layoutPage, paginationInput } from './pageLayout';
import { paginate } from './paginate';
import { pageBox } from './paper';
import { planPrintTable } from './table';

function printPages(doc: ReturnType<typeof generateSop>, pageBody: number) {
  const flow = doc.flows[0]!;
  const plan = planPrintTable(doc, flow, pageBox('a4', 'landscape'), 'id');
  const layout = computeSwimlaneLayout(flow, plan.layoutOptions);
  const { rows, links } = paginationInput(layout);
  const pagination = paginate({ rows, links, firstPageBody: pageBody, pageBody, tableHeader: 40, bandHeight: connectorBandHeight(plan.layoutOptions), connectorsPerBand: layout.lanes.length });
  const drawings = pagination.pages.map((page) => layoutPage(layout, plan.layoutOptions, page));
  return { flow, layout, pagination, drawings };
}

describe('layoutPage', () => {
  it('draws every step once across the pages, with no overlaps and no arrow through a symbol', () => {
    const { flow, drawings } = printPages(generateSop({ steps: 60, lanes: 5, decisionEvery: 6 }), 560);
    expect(drawings.length).toBeGreaterThan(3);
    const steps = drawings.flatMap((d) => d.bands.filter((b) => b.kind === 'step').map((b) => b.key));
    expect(steps).toEqual(flow.steps.map((s) => s.id));
    for (const drawing of drawings) {
      expect(layoutProblems(drawing)).toEqual([]);
      expect(drawing.height).toBeLessThanOrEqual(560);
    }
  });

  it('ends each arrow that crosses a break at a pair of connectors with one letter, on the pages of its two ends', () => {
    const { flow, layout, pagination, drawings } = printPages(generateSop({ steps: 60, lanes: 5, decisionEvery: 6 }), 560);
    const pageOfStep = new Map<string, number>();
    drawings.forEach((d, p) => d.bands.forEach((b) => b.kind === 'step' && pageOfStep.set(b.key, p)));
    const crossing = flow.edges.filter((e) => e.to && pageOfStep.get(e.from) !== pageOfStep.get(e.to));
    expect(crossing.length).toBeGreaterThan(2);
    const all = drawings.flatMap((d, p) => d.connectors.map((c) => ({ ...c, page: p })));
    expect(all).toHaveLength(2 * crossing.length);
    for (const edge of crossing) {
      const pair = all.filter((c) => c.edgeId === edge.id);
      expect(pair.map((c) => c.direction).sort()).toEqual(['in', 'out']);
      expect(pair[0]!.letter).toBe(pair[1]!.letter);
      expect(pair.find((c) => c.direction === 'out')!.page).toBe(pageOfStep.get(edge.from));
      expect(pair.find((c) => c.direction === 'in')!.page).toBe(pageOfStep.get(edge.to!));
    }
    expect(new Set(all.map((c) => c.letter)).size).toBe(crossing.length);
    expect(pagination.connectors).toHaveLength(crossing.length);
    // No arrow is drawn to a step that is not on the page: each half ends at its connector.
    for (const drawing of drawings) {
      const ids = new Set(drawing.nodes.map((n) => n.id));
      for (const edge of drawing.edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    }
    expect(layout.edges.length).toBeGreaterThan(0);
  });

  it('keeps the branch label on the page where the branch starts', () => {
    const { drawings } = printPages(generateSop({ steps: 60, lanes: 5, decisionEvery: 6 }), 560);
    const halves = drawings.flatMap((d) => d.edges.filter((e) => e.id.endsWith('~in')));
    expect(halves.length).toBeGreaterThan(0);
    expect(halves.every((e) => e.label === undefined)).toBe(true);
  });

  it('lays out every sample page by page without problems when its table is cut small', () => {
    for (const doc of loadSamples()) {
      for (const flow of doc.flows) {
        const plan = planPrintTable(doc, flow, pageBox('f4', 'portrait'), 'id');
        const layout = computeSwimlaneLayout(flow, plan.layoutOptions);
        const { rows, links } = paginationInput(layout);
        const tallest = Math.max(...rows.map((r) => r.height));
        const pagination = paginate({ rows, links, firstPageBody: tallest + 150, pageBody: tallest + 150, tableHeader: 40, bandHeight: connectorBandHeight(plan.layoutOptions), connectorsPerBand: layout.lanes.length });
        for (const page of pagination.pages) expect(layoutProblems(layoutPage(layout, plan.layoutOptions, page)), doc.id).toEqual([]);
      }
    }
  });
});
