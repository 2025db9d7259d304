/**
 * Where a JSON pointer's value sits in JSON text, so an editor can underline
 * the place a diagnostic is about. Works on text that `JSON.parse` accepts;
 * on anything else it returns null rather than guess.
 */

export interface JsonTextRange {
  /** Offsets (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** False when the pointer's last part is missing (a required property): the range is then its parent's. */
  exact: boolean;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  return i;
}

/** The offset after the string that opens at `i`. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 0x5c) j++;
    else if (code === 0x22) return j + 1;
  }
  return text.length;
}

/** The offset after the value that starts at `i` (counting brackets, never recursing). */
function skipValue(text: string, i: number): number {
  const first = text[i];
  if (first === '"') return skipString(text, i);
  if (first !== '{' && first !== '[') {
    let j = i;
    while (j < text.length && !/[\s,\]}]/.test(text[j]!)) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const ch = text[j];
    if (ch === '"') j = skipString(text, j) - 1;
    else if (ch === '{' || ch === '[') depth++;
    else if ((ch === '}' || ch === ']') && --depth === 0) return j + 1;
  }
  return text.length;
}

/**
 * The range to underline for `pointer`: a primitive value with its property
 * name, or only the name (or the opening bracket) of an object or array, which
 * may span hundreds of lines. A missing last part gives its parent's range.
 */
export function locateJsonPointer(text: string, pointer: string): JsonTextRange | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  let at = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  let nameStart: number | null = null;
  let nameEnd: number | null = null;
  const rangeHere = (exact: boolean): JsonTextRange => {
    const container = text[at] === '{' || text[at] === '[';
    const start = nameStart ?? at;
    const end = container ? (nameEnd ?? at + 1) : skipValue(text, at);
    return { start, end, exact };
  };
  for (const segment of pointerSegments(pointer)) {
    const open = text[at];
    if (open !== '{' && open !== '[') return rangeHere(false);
    let i = skipSpace(text, at + 1);
    let index = 0;
    let found = false;
    while (text[i] !== (open === '{' ? '}' : ']')) {
      let keyStart: number | null = null;
      let keyEnd: number | null = null;
      let matches: boolean;
      if (open === '{') {
        keyStart = i;
        keyEnd = skipString(text, i);
        matches = (JSON.parse(text.slice(keyStart, keyEnd)) as string) === segment;
        i = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
      } else {
        matches = String(index) === segment;
      }
      if (matches) {
        at = i;
        nameStart = keyStart;
        nameEnd = keyEnd;
        found = true;
        break;
      }
      i = skipSpace(text, skipValue(text, i));
      if (text[i] === ',') i = skipSpace(text, i + 1);
      index++;
    }
    if (!found) return rangeHere(false);
  }
  return rangeHere(true);
}

/** 1-based line and column of an offset, as editors count them. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
