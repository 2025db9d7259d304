/**
 * Finds where JSON text goes wrong and what is wrong there, in words a
 * drafter can act on ("a comma is missing", "the closing quote is missing"),
 * in both interface languages. `JSON.parse` decides whether text is JSON;
 * its own messages are the engine's English and differ between browsers, so
 * they are never shown. This scanner follows RFC 8259 exactly (a property
 * test holds it to `JSON.parse`), iteratively, so deep nesting cannot
 * overflow the stack.
 */
import type { LocalizedText } from './diagnostic';

export type JsonSyntaxProblem =
  | 'empty'
  | 'unexpected-end'
  | 'unexpected-character'
  | 'missing-comma'
  | 'trailing-comma'
  | 'missing-colon'
  | 'property-name-expected'
  | 'unterminated-string'
  | 'control-character'
  | 'bad-escape'
  | 'bad-number'
  | 'bare-word'
  | 'single-quote'
  | 'comment'
  | 'extra-content';

export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) in the text where the problem is. */
  offset: number;
  problem: JsonSyntaxProblem;
  /** What was found there, for the message (a character or a word). */
  found: string;
  /** The brackets still open at the end of the text, innermost last: what an 'unexpected-end' lacks. */
  open: string;
}

type Container = '{' | '[';

/** What the scanner expects next. */
type Expect =
  | 'value' // a value (top level, after '[' with items, after ':' or ',' in an array)
  | 'first-item' // after '[': a value or ']'
  | 'first-key' // after '{': a key or '}'
  | 'key' // after ',' in an object
  | 'colon'
  | 'after-value'; // ',' or the container's closer, or the end of the text at the top level

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_CHARS = /[-+0-9.eE]/;
const WORD_CHARS = /[\p{L}\p{N}_$]/u;

/** The first syntax error of `text`, or null when it is JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: Container[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (offset: number, problem: JsonSyntaxProblem, found = describeAt(text, offset)): JsonSyntaxError => ({
    offset,
    problem,
    found,
    open: stack.join(''),
  });

  for (;;) {
    while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
    if (i >= text.length) {
      if (expect === 'after-value' && stack.length === 0) return null;
      return fail(text.length, stack.length === 0 && expect === 'value' ? 'empty' : 'unexpected-end', '');
    }
    const ch = text[i]!;
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return fail(i, 'comment', text.slice(i, i + 2));

    switch (expect) {
      case 'after-value': {
        const top = stack[stack.length - 1];
        if (top === undefined) return fail(i, 'extra-content');
        if (ch === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
          continue;
        }
        if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
          stack.pop();
          i++;
          expect = 'after-value';
          continue;
        }
        // Something that could start the next item: the comma before it is missing.
        return fail(i, startsValue(ch) || ch === "'" ? 'missing-comma' : 'unexpected-character');
      }
      case 'colon':
        if (ch !== ':') return fail(i, 'missing-colon');
        i++;
        expect = 'value';
        continue;
      case 'first-key':
      case 'key': {
        if (ch === '}') {
          if (expect === 'key') return fail(i, 'trailing-comma');
          stack.pop();
          i++;
          expect = 'after-value';
          continue;
        }
        if (ch === "'") return fail(i, 'single-quote');
        if (ch !== '"') return fail(i, 'property-name-expected', WORD_CHARS.test(ch) ? wordAt(text, i) : describeAt(text, i));
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.problem);
        i = end;
        expect = 'colon';
        continue;
      }
      case 'first-item':
        if (ch === ']') {
          stack.pop();
          i++;
          expect = 'after-value';
          continue;
        }
        expect = 'value'; // anything else must be a value; the next pass reads it
        continue;
      case 'value': {
        // In an array, a value is expected here only after a comma.
        if (ch === ']' && stack[stack.length - 1] === '[') return fail(i, 'trailing-comma');
        if (ch === '{' || ch === '[') {
          stack.push(ch);
          i++;
          expect = ch === '{' ? 'first-key' : 'first-item';
          continue;
        }
        if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return fail(end.offset, end.problem);
          i = end;
        } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
          let end = i + 1;
          while (end < text.length && NUMBER_CHARS.test(text[end]!)) end++;
          const number = text.slice(i, end);
          if (!NUMBER.test(number)) return fail(i, 'bad-number', number);
          i = end;
        } else if (ch === "'") {
          return fail(i, 'single-quote');
        } else if (WORD_CHARS.test(ch)) {
          const word = wordAt(text, i);
          if (word !== 'true' && word !== 'false' && word !== 'null') return fail(i, 'bare-word', word);
          i += word.length;
        } else {
          return fail(i, 'unexpected-character');
        }
        expect = 'after-value';
        continue;
      }
    }
  }
}

/** Scans a string starting at its opening quote; returns the offset after the closing quote, or the problem. */
function scanString(text: string, start: number): number | { offset: number; problem: JsonSyntaxProblem } {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, problem: 'bad-escape' };
        i += 6;
        continue;
      }
      if (next === undefined) break;
      if (!'"\\/bfnrt'.includes(next)) return { offset: i, problem: 'bad-escape' };
      i += 2;
      continue;
    }
    // A line break inside a string almost always means its closing quote is missing.
    if (code === 0x0a || code === 0x0d) return { offset: i, problem: 'unterminated-string' };
    if (code < 0x20) return { offset: i, problem: 'control-character' };
    i++;
  }
  return { offset: text.length, problem: 'unterminated-string' };
}

