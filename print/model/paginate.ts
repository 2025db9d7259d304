/**
 * Splits one flowchart table into pages. Pure: row heights in, pages out.
 *
 * - A row is never split; a row taller than a page gets a page of its own.
 * - A phase row is never left alone at the bottom of a page: it moves on with its step.
 * - An arrow whose ends land on different pages is not drawn across the gap:
 *   it gets a pair of off-page connectors lettered A, B, C… (then AA, AB…),
 *   one in a connector band at the bottom (or top) of each end's page. The
 *   bands take room, so they are counted when choosing where a page ends.
 * - The total row follows the last step, on the same page when it fits;
 *   the signature block and the notes follow, each moved whole to a new
 *   page when it does not fit.
 */

export interface PaginationRow {
  key: string;
  height: number;
  kind: 'step' | 'section';
}

/** An arrow between two rows (indices into `rows`); chain arrows and exits never leave their row. */
export interface PaginationLink {
  id: string;
  from: number;
  to: number;
}

export interface TrailingBlock {
  key: string;
  height: number;
  /** Part of the table (the total row): a page that holds it alone repeats the table header. */
  inTable: boolean;
}

export interface PaginationInput {
  rows: readonly PaginationRow[];
  links: readonly PaginationLink[];
  /** Room for table body rows on the flow's first page (after its heading, table header and footer). */
  firstPageBody: number;
  /** Room for table body rows on a following page (after the repeated table header and footer). */
  pageBody: number;
  /** Height of the repeated table header, given back to blocks that print outside the table. */
  tableHeader: number;
  /** Height of one connector band, and how many connectors fit side by side in it (one per lane). */
  bandHeight: number;
  connectorsPerBand: number;
  trailing?: readonly TrailingBlock[];
}

export interface PageConnector {
  letter: string;
  linkId: string;
  /** The row of this page the arrow starts or ends at. */
  row: number;
  /** 'out': the arrow starts on this page and continues on another; 'in': it arrives here. */
  direction: 'out' | 'in';
  /** The connector sits in the band above the rows ('top') or below them ('bottom'). */
  band: 'top' | 'bottom';
}

export interface PlannedPage {
  /** Rows [start, end) of the table on this page (start === end for a page of trailing blocks only). */
  start: number;
  end: number;
  top: PageConnector[];
  bottom: PageConnector[];
  topBands: number;
  bottomBands: number;
  /** Keys of the trailing blocks printed on this page, in order. */
  trailing: string[];
  /** The page shows the table (header and rows). */
  hasTable: boolean;
  used: number;
}

export interface ConnectorPair {
  letter: string;
  linkId: string;
  from: number;
  to: number;
  fromPage: number;
  toPage: number;
}

export interface Pagination {
  pages: PlannedPage[];
  connectors: ConnectorPair[];
}

