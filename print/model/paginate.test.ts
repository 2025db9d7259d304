import { describe, expect, it } from 'vitest';
import { connectorLetter, paginate, type PaginationInput, type PaginationRow } from './paginate';

const rows = (...heights: number[]): PaginationRow[] => heights.map((height, i) => ({ key: `s${i + 1}`, height, kind: 'step' }));

function input(partial: Partial<PaginationInput> & Pick<PaginationInput, 'rows'>): PaginationInput {
  return { links: [], firstPageBody: 300, pageBody: 300, tableHeader: 40, bandHeight: 40, connectorsPerBand: 3, ...partial };
}

describe('paginate', () => {
  it('letters connectors A…Z, then AA, AB…', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(connectorLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('keeps everything on one page when it fits, with no connectors', () => {
    const result = paginate(input({ rows: rows(100, 100, 100), links: [{ id: 'e1', from: 0, to: 1 }, { id: 'e2', from: 1, to: 2 }] }));
    expect(result.pages).toHaveLength(1);
    expect(result.connectors).toEqual([]);
  });

  it('never splits a row and never overfills a page, counting connector bands', () => {
    const heights = [90, 120, 60, 150, 80, 70, 110, 95, 40, 130];
    const links = heights.slice(1).map((_, i) => ({ id: `e${i + 1}`, from: i, to: i + 1 }));
    const { pages } = paginate(input({ rows: rows(...heights), links }));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.flatMap((p) => Array.from({ length: p.end - p.start }, (_, k) => p.start + k))).toEqual(heights.map((_, i) => i));
    for (const page of pages) {
      const used = heights.slice(page.start, page.end).reduce((a, b) => a + b, 0) + (page.topBands + page.bottomBands) * 40;
      expect(used).toBeLessThanOrEqual(300);
    }
  });

  it('gives a row taller than a page a page of its own', () => {
    const { pages } = paginate(input({ rows: rows(100, 500, 100) }));
    expect(pages.map((p) => [p.start, p.end])).toEqual([[0, 1], [1, 2], [2, 3]]);
  });

  it('does not leave a phase row alone at the bottom of a page', () => {
    const table: PaginationRow[] = [...rows(120, 120), { key: 'sec', height: 30, kind: 'section' }, ...rows(120).map((r) => ({ ...r, key: 's3' }))];
    const { pages } = paginate(input({ rows: table }));
    expect(pages[0]!.end).toBe(2);
    expect(pages[1]!.start).toBe(2);
  });

  it('pairs connectors at both ends of an arrow that crosses a break, and only for those', () => {
    // Six rows of 100: three per page with no links; with links the bands push a row over.
    const links = [
      { id: 'down', from: 0, to: 4 }, // forward, page 1 → page 2
      { id: 'near', from: 0, to: 1 }, // stays on page 1
      { id: 'up', from: 5, to: 1 }, // back-edge, page 2 → page 1
    ];
    const { pages, connectors } = paginate(input({ rows: rows(100, 100, 100, 100, 100, 100), links, pageBody: 320, firstPageBody: 320 }));
    expect(pages).toHaveLength(3);
    expect(connectors.map((c) => c.linkId).sort()).toEqual(['down', 'up']);
    const down = connectors.find((c) => c.linkId === 'down')!;
    const up = connectors.find((c) => c.linkId === 'up')!;
    expect(new Set([down.letter, up.letter])).toEqual(new Set(['A', 'B']));
    // The forward arrow leaves at the bottom of its page and arrives at the top of the next.
    expect(pages[down.fromPage]!.bottom.map((c) => c.letter)).toContain(down.letter);
    expect(pages[down.toPage]!.top.map((c) => c.letter)).toContain(down.letter);
    // The back-edge climbs to the top of its page and lands from the bottom of the earlier one.
    expect(pages[up.fromPage]!.top.map((c) => c.letter)).toContain(up.letter);
    expect(pages[up.toPage]!.bottom.map((c) => c.letter)).toContain(up.letter);
  });

  it('draws one pair for an arrow that jumps over a whole page', () => {
    const { pages, connectors } = paginate(input({ rows: rows(250, 250, 250), links: [{ id: 'jump', from: 0, to: 2 }] }));
    expect(pages).toHaveLength(3);
    expect(connectors).toEqual([expect.objectContaining({ linkId: 'jump', letter: 'A', fromPage: 0, toPage: 2 })]);
    expect(pages[1]!.top).toEqual([]);
    expect(pages[1]!.bottom).toEqual([]);
  });

  it('stacks connector bands when more arrows cross than lanes fit side by side', () => {
    const links = [0, 1, 2, 3].map((i) => ({ id: `e${i}`, from: i, to: 6 }));
    const { pages } = paginate(input({ rows: rows(50, 50, 50, 50, 50, 200, 50), links, connectorsPerBand: 3, firstPageBody: 400, pageBody: 400 }));
    const first = pages[0]!;
    expect(first.bottom).toHaveLength(4);
    expect(first.bottomBands).toBe(2);
  });

  it('puts the total row after the last step and the closing blocks after it, each whole', () => {
    const trailing = [
      { key: 'total', height: 30, inTable: true },
      { key: 'signature', height: 150, inTable: false },
      { key: 'notes', height: 60, inTable: false },
    ];
    const { pages } = paginate(input({ rows: rows(100, 100), trailing }));
    expect(pages.map((p) => p.trailing)).toEqual([['total'], ['signature', 'notes']]);
    expect(pages[1]!.hasTable).toBe(false);
  });
});
