/**
 * Tab-separated text as Excel and Word put it on the clipboard. Excel quotes a
 * cell that holds a line break, a tab or a quote ("a""b" is a"b); a cell that
 * does not start with a quote is taken literally, quotes and all.
 */
export function parseTsv(text: string): string[][] {
  const input = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  if (input === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i <= input.length) {
    let cell = '';
    if (input[i] === '"' && closesQuoted(input, i)) {
      i++;
      for (;;) {
        if (input[i] === '"' && input[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (input[i] === '"') {
          i++;
          break;
        } else {
          cell += input[i];
          i++;
        }
      }
    }
    while (i < input.length && input[i] !== '\t' && input[i] !== '\n') cell += input[i++];
    row.push(cell);
    if (i >= input.length || input[i] === '\n') {
      rows.push(row);
      row = [];
    }
    i++;
  }
  return rows;
}

/**
 * True when the quote at `start` opens a quoted cell: a closing quote follows
 * that ends the cell (before a tab, a line break or the end). Otherwise a
 * stray quote (`"Pemohon` typed by hand) is plain text.
 */
function closesQuoted(input: string, start: number): boolean {
  for (let i = start + 1; i < input.length; i++) {
    if (input[i] !== '"') continue;
    if (input[i + 1] === '"') {
      i++;
      continue;
    }
    const after = input[i + 1];
    return after === undefined || after === '\t' || after === '\n';
  }
  return false;
}