/** A, B, … Z, AA, AB, … */
export function connectorLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export function paginate(input: PaginationInput): Pagination {
  const { rows, links } = input;
  const perBand = Math.max(1, input.connectorsPerBand);
  const bands = (count: number) => Math.ceil(count / perBand);
  const ranges: Array<{ start: number; end: number; used: number }> = [];

  // Links that touch [start, end) and leave it, split by where their other end lies.
  const crossing = (start: number, end: number) => {
    let before = 0;
    let after = 0;
    for (const link of links) {
      const lo = Math.min(link.from, link.to);
      const hi = Math.max(link.from, link.to);
      const inLo = lo >= start && lo < end;
      const inHi = hi >= start && hi < end;
      if (inHi && !inLo && lo < start) before++;
      else if (inLo && !inHi && hi >= end) after++;
    }
    return { before, after };
  };

  let start = 0;
  while (start < rows.length) {
    const room = ranges.length === 0 ? input.firstPageBody : input.pageBody;
    let best = -1;
    let bestUsed = 0;
    let sum = 0;
    for (let end = start + 1; end <= rows.length; end++) {
      sum += rows[end - 1]!.height;
      if (sum > room) break;
      const { before, after } = crossing(start, end);
      const used = sum + (bands(before) + bands(after)) * input.bandHeight;
      if (used <= room) {
        best = end;
        bestUsed = used;
      }
    }
    if (best === -1) {
      // Taller than a page: alone on its page, never cut.
      best = start + 1;
      const { before, after } = crossing(start, best);
      bestUsed = rows[start]!.height + (bands(before) + bands(after)) * input.bandHeight;
    } else if (best < rows.length && best - 1 > start && rows[best - 1]!.kind === 'section') {
      // Keep a phase heading with the step it introduces.
      best -= 1;
      const { before, after } = crossing(start, best);
      bestUsed = rowsHeight(rows, start, best) + (bands(before) + bands(after)) * input.bandHeight;
    }
    ranges.push({ start, end: best, used: bestUsed });
    start = best;
  }

  const pageOfRow = new Int32Array(rows.length);
  ranges.forEach((range, p) => {
    for (let r = range.start; r < range.end; r++) pageOfRow[r] = p;
  });
  const pages: PlannedPage[] = ranges.map((range) => ({
    start: range.start,
    end: range.end,
    top: [],
    bottom: [],
    topBands: 0,
    bottomBands: 0,
    trailing: [],
    hasTable: true,
    used: range.used,
  }));

  // Letters in reading order: by the upper end's row, then the lower end's, then document order.
  const crossingLinks = links
    .map((link, i) => ({ link, i }))
    .filter(({ link }) => pageOfRow[link.from] !== pageOfRow[link.to])
    .sort(
      (a, b) =>
        Math.min(a.link.from, a.link.to) - Math.min(b.link.from, b.link.to) ||
        Math.max(a.link.from, a.link.to) - Math.max(b.link.from, b.link.to) ||
        a.i - b.i,
    );
  const connectors: ConnectorPair[] = crossingLinks.map(({ link }, k) => {
    const letter = connectorLetter(k);
    const fromPage = pageOfRow[link.from]!;
    const toPage = pageOfRow[link.to]!;
    const down = toPage > fromPage;
    // A forward arrow leaves through the bottom of its page and arrives through the top of the next;
    // a back-edge climbs to the top of its page and lands from the bottom of the earlier one.
    pages[fromPage]![down ? 'bottom' : 'top'].push({ letter, linkId: link.id, row: link.from, direction: 'out', band: down ? 'bottom' : 'top' });
    pages[toPage]![down ? 'top' : 'bottom'].push({ letter, linkId: link.id, row: link.to, direction: 'in', band: down ? 'top' : 'bottom' });
    return { letter, linkId: link.id, from: link.from, to: link.to, fromPage, toPage };
  });
  for (const page of pages) {
    page.topBands = bands(page.top.length);
    page.bottomBands = bands(page.bottom.length);
  }

  // Trailing blocks: on the last page when they fit, else each whole on a new page.
  for (const block of input.trailing ?? []) {
    let last = pages[pages.length - 1];
    const room = (page: PlannedPage, index: number) =>
      (index === 0 ? input.firstPageBody : input.pageBody) + (page.hasTable ? 0 : input.tableHeader);
    if (!last || last.used + block.height > room(last, pages.length - 1)) {
      last = { start: rows.length, end: rows.length, top: [], bottom: [], topBands: 0, bottomBands: 0, trailing: [], hasTable: block.inTable, used: 0 };
      pages.push(last);
    }
    last.trailing.push(block.key);
    last.used += block.height;
  }
  if (pages.length === 0) pages.push({ start: 0, end: 0, top: [], bottom: [], topBands: 0, bottomBands: 0, trailing: [], hasTable: true, used: 0 });
  return { pages, connectors };
}

function rowsHeight(rows: readonly PaginationRow[], start: number, end: number): number {
  let sum = 0;
  for (let r = start; r < end; r++) sum += rows[r]!.height;
  return sum;
}
