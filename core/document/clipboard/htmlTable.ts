/**
 * The rows of the first table in clipboard HTML (Word, Excel, LibreOffice,
 * Google Docs), read by a small tolerant tokenizer: the core has no DOM, and a
 * regex-free walk over tags cannot be made to run scripts or fetch anything.
 * Only text survives: every tag is dropped, entities are decoded, line breaks
 * (<br>, paragraphs, list items) become "\n", and the contents of <script>,
 * <style> and comments are skipped. Merged cells keep columns aligned: a
 * colspan or rowspan leaves empty cells where it reaches.
 */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'head', 'title', 'xml', 'template', 'noscript', 'svg', 'math']);
const LINE_BREAK_ELEMENTS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_SPAN = 100;

export function htmlTableToRows(html: string): string[][] {
  const rows: string[][] = [];
  const pendingRowSpans = new Map<number, number>(); // column -> rows still covered by a rowspan above
  let tableDepth = 0;
  let inFirstTable = false;
  let finished = false;
  let row: string[] | undefined;
  let cell: { text: string; colspan: number; rowspan: number } | undefined;
  let listCounters: number[] = [];

  const closeCell = () => {
    if (!row || !cell) return;
    while (pendingRowSpans.has(row.length)) skipCoveredColumn(row, pendingRowSpans);
    const start = row.length;
    row.push(cleanCellText(cell.text));
    for (let k = 1; k < cell.colspan; k++) row.push('');
    if (cell.rowspan > 1) for (let c = start; c < start + cell.colspan; c++) pendingRowSpans.set(c, cell.rowspan - 1);
    cell = undefined;
  };
  const closeRow = () => {
    closeCell();
    if (!row) return;
    while (pendingRowSpans.has(row.length)) skipCoveredColumn(row, pendingRowSpans);
    rows.push(row);
    row = undefined;
  };

  for (const token of tokenize(html)) {
    if (finished) break;
    if (token.kind === 'text') {
      // Source line breaks are layout in HTML; only tags (<br>, <p>, <li>) break lines.
      if (cell) cell.text += decodeEntities(token.text.replace(/[ \t\r\n\f]+/g, ' '));
      continue;
    }
    const { name, closing } = token;
    if (name === 'table') {
      if (!closing) {
        tableDepth++;
        inFirstTable = true;
      } else if (tableDepth > 0) {
        tableDepth--;
        if (tableDepth === 0 && inFirstTable) {
          closeRow();
          finished = true;
        }
      }
      continue;
    }
    if (!inFirstTable) continue;
    // A table nested in a cell is read as that cell's text.
    if (tableDepth > 1) {
      if (cell && (LINE_BREAK_ELEMENTS.has(name) || name === 'td' || name === 'th')) cell.text += name === 'td' || name === 'th' ? ' ' : '\n';
      continue;
    }
    if (name === 'tr') {
      if (closing) closeRow();
      else {
        closeRow();
        row = [];
      }
    } else if (name === 'td' || name === 'th') {
      closeCell();
      if (!closing) {
        row ??= [];
        cell = { text: '', colspan: spanOf(token.attributes, 'colspan'), rowspan: spanOf(token.attributes, 'rowspan') };
      }
    } else if (cell) {
      if (name === 'ol' || name === 'ul') {
        if (closing) listCounters.pop();
        else listCounters = [...listCounters, name === 'ol' ? 1 : 0];
        cell.text += '\n';
      } else if (name === 'li' && !closing) {
        const depth = listCounters.length - 1;
        const counter = listCounters[depth] ?? 0;
        cell.text += counter > 0 ? `\n${counter}. ` : '\n- ';
        if (counter > 0) listCounters[depth] = counter + 1;
      } else if (LINE_BREAK_ELEMENTS.has(name) && (name === 'br' || closing || name === 'p' || name === 'div')) {
        cell.text += '\n';
      }
    }
  }
  if (!finished) closeRow();
  return rows;
}

function skipCoveredColumn(row: string[], pending: Map<number, number>): void {
  const column = row.length;
  const left = pending.get(column)!;
  if (left <= 1) pending.delete(column);
  else pending.set(column, left - 1);
  row.push('');
}

function spanOf(attributes: string, name: string): number {
  const match = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,3})`, 'i').exec(attributes);
  const value = match ? Number(match[1]) : 1;
  return Math.max(1, Math.min(MAX_SPAN, value));
}

/** Trims each line, drops empty lines at the ends, squashes runs of blank lines. */
function cleanCellText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

type Token = { kind: 'text'; text: string } | { kind: 'tag'; name: string; closing: boolean; attributes: string };

/**
 * Splits HTML into text and tags in one pass. Comments, declarations and the
 * contents of skipped elements (scripts, styles, Word's <xml> blocks) vanish.
 */
function* tokenize(html: string): Generator<Token> {
  let i = 0;
  const length = html.length;
  const lower = html.toLowerCase();
  while (i < length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      yield { kind: 'text', text: html.slice(i) };
      return;
    }
    if (lt > i) yield { kind: 'text', text: html.slice(i, lt) };
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? length : end + 1;
      continue;
    }
    const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    if (!match) {
      yield { kind: 'text', text: '<' };
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt + match[0].length);
    const name = match[2]!.toLowerCase().replace(/^[a-z]+:/, '');
    const closing = match[1] === '/';
    const attributes = html.slice(lt + match[0].length, end);
    i = end + 1;
    if (!closing && SKIPPED_ELEMENTS.has(name) && !attributes.trimEnd().endsWith('/')) {
      const close = lower.indexOf(`</${match[2]!.toLowerCase()}`, i);
      i = close < 0 ? length : tagEnd(html, close) + 1;
      continue;
    }
    yield { kind: 'tag', name, closing, attributes };
  }
}

/** Index of the `>` closing a tag, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return html.length;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', rarr: '→', times: '×', deg: '°',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});?/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Control characters and invalid code points are not text.
      if (!Number.isFinite(code) || code > 0x10ffff || (code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0xd800 && code <= 0xdfff)) return '';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
