import { afterEach, describe, expect, it, vi } from 'vitest';
import { rectsIntersect, segmentCrossesRect, type Point, type Rect } from '../../core/layout';
import { loadSamples } from '../../samples';
import { openDesigner } from './helpers';

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
afterEach(async () => {
  await designer?.dispose();
  designer = undefined;
});

/** The symbols as drawn: React Flow places each node with a translate() in flow coordinates. */
function drawnSymbols(): (Rect & { id: string })[] {
  return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => {
    const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(node.style.transform);
    return {
      id: node.dataset.id ?? '',
      x: Number(match?.[1]),
      y: Number(match?.[2]),
      width: parseFloat(node.style.width),
      height: parseFloat(node.style.height),
    };
  });
}

/** The arrows as drawn: the polyline of each edge path ("M x,y L x,y ..."). */
function drawnArrows(): { id: string; points: Point[] }[] {
  return [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].map((edge) => {
    const d = edge.querySelector('path.react-flow__edge-path')?.getAttribute('d') ?? '';
    const points = [...d.matchAll(/[ML]\s*([-\d.]+)[ ,]([-\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    return { id: edge.dataset.id ?? '', points };
  });
}

describe('every sample in the designer (real Chromium)', () => {
  it('opens without overlapping symbols, without arrows through symbols and without console errors', async () => {
    const errors: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
    const samples = loadSamples();
    designer = await openDesigner({ seed: () => samples });
    const screen = designer.screen;
    const checked: string[] = [];
    try {
      for (const sample of samples) {
        await screen.getByLabelText('Cari judul, Nomor SOP, atau instansi').fill(sample.identity.number || sample.identity.title!);
        await screen.getByRole('button', { name: sample.identity.title, exact: true }).first().click();
        await expect.element(screen.getByRole('heading', { name: sample.identity.title, exact: true })).toBeVisible();
        const flow = sample.flows[0];
        if (flow) {
          await expect.poll(() => document.querySelectorAll('.react-flow__node').length).toBeGreaterThanOrEqual(flow.steps.length);
          const symbols = drawnSymbols();
          expect(symbols.every((r) => Number.isFinite(r.x) && Number.isFinite(r.y) && r.width > 0 && r.height > 0), sample.id).toBe(true);
          // React Flow draws arrows once it has measured the symbols.
          if (flow.edges.length > 0) await expect.poll(() => drawnArrows().length, { message: sample.id }).toBeGreaterThan(0);
          const problems: string[] = [];
          for (let i = 0; i < symbols.length; i++) {
            for (let j = i + 1; j < symbols.length; j++) {
              if (rectsIntersect(symbols[i]!, symbols[j]!)) problems.push(`${symbols[i]!.id} overlaps ${symbols[j]!.id}`);
            }
          }
          for (const arrow of drawnArrows()) {
            expect(arrow.points.length, `${sample.id} ${arrow.id}`).toBeGreaterThanOrEqual(2);
            for (let k = 1; k < arrow.points.length; k++) {
              for (const symbol of symbols) {
                if (segmentCrossesRect(arrow.points[k - 1]!, arrow.points[k]!, symbol)) problems.push(`${arrow.id} crosses ${symbol.id}`);
              }
            }
          }
          expect(problems, sample.id).toEqual([]);
        } else {
          await expect.element(screen.getByText(/belum memiliki diagram alir/)).toBeVisible();
        }
        checked.push(sample.id);
        await screen.getByRole('button', { name: '← Pustaka SOP' }).click();
        await expect.element(screen.getByRole('heading', { name: 'Pustaka SOP' })).toBeVisible();
      }
    } finally {
      spy.mockRestore();
    }
    expect(checked).toHaveLength(samples.length);
    expect(errors).toEqual([]);
  }, 120_000);
});
