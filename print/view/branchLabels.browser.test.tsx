/**
 * Branch labels as the browser prints them, in the print fonts: on every
 * page of every sample, each label's drawn text stays off every line (arrows,
 * symbol outlines, and the table's rules between lanes and between rows).
 * What is checked is the rendered SVG and table, so a label wider in the real
 * font than the layout thought, or a row the browser made taller, would show.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import type { Orientation, PaperSize } from '../model';
import { loadSamples } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { generateSop } from '../../bench/generateSop';
import { I18nProvider } from '../../ui/i18n';
import { PrintDocument } from './PrintDocument';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every problem on the rendered pages, in the overlay's own coordinates (layout px). */
function renderedLabelProblems(root: Element): { labels: number; problems: string[] } {
  const problems: string[] = [];
  let labels = 0;
  for (const table of root.querySelectorAll('.flow-table')) {
    const svg = table.querySelector<SVGSVGElement>('svg.flow-overlay');
    if (!svg) continue;
    const frame = svg.getBoundingClientRect();
    const scale = frame.width / svg.width.baseVal.value;
    const toX = (clientX: number) => (clientX - frame.left) / scale;
    const toY = (clientY: number) => (clientY - frame.top) / scale;
    const laneRules = [...table.querySelectorAll('th[data-lane]')].slice(1).map((th) => toX(th.getBoundingClientRect().left));
    const rows = [...table.querySelectorAll('tbody tr[data-band]:not([data-band="total"])')];
    const rowRules = rows.slice(1).map((tr) => toY(tr.getBoundingClientRect().top));
    const arrows = [...svg.querySelectorAll('path.flow-edge')].map((path) => ({
      id: path.getAttribute('data-edge') ?? '',
      points: [...(path.getAttribute('d') ?? '').matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) })),
    }));
    const symbols = [...svg.querySelectorAll<SVGGElement>('g.flow-symbol')].map((g) => ({ id: g.dataset['node'] ?? '', box: toBox(g.querySelector('path')!.getBBox()) }));
    for (const text of svg.querySelectorAll<SVGTextElement>('text.flow-label')) {
      labels++;
      const box = toBox(text.getBBox());
      const name = `"${text.textContent}"`;
      for (const x of laneRules) if (x > box.left && x < box.right) problems.push(`${name} is on the rule between lanes at x ${x.toFixed(1)}`);
      for (const y of rowRules) if (y > box.top && y < box.bottom) problems.push(`${name} is on the rule between rows at y ${y.toFixed(1)}`);
      for (const symbol of symbols) if (overlaps(box, symbol.box)) problems.push(`${name} is on the symbol ${symbol.id}`);
      for (const arrow of arrows) {
        for (let k = 1; k < arrow.points.length; k++) {
          const a = arrow.points[k - 1]!;
          const b = arrow.points[k]!;
          const run = { left: Math.min(a.x, b.x), right: Math.max(a.x, b.x), top: Math.min(a.y, b.y), bottom: Math.max(a.y, b.y) };
          if (run.right > box.left && run.left < box.right && run.bottom > box.top && run.top < box.bottom) {
            problems.push(`${name} is on the arrow ${arrow.id}`);
            break;
          }
        }
      }
    }
  }
  return { labels, problems };
}

function toBox(rect: DOMRect): Box {
  return { left: rect.x, top: rect.y, right: rect.x + rect.width, bottom: rect.y + rect.height };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

async function printed(doc: SopDocument, paper: PaperSize, orientation: Orientation) {
  const screen = await render(
    <I18nProvider initialLang="id" persist={false}>
      <PrintDocument doc={doc} paper={paper} orientation={orientation} />
    </I18nProvider>,
  );
  await expect.poll(() => screen.container.querySelector('[data-print-state="ready"]'), { timeout: 10_000 }).not.toBeNull();
  const result = renderedLabelProblems(screen.container);
  await screen.unmount();
  return result;
}

const generated = [3, 5, 8].map((lanes) => Object.assign(generateSop({ steps: 30, lanes, decisionEvery: 3 }), { id: `generated-${lanes}-lanes` }));

describe('branch labels as printed never touch a line (real Chromium, print fonts)', () => {
  it.each<[PaperSize, Orientation]>([['a4', 'landscape'], ['f4', 'portrait']])('every sample and generated SOPs, %s %s', async (paper, orientation) => {
    const problems: string[] = [];
    let labels = 0;
    for (const doc of [...loadSamples(), ...generated]) {
      const result = await printed(doc, paper, orientation);
      labels += result.labels;
      problems.push(...result.problems.map((p) => `${doc.id}: ${p}`));
    }
    expect(labels).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  }, 120_000);
});
