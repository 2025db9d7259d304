/**
 * A crude text measurer: every glyph is `charWidth` em wide. It is only used
 * where nothing better exists (Node, or before the browser has measured the
 * table); the print view replaces these estimates with measured row heights.
 */

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

/** Lines a text needs in a column `width` px wide (paragraphs are the lines of the text). */
export function countWrappedLines(text: string, width: number, fontSize: number, charWidth: number): number {
  if (!text) return 0;
  const perLine = Math.max(1, width / (fontSize * charWidth));
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(paragraph.trim().length / perLine));
  return lines;
}
