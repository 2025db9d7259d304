/**
 * Reads the date strings of an SOP identity page ("Tanggal Pembuatan",
 * "Tgl. Revisi", "Tanggal Pengesahan", "Tgl. Efektif", the signature date).
 *
 * Agencies write them by hand in Word or on a scan: "16 Januari 2024",
 * "16 JANUARI 2024", "Agustus 2017", "26 Pebruari 2020", "02Januari 2020",
 * "21 Septermber, 2020", "21-September2020", "-", "" and OCR junk. The raw
 * text is always kept; the ISO value is only given when the whole string is
 * one date and nothing else, so a transcriber's comment or OCR garbage never
 * turns into a wrong date. Never throws.
 */

export type SopDatePrecision = 'day' | 'month' | 'none';

export interface ParsedSopDate {
  /** The input, unchanged. */
  raw: string;
  /** YYYY-MM-DD (day precision) or YYYY-MM (month precision). */
  iso?: string;
  precision: SopDatePrecision;
}

/** Month numbers by the spellings seen in Indonesian SOPs (old spellings included). */
const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  feb: 2,
  peb: 2,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  agustus: 8,
  agt: 8,
  agu: 8,
  agust: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  nopember: 11,
  november: 11,
  nop: 11,
  nov: 11,
  desember: 12,
  des: 12,
};

/** Full month names that a one- or two-letter typo may be matched against ("Septermber", "Pebruai"). */
const FULL_NAMES: readonly (readonly [string, number])[] = Object.entries(MONTHS).filter(([name]) => name.length >= 5);

/** Identity-page dates are short; longer text is a remark, not a date, and is never fed to a regex. */
const MAX_INPUT_LENGTH = 80;

const NONE = (raw: string): ParsedSopDate => ({ raw, precision: 'none' });

// One day (optional), one month word, one four-digit year, with only spaces,
// dots, commas, dashes or slashes around them ("02Januari 2020", "21-September2020").
const SEP = String.raw`[\s.,\-/]*`;
const WORD_DATE = new RegExp(`^${SEP}(?:(\\d{1,2})${SEP})?([a-z]{3,12})${SEP}(\\d{4})${SEP}$`);
// Numeric day-month-year, as Indonesians write it: "05/01/2022", "5-1-2022".
const NUMERIC_DATE = /^\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*$/;

export function parseSopDate(raw: string): ParsedSopDate {
  try {
    if (typeof raw !== 'string') return NONE(String(raw));
    if (raw.length > MAX_INPUT_LENGTH) return NONE(raw);
    const text = raw.replace(/\u00a0/g, ' ').toLowerCase();
    if (text.trim() === '' || /^\s*[-–—]+\s*$/.test(text)) return NONE(raw);

    let m = ISO_DATE.exec(text);
    if (m) return build(raw, Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));

    m = NUMERIC_DATE.exec(text);
    if (m) return build(raw, Number(m[3]), Number(m[2]), Number(m[1]));

    m = WORD_DATE.exec(text);
    if (m) {
      const month = monthNumber(m[2]!);
      if (month === undefined) return NONE(raw);
      return build(raw, Number(m[3]), month, m[1] === undefined ? undefined : Number(m[1]));
    }
    return NONE(raw);
  } catch {
    return NONE(typeof raw === 'string' ? raw : '');
  }
}

function build(raw: string, year: number, month: number, day: number | undefined): ParsedSopDate {
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return NONE(raw);
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return { raw, iso: `${year}-${mm}`, precision: 'month' };
  if (day < 1 || day > daysInMonth(year, month)) return NONE(raw);
  return { raw, iso: `${year}-${mm}-${String(day).padStart(2, '0')}`, precision: 'day' };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month a word names, allowing one typo in a full month name (two for names of eight letters or more). */
function monthNumber(word: string): number | undefined {
  const exact = MONTHS[word];
  if (exact !== undefined) return exact;
  if (word.length < 5) return undefined;
  let best: number | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const [name, month] of FULL_NAMES) {
    const allowed = name.length >= 8 ? 2 : 1;
    const d = editDistance(word, name, allowed);
    if (d > allowed) continue;
    if (d < bestDistance) {
      bestDistance = d;
      best = month;
      tie = false;
    } else if (d === bestDistance && month !== best) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
