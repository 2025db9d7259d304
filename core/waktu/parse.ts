/**
 * Reads the free-text Waktu column into a ParsedWaktu.
 *
 * Agencies write time in many ways; the parser only commits to a reading when
 * it is unambiguous and otherwise answers `unparsed`, so the raw text stays the
 * source of truth and nothing is ever guessed (OCR "L hari" is not "1 hari").
 */
import type {
  ParsedWaktu,
  WaktuAmount,
  WaktuWindow,
} from '../../schemas/generated/sop.types';

export type WaktuUnit = WaktuAmount['unit'];

/** Real Waktu cells are a few words; longer text is not a time and is never fed to a regex. */
const MAX_INPUT_LENGTH = 200;
/** The schema's bound on amounts. */
const MAX_VALUE = 1_000_000;
const MAX_OPTIONS = 10;

const UNPARSED: ParsedWaktu = { kind: 'unparsed' };

// After whitespace is collapsed every gap is one space, so ` ?` suffices and
// no two adjacent quantifiers can match the same characters (no backtracking blow-up).
const NUM = String.raw`(\d{1,9}(?:[.,]\d{1,6})?)`;
const UNIT = String.raw`(menit|mnt|min|jam|hari kerja|hk|hari|minggu|pekan|bulan|triwulan|semester|tahun)`;
const RANGE_SEP = String.raw`(?:-|–|—|s\.? ?d\.?|sampai(?: dengan)?|hingga)`;

const SINGLE = new RegExp(`^${NUM} ?${UNIT}$`);
const RANGE = new RegExp(`^${NUM} ?${RANGE_SEP} ?${NUM} ?${UNIT}$`);
const RANGE_BOTH_UNITS = new RegExp(`^${NUM} ?${UNIT} ?${RANGE_SEP} ?${NUM} ?${UNIT}$`);
const HOURS_AND_MINUTES = new RegExp(`^${NUM} ?jam ?${NUM} ?(?:menit|mnt|min)$`);
const WINDOW = new RegExp(`^(setiap )?(?:tanggal|tgl\\.?) ?(\\d{1,2}) ?${RANGE_SEP} ?(\\d{1,2})$`);
const ALTERNATIVE_SEP = / ?\/ ?| atau /;

const UNIT_WORDS: Readonly<Record<string, WaktuUnit>> = {
  menit: 'minute',
  mnt: 'minute',
  min: 'minute',
  jam: 'hour',
  'hari kerja': 'workingDay',
  hk: 'workingDay',
  hari: 'day',
  minggu: 'week',
  pekan: 'week',
  bulan: 'month',
  // Reporting periods of government work (laporan triwulan, evaluasi semester).
  triwulan: 'quarter',
  semester: 'semester',
  tahun: 'year',
};

export function parseWaktu(raw: string): ParsedWaktu {
  if (typeof raw !== 'string') return UNPARSED;
  const trimmed = raw.trim();
  if (trimmed.length > MAX_INPUT_LENGTH) return UNPARSED;
  const text = normalize(trimmed);
  if (text === '' || text === '-' || text === '–' || text === '—') return { kind: 'empty' };
  return parseSingle(text) ?? parseAlternatives(text) ?? UNPARSED;
}

function normalize(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/\s+/g, ' ')
      // Transcriptions mark letters restored from a damaged source as "[t]":
      // lmj-14 writes "2 meni[t]" and normalizes it to 2 minutes (its durationCheck
      // sums it into 25 menit). The bracket is the transcriber's explicit repair of
      // the unit word, not a guess by us, so it is honoured. A bare "2 meni" has no
      // such repair and stays unparsed.
      .replace(/\[([a-z]{1,3})\]/g, '$1')
      // "s/d" is a range word, not an alternatives slash.
      .replace(/s ?\/ ?d\.?/g, 's.d.')
  );
}

function parseSingle(text: string): WaktuAmount | WaktuWindow | null {
  return parseAmount(text) ?? parseWindow(text);
}

function parseAmount(text: string): WaktuAmount | null {
  let m = SINGLE.exec(text);
  if (m) return amount(UNIT_WORDS[m[2]!]!, toNumber(m[1]!), toNumber(m[1]!));

  m = RANGE.exec(text);
  if (m) return amount(UNIT_WORDS[m[3]!]!, toNumber(m[1]!), toNumber(m[2]!));

  m = RANGE_BOTH_UNITS.exec(text);
  if (m) {
    const unit = UNIT_WORDS[m[2]!]!;
    if (unit !== UNIT_WORDS[m[4]!]) return null;
    return amount(unit, toNumber(m[1]!), toNumber(m[3]!));
  }

  m = HOURS_AND_MINUTES.exec(text);
  if (m) {
    // Only hour+minute combine: they share an exact factor, unlike days or months.
    const minutes = toNumber(m[1]!) * 60 + toNumber(m[2]!);
    return amount('minute', minutes, minutes);
  }
  return null;
}

function parseWindow(text: string): WaktuWindow | null {
  const m = WINDOW.exec(text);
  if (!m) return null;
  const fromDay = Number(m[2]);
  const toDay = Number(m[3]);
  if (fromDay < 1 || toDay > 31 || fromDay > toDay) return null;
  const window: WaktuWindow = { kind: 'window', fromDay, toDay, recurrence: 'monthly' };
  if (!m[1]) window.recurrenceStated = false;
  return window;
}

function parseAlternatives(text: string): ParsedWaktu | null {
  const parts = text.split(ALTERNATIVE_SEP);
  if (parts.length < 2 || parts.length > MAX_OPTIONS) return null;
  const options: (WaktuAmount | WaktuWindow)[] = [];
  for (const part of parts) {
    const option = parseSingle(part.trim());
    if (!option) return null;
    options.push(option);
  }
  return { kind: 'alternatives', options };
}

function amount(unit: WaktuUnit, min: number, max: number): WaktuAmount | null {
  if (!(min <= max) || max > MAX_VALUE) return null;
  return { kind: 'amount', unit, min, max };
}

function toNumber(digits: string): number {
  return Number(digits.replace(',', '.'));
}
