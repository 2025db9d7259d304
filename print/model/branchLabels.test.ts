import { describe, expect, it } from 'vitest';
import { generateSop } from '../../bench/generateSop';
import { loadSamples } from '../../samples/loadSamples.node';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { computeSwimlaneLayout, labelProblems } from '../../core/layout';
import { connectorBandHeight, layoutPage, paginationInput } from './pageLayout';
import { paginate } from './paginate';
import { pageBox, type Orientation, type PaperSize } from './paper';
import { CRAFTED_V2 } from '../fixtures/craftedV2';
import { planPrintTable } from './table';

/** Every sample, and generated SOPs from 3 to 10 lanes with decisions from every 2nd to every 7th step. */
const documents: SopDocument[] = [
  ...loadSamples(),
  ...CRAFTED_V2.map((crafted) => crafted.doc()),
  ...[3, 4, 5, 6, 8, 10].flatMap((lanes) => [2, 3, 5, 7].map((decisionEvery) => {
    const doc = generateSop({ steps: 24 + lanes * 4, lanes, decisionEvery });
    doc.id = `generated-${lanes}-lanes-decision-every-${decisionEvery}`;
    return doc;
  })),
];
const papers: [PaperSize, Orientation][] = [['a4', 'landscape'], ['f4', 'portrait'], ['a4', 'portrait']];

describe('branch labels in print never touch a line', () => {
  it.each(papers)('%s %s: no label on an arrow, a symbol, another label or the table grid, on the whole table or on any page', (paper, orientation) => {
    const problems: string[] = [];
    let labels = 0;
    for (const doc of documents) {
      for (const flow of doc.flows) {
        const plan = planPrintTable(doc, flow, pageBox(paper, orientation), 'id');
        const layout = computeSwimlaneLayout(flow, plan.layoutOptions);
        problems.push(...labelProblems(layout).map((p) => `${doc.id} ${flow.id}: ${p}`));
        labels += layout.edges.filter((e) => e.label).length;
        // Pages cut short, so many arrows cross page breaks and end at off-page connectors.
        const { rows, links } = paginationInput(layout);
        const body = Math.max(...rows.map((r) => r.height)) + 150;
        const pagination = paginate({ rows, links, firstPageBody: body, pageBody: body, tableHeader: 40, bandHeight: connectorBandHeight(plan.layoutOptions), connectorsPerBand: layout.lanes.length });
        pagination.pages.forEach((page, p) => {
          problems.push(...labelProblems(layoutPage(layout, plan.layoutOptions, page)).map((x) => `${doc.id} ${flow.id} page ${p + 1}: ${x}`));
        });
      }
    }
    expect(labels).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });

  it('keeps its labels clear with the row heights the browser measures (taller rows than estimated)', () => {
    const problems: string[] = [];
    for (const doc of documents) {
      for (const flow of doc.flows) {
        const plan = planPrintTable(doc, flow, pageBox('a4', 'landscape'), 'id');
        // Rows a few lines taller than the estimate, as long Indonesian text often makes them.
        const rowHeights = Object.fromEntries(plan.estimate.bands.map((b, i) => [b.key, b.height + (i % 3) * 14]));
        const layout = computeSwimlaneLayout(flow, { ...plan.layoutOptions, rowHeights });
        problems.push(...labelProblems(layout).map((p) => `${doc.id}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});
