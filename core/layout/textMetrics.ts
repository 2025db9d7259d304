/**
 * A crude text measurer: every glyph is `charWidth` em wide. It is only used
 * where nothing better exists (Node, or before the browser has measured the
 * table); the print view replaces these estimates with measured row heights.
 */

/**
 * Advance widths of Helvetica (whose metrics Arial and Liberation Sans, the
 * print fonts, share) in 1/1000 em, for the printable ASCII range. A label's
 * box is its text's real width, so "TIDAK" in capitals is not drawn past
 * the box the layout kept free for it. Other characters count as 0.6 em.
 */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];

/**
 * Width in px of a line of text in the print font (labels, table cells).
 * Bold text is about 6 % wider in Helvetica-Bold on average.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return ((bold ? 1.06 : 1) * textUnits(text, 0, text.length) * fontSize) / 1000;
}

/** Advance of text[from, to) in 1/1000 em. Surrogate pairs count once, as one glyph. */
function textUnits(text: string, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 32 && code <= 126) units += HELVETICA_WIDTHS[code - 32]!;
    else if (code < 0xdc00 || code > 0xdfff) units += 600;
  }
  return units;
}

/** The widest word of a text, in px: no column narrower than this can hold it without breaking it. */
export function longestWordWidth(text: string, fontSize: number, bold = false): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) if (word) widest = Math.max(widest, textWidth(word, fontSize, bold));
  return widest;
}

export function estimateTextWidth(text: string, fontSize: number, charWidth: number): number {
  return text.length * fontSize * charWidth;
}

/** Greedy word wrap to `maxWidth`; a word longer than a line is cut. Empty text gives no lines. */
export function wrapText(text: string, maxWidth: number, fontSize: number, charWidth: number): string[] {
  const perLine = Math.max(1, Math.floor(maxWidth / (fontSize * charWidth)));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
    let line = '';
    for (let word of words) {
      while (word.length > perLine) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push(word.slice(0, perLine));
        word = word.slice(perLine);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= perLine) line += ' ' + word;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** A line that starts with a list marker (1. a) - •), as core/text reads plain text. */
const LIST_ITEM = /^\s*(?:(?:\d{1,3}|[a-zA-Z])[.)]|\(\s*(?:\d{1,3}|[a-zA-Z])\s*\)|[-•·*–])\s+/;
const LIST_INDENT_EM = 1.4;

/**
 * Lines a text needs in a column `width` px wide (paragraphs are the lines of
 * the text), wrapped at spaces as the browser wraps it, each word measured in
 * the print font: an estimate close to what is measured later, so the print
 * plans its pages on realistic rows. `charWidth` scales the print font's
 * widths for another font (0.5 is the print font's own average).
 */
export function countWrappedLines(text: string, width: number, fontSize: number, charWidth: number): number {
  if (!text) return 0;
  // Measured in 1/1000 em, scaled once: this runs for every cell of every row of a long flow.
  const perUnit = (fontSize * (charWidth / 0.5)) / 1000;
  const space = HELVETICA_WIDTHS[0]! * perUnit;
  let lines = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // A list item prints its marker in a column of its own: its text wraps in what is left.
    const room = Math.max(1, width - (LIST_ITEM.test(text.slice(start, Math.min(end, start + 12))) ? LIST_INDENT_EM * fontSize : 0));
    let used = 0;
    let count = 1;
    let i = start;
    while (i < end) {
      while (i < end && isSpace(text.charCodeAt(i))) i++;
      const wordStart = i;
      while (i < end && !isSpace(text.charCodeAt(i))) i++;
      if (i === wordStart) break;
      const w = textUnits(text, wordStart, i) * perUnit;
      if (used > 0 && used + space + w <= room) used += space + w;
      else if (used === 0 && w <= room) used = w;
      else {
        if (used > 0) count++;
        // A word wider than the line takes lines of its own (the print widens columns to avoid it).
        count += Math.max(0, Math.ceil(w / room) - 1);
        used = w % room || room;
      }
    }
    lines += count;
    start = end + 1;
  }
  return lines;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0x200b;
}
