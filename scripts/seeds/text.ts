/**
 * Text helpers of the seed converter: whitespace, list structure, slugs, and
 * the transcriber's remarks that the transcriptions append in parentheses.
 */

/** Collapses runs of whitespace (line wraps, double spaces of Word exports) into one space. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A readable LocalId from a label: "DESA/KELURAHAN" → "desa-kelurahan",
 * "Ka. Dinas" → "ka-dinas". Matches ^[A-Za-z][A-Za-z0-9_.-]{0,63}$.
 */
export function slugId(label: string): string {
  let slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') slug = 'actor';
  if (!/^[a-z]/.test(slug)) slug = `a-${slug}`;
  return slug.slice(0, 64).replace(/-+$/, '');
}

/**
 * Words that mark a parenthesised part as the transcriber's remark (written in
 * English) rather than part of the SOP's own text ("(SPM)", "(KIS)" stay).
 */
const REMARK_WORDS =
  /\b(OCR|typo|assumption|unreadable|maybe|blank|legible|split|stamp|cover|heading|label placed|header reads|garbled|truncated|instead of)\b|'/i;

/**
 * Splits a trailing transcriber's remark off a value:
 * "Jumlah (label placed in the Alat/ Kelengkapan column …)" → "Jumlah" + remark.
 * A value that is only a remark ("(name not legible in OCR)") becomes "".
 */
export function splitRemark(text: string): { value: string; remark?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/s.exec(text);
  if (!m || !REMARK_WORDS.test(m[2]!)) return { value: text };
  // "IAB-VAE) 20t = (OCR …)": the value may itself contain an unbalanced ")".
  const last = text.lastIndexOf('(');
  return { value: text.slice(0, last).trim(), remark: text.slice(last + 1, text.lastIndexOf(')')).trim() };
}

interface Marker {
  index: number;
  length: number;
  ordinal: number;
  label: string;
}

/**
 * Finds the longest run of consecutive list markers ("a." "b." "c.", or
 * "1." "2."), at least two long, and returns them in order.
 */
function consecutiveRun(markers: Marker[]): Marker[] {
  let best: Marker[] = [];
  for (let i = 0; i < markers.length; i++) {
    const run = [markers[i]!];
    for (let j = i + 1; j < markers.length; j++) {
      if (markers[j]!.ordinal === run[run.length - 1]!.ordinal + 1) run.push(markers[j]!);
    }
    if (run.length > best.length) best = run;
  }
  return best.length >= 2 ? best : [];
}

function splitAt(text: string, markers: Marker[], render: (m: Marker) => string): string {
  const lines: string[] = [];
  const head = text.slice(0, markers[0]!.index).trim();
  if (head !== '') lines.push(head);
  markers.forEach((m, k) => {
    const end = k + 1 < markers.length ? markers[k + 1]!.index : text.length;
    const body = text.slice(m.index + m.length, end).trim();
    lines.push(`${render(m)}${body}`);
  });
  return lines.join('\n');
}

/**
 * Restores the list structure that the transcriptions flatten into one line:
 * "Pemohon … : · Masyarakat … · Petugas …" becomes a head line and "- " items;
 * "… : a. Diterbitkan … b. Tidak diterbitkan …" becomes one "a. " line per item;
 * "Tujuan : 1. Agar … 2. Agar …" one "1. " line per item; "- X - Y" one "- " line each.
 * Text without such markers is only squashed.
 */
export function restoreLists(input: string): string {
  const text = squash(input);

  if (/[·•]/.test(text)) {
    const [head, ...items] = text.split(/\s*[·•]\s*/);
    return [head!.trim(), ...items.map((i) => i.trim()).filter((i) => i !== '').map((i) => `- ${i}`)]
      .filter((l) => l !== '')
      .join('\n');
  }

  const letters: Marker[] = [];
  for (const m of text.matchAll(/(^|\s)([a-h])\.\s+(?=\S)/g)) {
    letters.push({ index: m.index + m[1]!.length, length: m[0].length - m[1]!.length, ordinal: m[2]!.charCodeAt(0), label: m[2]! });
  }
  const letterRun = consecutiveRun(letters);
  if (letterRun.length > 0) return splitAt(text, letterRun, (m) => `${m.label}. `);

  const numbers: Marker[] = [];
  for (const m of text.matchAll(/(^|\s)(\d{1,2})\.\s+(?=[A-Za-z])/g)) {
    numbers.push({ index: m.index + m[1]!.length, length: m[0].length - m[1]!.length, ordinal: Number(m[2]), label: m[2]! });
  }
  const numberRun = consecutiveRun(numbers);
  if (numberRun.length > 0 && numberRun[0]!.ordinal === 1) return splitAt(text, numberRun, (m) => `${m.label}. `);

  const dashes: Marker[] = [];
  let n = 0;
  for (const m of text.matchAll(/(^|\s)-\s+(?=\S)/g)) {
    dashes.push({ index: m.index + m[1]!.length, length: m[0].length - m[1]!.length, ordinal: n++, label: '-' });
  }
  if (dashes.length >= 2 || (dashes.length === 1 && dashes[0]!.index === 0)) {
    return splitAt(text, dashes, () => '- ');
  }
  return text;
}

/** A list item without its bullet or letter ("a. FC KK dan KTP" → "FC KK dan KTP", "- Pendataan …" → "Pendataan …"). */
export function stripItemMarker(item: string): { text: string; marker?: string } {
  const m = /^\s*([a-z]\.|-|·|•)\s+(.*)$/s.exec(item);
  return m ? { text: squash(m[2]!), marker: m[1]! } : { text: squash(item) };
}
