/**
 * A small markup a drafter can type in a plain textarea, converted both ways
 * to the document's Text (`string | RichText`), so editing a RichText value
 * keeps its list markers, levels, bold, italic and links instead of
 * flattening them to `plainTextOf`.
 *
 * The markup, one block per line:
 * - A line starting with a list marker (`1.` `1)` `(1)` `a.` `i.` `1.1.` `-`
 *   `•` `·` `*` `–`) and one space is a list item keeping that marker; two
 *   leading spaces per nesting level.
 * - Any other line is a paragraph; `\` before a line that would read as a list
 *   item keeps it a paragraph.
 * - `**bold**`, `_italic_`, `[text](https://address)` (http, https or mailto
 *   only; anything else stays text). `\` before `\ * _ [ ] ( )` writes the
 *   character itself.
 *
 * A plain string is shown exactly as it is and stays a plain string while
 * the typed text has no bold, italic or link in it (v1 documents, and lists
 * already written one item per line, are unchanged by an edit). A RichText
 * value stays RichText. `textFromMarkup(markupOf(x), x)` returns `x` for every
 * RichText in canonical form (see `isCanonicalRichText`) and every string
 * without markup in it.
 */
import type { RichText, Text, TextBlock, TextSpan } from '../../schemas/generated/sop.types';
import { isRichText, safeHref } from './richText';

const MARKER_CORE = String.raw`\d{1,3}(?:\.\d{1,3})+\.|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxlcIVXLC]{1,5}[.)]|\(\s*(?:\d{1,3}|[a-zA-Z])\s*\)|[-•·*–]`;
/** A list line: indentation, marker, exactly one space, then the item's text (possibly empty). */
const LIST_LINE = new RegExp(String.raw`^( *)(${MARKER_CORE}) (.*)$`);
const MARKER_ONLY = new RegExp(String.raw`^(?:${MARKER_CORE})$`);
/** The most levels the markup writes (two spaces each). */
export const MAX_MARKUP_LEVEL = 8;

const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')']);

/** The markup for a Text value: plain strings as they are, RichText with markers, levels and inline marks. */
export function markupOf(value: Text | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return value.blocks.map(formatBlock).join('\n');
}

function formatBlock(block: TextBlock): string {
  const body = formatSpans(block.spans);
  if (block.marker !== undefined) return `${'  '.repeat(block.level ?? 0)}${block.marker} ${body}`;
  // A paragraph that would read back as a list item is marked as a paragraph. A body that already starts with an
  // escape (`\* a`) reads back as a paragraph on its own: a second `\` would be read as an escaped backslash.
  return LIST_LINE.test(body) ? `\\${body}` : body;
}

function escapeText(text: string): string {
  return [...text].map((c) => (ESCAPABLE.has(c) ? `\\${c}` : c)).join('');
}

function formatSpans(spans: readonly TextSpan[]): string {
  let out = '';
  let bold = false;
  let italic = false;
  for (const span of spans) {
    if (!!span.bold !== bold) {
      out += '**';
      bold = !bold;
    }
    if (!!span.italic !== italic) {
      out += '_';
      italic = !italic;
    }
    out += span.href !== undefined ? `[${escapeText(span.text)}](${span.href.replace(/[\\)]/g, (c) => `\\${c}`)})` : escapeText(span.text);
  }
  return out + (italic ? '_' : '') + (bold ? '**' : '');
}

/**
 * The Text a drafter's markup stands for. `previous` is the value being edited:
 * a RichText stays RichText; a plain string (or nothing) stays a plain string,
 * exactly as typed, unless the markup has bold, italic or a link in it.
 */
export function textFromMarkup(markup: string, previous?: Text | null): Text {
  const rich = parseMarkup(markup);
  if (isRichText(previous)) return rich;
  const formatted = rich.blocks.some((block) => block.spans.some((span) => span.bold || span.italic || span.href !== undefined));
  return formatted ? rich : markup;
}

/** RichText from markup (see the module comment). */
export function parseMarkup(markup: string): RichText {
  if (markup === '') return { blocks: [] };
  return { blocks: markup.split(/\r?\n/).map(parseLine) };
}

function parseLine(line: string): TextBlock {
  if (line.startsWith('\\') && LIST_LINE.test(line.slice(1))) return { spans: parseSpans(line.slice(1)) };
  const match = LIST_LINE.exec(line);
  if (!match) return { spans: parseSpans(line) };
  const level = Math.min(MAX_MARKUP_LEVEL, Math.floor(match[1]!.length / 2));
  return { marker: match[2]!, ...(level > 0 ? { level } : {}), spans: parseSpans(match[3]!) };
}

const LINK = /^\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^\s)\\])+)\)/;

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (whole, c: string) => (ESCAPABLE.has(c) ? c : whole));
}

function parseSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let bold = false;
  let italic = false;
  let run = '';
  const push = (span: TextSpan) => {
    const last = spans[spans.length - 1];
    const same = last && !!last.bold === !!span.bold && !!last.italic === !!span.italic && last.href === undefined && span.href === undefined;
    if (same) last.text += span.text;
    else if (span.text !== '' || span.href !== undefined) spans.push(span);
  };
  const flush = () => {
    if (run !== '') push(marked(run, bold, italic));
    run = '';
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && ESCAPABLE.has(text[i + 1]!)) {
      run += text[i + 1];
      i += 2;
    } else if (text.startsWith('**', i)) {
      flush();
      bold = !bold;
      i += 2;
    } else if (c === '_') {
      flush();
      italic = !italic;
      i += 1;
    } else if (c === '[' && LINK.test(text.slice(i))) {
      const [whole, label, target] = LINK.exec(text.slice(i))!;
      const href = unescape(target!);
      if (safeHref(href) === undefined) {
        run += unescape(whole);
      } else {
        flush();
        push({ ...marked(unescape(label!), bold, italic), href });
      }
      i += whole.length;
    } else {
      run += c;
      i += 1;
    }
  }
  flush();
  return spans;
}

function marked(text: string, bold: boolean, italic: boolean): TextSpan {
  return { text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) };
}

/**
 * Whether the markup can say this RichText exactly: markers it recognises,
 * levels it writes, no empty spans, and no two neighbouring spans it would
 * merge (same marks, neither a link), and not a single empty paragraph. Other RichText is kept in meaning and
 * normalised by an edit.
 */
export function isCanonicalRichText(value: RichText): boolean {
  // Empty markup is no blocks at all, not one empty paragraph.
  if (value.blocks.length === 1 && value.blocks[0]!.marker === undefined && value.blocks[0]!.spans.length === 0) return false;
  return value.blocks.every((block) => {
    if (block.marker !== undefined && !MARKER_ONLY.test(block.marker)) return false;
    if (block.marker === undefined && block.level !== undefined) return false;
    if (block.level !== undefined && (block.level < 1 || block.level > MAX_MARKUP_LEVEL)) return false;
    return block.spans.every((span, i) => {
      if (span.text === '' && span.href === undefined) return false;
      if (span.bold === false || span.italic === false) return false;
      if (span.href !== undefined && safeHref(span.href) === undefined) return false;
      const before = block.spans[i - 1];
      return !before || before.href !== undefined || span.href !== undefined || !!before.bold !== !!span.bold || !!before.italic !== !!span.italic;
    });
  });
}
