/**
 * Case numbers people can read over the phone: "SPM-2026-7KQX-0042".
 *
 * - an SOP code (the acronym the SOP's title gives, else the initials of its
 *   main words), so the clerk hears which service it is;
 * - the year the case started;
 * - the device code: four Crockford base-32 characters drawn at random once
 *   per device (no I, L, O or U, so nothing is misheard as 1 or 0), which
 *   makes numbers unique across devices without asking a server;
 * - a sequence, per device and year.
 *
 * The number is given when the case starts and travels in the case.started
 * event, so it stays the same in every office the case reaches.
 */
import type { SopDocument } from '../../schemas/generated/sop.types';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const DEVICE_CODE_LENGTH = 4;
export const CASE_CODE_MAX = 6;

/** Words that never carry the name of a service. */
const STOPWORDS = new Set([
  'dan', 'atau', 'di', 'ke', 'dari', 'yang', 'untuk', 'bagi', 'pada', 'dalam', 'dengan', 'oleh', 'serta', 'tentang',
  'sop', 'standar', 'operasional', 'prosedur', 'tata', 'cara', 'mekanisme', 'pelayanan', 'layanan',
]);

/** A fresh device code from a source of random bytes (WebCrypto's getRandomValues by default). */
export function newDeviceCode(random: (count: number) => ArrayLike<number> = randomBytes): string {
  const bytes = Array.from(random(DEVICE_CODE_LENGTH));
  return bytes.map((b) => CROCKFORD[b % 32]).join('');
}

function randomBytes(count: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(count));
}

export function isDeviceCode(value: unknown): value is string {
  return typeof value === 'string' && new RegExp(`^[${CROCKFORD}]{${DEVICE_CODE_LENGTH}}$`).test(value);
}

function lettersOnly(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
}

/** The short code of an SOP for its case numbers: "(SPM)" in the title wins, else initials. */
export function caseCodeOf(doc: { identity?: Pick<SopDocument['identity'], 'title'> }): string {
  const title = doc.identity?.title ?? '';
  const acronym = /\(([A-Za-z][A-Za-z0-9-]{1,9})\)/.exec(title)?.[1];
  if (acronym) {
    const code = lettersOnly(acronym).slice(0, CASE_CODE_MAX);
    if (code.length >= 2) return code;
  }
  const words = title.split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOPWORDS.has(w.toLowerCase()));
  const initials = words.map((w) => lettersOnly(w)[0] ?? '').join('').slice(0, CASE_CODE_MAX);
  return initials.length >= 2 ? initials : 'SOP';
}

export interface CaseNumberParts {
  code: string;
  year: number;
  device: string;
  sequence: number;
}

export function formatCaseNumber({ code, year, device, sequence }: CaseNumberParts): string {
  return `${code}-${year}-${device}-${String(sequence).padStart(4, '0')}`;
}

const CASE_NUMBER = new RegExp(`^([A-Z0-9]{2,${CASE_CODE_MAX}})-(\\d{4})-([${CROCKFORD}]{${DEVICE_CODE_LENGTH}})-(\\d{4,})$`);

export function parseCaseNumber(text: string): CaseNumberParts | undefined {
  const match = CASE_NUMBER.exec(normalizeCaseNumber(text));
  if (!match) return undefined;
  return { code: match[1]!, year: Number(match[2]), device: match[3]!, sequence: Number(match[4]) };
}

/**
 * How a typed or dictated number is compared: upper case, no spaces, and the
 * letters Crockford reads as digits in the device code are mapped (O→0, I/L→1).
 */
export function normalizeCaseNumber(text: string): string {
  const compact = text.trim().toUpperCase().replace(/\s+/g, '').replace(/[–—]/g, '-');
  const parts = compact.split('-');
  if (parts.length >= 3 && parts[2]) parts[2] = parts[2].replace(/O/g, '0').replace(/[IL]/g, '1');
  return parts.join('-');
}

/** True when the text could be (the start of) a case number rather than a name or a NIK. */
export function looksLikeCaseNumber(text: string): boolean {
  return /^[A-Za-z0-9]{2,6}-\d/.test(text.replace(/\s+/g, ''));
}