function startsValue(ch: string): boolean {
  return ch === '"' || ch === '{' || ch === '[' || ch === '-' || (ch >= '0' && ch <= '9') || WORD_CHARS.test(ch);
}

function wordAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < 40 && WORD_CHARS.test(text[end]!)) end++;
  return text.slice(start, end);
}

/** The character at `offset` (a whole surrogate pair), or '' at the end. */
function describeAt(text: string, offset: number): string {
  const code = text.codePointAt(offset);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** Shows a found character or word as plain, visible, quoted text ("\t" for a tab). */
function shown(found: string): string {
  return JSON.stringify(found);
}

/** What is wrong, in both languages, without the location. */
export function describeJsonSyntaxError(error: JsonSyntaxError): LocalizedText {
  const found = shown(error.found);
  switch (error.problem) {
    case 'empty':
      return { id: 'Teks kosong; belum ada JSON.', en: 'The text is empty; there is no JSON.' };
    case 'unexpected-end': {
      const closers = [...error.open].reverse().map((c) => (c === '{' ? '}' : ']')).join(' ');
      return closers
        ? { id: `Teks berakhir sebelum JSON selesai; masih kurang ${closers}.`, en: `The text ends before the JSON is complete; ${closers} still missing.` }
        : { id: 'Teks berakhir sebelum JSON selesai.', en: 'The text ends before the JSON is complete.' };
    }
    case 'unexpected-character':
      return { id: `Karakter ${found} tidak diharapkan di sini.`, en: `Unexpected character ${found} here.` };
    case 'missing-comma':
      return { id: `Kurang tanda koma (,) sebelum ${found}.`, en: `A comma (,) is missing before ${found}.` };
    case 'trailing-comma':
      return {
        id: `Tanda koma (,) sebelum ${found} harus dihapus; JSON tidak membolehkan koma sesudah butir terakhir.`,
        en: `Remove the comma (,) before ${found}; JSON allows no comma after the last item.`,
      };
    case 'missing-colon':
      return { id: `Kurang titik dua (:) sesudah nama properti, sebelum ${found}.`, en: `A colon (:) is missing after the property name, before ${found}.` };
    case 'property-name-expected':
      return {
        id: `Di sini harus ada nama properti dalam tanda kutip ganda ("), bukan ${found}.`,
        en: `A property name in double quotes (") is expected here, not ${found}.`,
      };
    case 'unterminated-string':
      return { id: 'Teks tidak ditutup; kurang tanda kutip ganda (") penutup.', en: 'A string is not closed; its closing double quote (") is missing.' };
    case 'control-character':
      return {
        id: `Karakter kendali ${found} tidak boleh ada di dalam teks; tulis sebagai \\t atau \\n.`,
        en: `Control character ${found} is not allowed inside a string; write it as \\t or \\n.`,
      };
    case 'bad-escape':
      return {
        id: 'Garis miring terbalik (\\) di dalam teks harus diikuti ", \\, /, b, f, n, r, t, atau u dengan 4 digit heksadesimal; tulis \\\\ untuk garis miring terbalik biasa.',
        en: 'A backslash (\\) in a string must be followed by ", \\, /, b, f, n, r, t, or u and 4 hex digits; write \\\\ for a plain backslash.',
      };
    case 'bad-number':
      return { id: `${found} bukan angka JSON yang sah.`, en: `${found} is not a valid JSON number.` };
    case 'bare-word':
      return {
        id: `${found} bukan nilai JSON; teks harus diapit tanda kutip ganda (").`,
        en: `${found} is not a JSON value; text must be in double quotes (").`,
      };
    case 'single-quote':
      return { id: `Teks harus diapit tanda kutip ganda ("), bukan tanda kutip tunggal (').`, en: `Text must be in double quotes ("), not single quotes (').` };
    case 'comment':
      return { id: 'JSON tidak boleh berisi komentar.', en: 'JSON cannot contain comments.' };
    case 'extra-content':
      return { id: `Ada teks lagi (${found}) sesudah akhir JSON.`, en: `There is more text (${found}) after the end of the JSON.` };
  }
}
