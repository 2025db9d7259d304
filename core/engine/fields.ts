/**
 * Case field values and their checks: the applicant form and the step forms
 * are generated from `doc.caseFields`, and the engine refuses a command whose
 * values do not pass these checks.
 */
import type { CaseField } from '../../schemas/generated/sop.types';
import type { LocalizedText } from './messages';

/** A file field holds references to stored attachments (the Blobs live in the runtime's database). */
export interface AttachmentRef {
  id: string;
  name: string;
  type: string;
  size: number;
  /** SHA-256 of the content, hex, when known. */
  sha256?: string;
}

export type FieldValue = string | number | AttachmentRef[];
export type FieldValues = Record<string, FieldValue>;

/**
 * Province codes (the first two NIK digits): the 38 provinces of the Kemendagri
 * region code list (Kepmendagri 100.1.1-6117/2022): Sumatra 11–19 and 21, Java
 * and Bali–Nusa Tenggara 31–36 and 51–53, Kalimantan 61–65, Sulawesi 71–76,
 * Maluku 81–82, Papua 91–96. The provinces formed in 2022 (Papua Selatan 93,
 * Papua Tengah 94, Papua Pegunungan 95, Papua Barat Daya 96) issue NIKs under
 * their own codes, while NIKs issued before keep their old code, so both must
 * pass. The server's office region codes use the same list.
 */
export const NIK_PROVINCE_CODES: ReadonlySet<number> = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81,
  82, 91, 92, 93, 94, 95, 96,
]);

export interface NikParts {
  province: string;
  regency: string;
  district: string;
  /** Birth day as written minus 40 for women. */
  birthDay: number;
  birthMonth: number;
  /** Two-digit year (the century is not encoded). */
  birthYear2: number;
  sex: 'male' | 'female';
  serial: string;
}

export type NikCheck = { ok: true; parts: NikParts } | { ok: false; message: LocalizedText };

/** Removes spaces, dots and dashes people type while copying a KTP. */
export function normalizeNik(text: string): string {
  return text.replace(/[\s.\-]/g, '');
}

/**
 * Checks a NIK (Nomor Induk Kependudukan): 16 digits, PP KK CC DDMMYY SSSS —
 * province, regency/city, district, birth date (women add 40 to the day) and a
 * serial number that is never 0000.
 */
export function checkNik(input: string): NikCheck {
  const nik = normalizeNik(input);
  const fail = (id: string, en: string): NikCheck => ({ ok: false, message: { id, en } });
  if (!/^\d{16}$/.test(nik)) {
    return fail(`NIK harus 16 angka (tertulis ${nik.length} karakter).`, `A NIK must be 16 digits (got ${nik.length} characters).`);
  }
  const province = Number(nik.slice(0, 2));
  if (!NIK_PROVINCE_CODES.has(province)) {
    return fail(`Kode provinsi ${nik.slice(0, 2)} pada NIK tidak dikenal.`, `Province code ${nik.slice(0, 2)} in the NIK is not a known province.`);
  }
  if (nik.slice(2, 4) === '00') return fail('Kode kabupaten/kota pada NIK tidak boleh 00.', 'The regency/city code in the NIK cannot be 00.');
  if (nik.slice(4, 6) === '00') return fail('Kode kecamatan pada NIK tidak boleh 00.', 'The district code in the NIK cannot be 00.');
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year2 = Number(nik.slice(10, 12));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  // The century is not in the NIK: 29 February is accepted when YY is a leap year in 19YY or 20YY.
  const monthDays = [31, year2 % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > monthDays[month - 1]!) {
    return fail(
      `Tanggal lahir pada NIK (${nik.slice(6, 12)}) tidak sah; perempuan menambahkan 40 pada tanggal.`,
      `The birth date in the NIK (${nik.slice(6, 12)}) is not valid; women add 40 to the day.`,
    );
  }
  if (nik.slice(12) === '0000') return fail('Nomor urut NIK tidak boleh 0000.', 'The NIK serial number cannot be 0000.');
  return {
    ok: true,
    parts: {
      province: nik.slice(0, 2),
      regency: nik.slice(2, 4),
      district: nik.slice(4, 6),
      birthDay: day,
      birthMonth: month,
      birthYear2: year2,
      sex: female ? 'female' : 'male',
      serial: nik.slice(12),
    },
  };
}

/** Digits of an Indonesian phone number in national form (0…), or null when it is not one. */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s\-().]/g, '');
  let national: string;
  if (compact.startsWith('+62')) national = '0' + compact.slice(3);
  else if (compact.startsWith('62')) national = '0' + compact.slice(2);
  else national = compact;
  // Mobile 08xx (10–13 digits) or landline 0 + area code + number (9–11 digits in practice).
  if (!/^0[1-9]\d{7,12}$/.test(national)) return null;
  return national;
}

function isAttachmentList(value: unknown): value is AttachmentRef[] {
  return Array.isArray(value) && value.every((v) => v && typeof v === 'object' && typeof (v as AttachmentRef).id === 'string');
}

export function isEmptyValue(value: FieldValue | undefined | null): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  return value.length === 0;
}

/**
 * The dates a date field accepts. Case dates in this domain (birth dates,
 * letters, decrees, appointments) fall well inside them; 0001-01-01 or
 * 9999-12-31 is a slip of the keyboard, and would sort, print and compute SLA
 * nonsense. Birth dates are further bounded by the day of the command.
 */
export const DATE_FIELD_RANGE = { earliest: '1900-01-01', latest: '2100-12-31' } as const;

/**
 * A date field that holds a birth date ("Tanggal lahir", "birthDate"): no one
 * is born after the day the clerk records it. The schema has no date kinds, so
 * the field's id and label, as SOPs name them, decide.
 */
export function isBirthDateField(field: Pick<CaseField, 'id' | 'label'>): boolean {
  return /lahir|birth/i.test(`${field.id} ${field.label}`);
}

/** True for YYYY-MM-DD naming a day that exists (no 31 April, 29 February only in leap years). */
function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The latest date `field` accepts: the command's day for a birth date, else the end of the range. */
export function latestDateFor(field: Pick<CaseField, 'id' | 'label'>, today?: string): string {
  return today && isBirthDateField(field) && today < DATE_FIELD_RANGE.latest ? today : DATE_FIELD_RANGE.latest;
}

function checkDate(field: CaseField, value: FieldValue, today: string | undefined): LocalizedText | null {
  const label = field.label;
  if (typeof value !== 'string' || !isCalendarDay(value)) {
    return { id: `${label} harus berupa tanggal (TTTT-BB-HH).`, en: `${label} must be a date (YYYY-MM-DD).` };
  }
  const latest = latestDateFor(field, today);
  if (value < DATE_FIELD_RANGE.earliest || value > latest) {
    if (latest !== DATE_FIELD_RANGE.latest) {
      return {
        id: `${label}: tanggal lahir harus antara ${DATE_FIELD_RANGE.earliest} dan hari ini (${latest}).`,
        en: `${label}: a birth date must be between ${DATE_FIELD_RANGE.earliest} and today (${latest}).`,
      };
    }
    return {
      id: `${label}: tanggal harus antara ${DATE_FIELD_RANGE.earliest} dan ${latest}.`,
      en: `${label}: the date must be between ${DATE_FIELD_RANGE.earliest} and ${latest}.`,
    };
  }
  return null;
}

/**
 * The problem with one field's value, or null when it is acceptable (empty
 * optional fields are). `today` (YYYY-MM-DD, the command's day) bounds birth dates.
 */
export function checkFieldValue(field: CaseField, value: FieldValue | undefined | null, today?: string): LocalizedText | null {
  const label = field.label;
  if (isEmptyValue(value)) {
    return field.required ? { id: `${label} wajib diisi.`, en: `${label} is required.` } : null;
  }
  switch (field.type) {
    case 'text':
    case 'longText':
      return typeof value === 'string' ? null : { id: `${label} harus berupa teks.`, en: `${label} must be text.` };
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(',', '.')) : NaN;
      return Number.isFinite(n) ? null : { id: `${label} harus berupa angka.`, en: `${label} must be a number.` };
    }
    case 'date':
      return checkDate(field, value as FieldValue, today);
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? null
        : { id: `${label}: pilih salah satu pilihan yang tersedia.`, en: `${label}: choose one of the options.` };
    case 'nik': {
      if (typeof value !== 'string') return { id: `${label} harus berupa NIK.`, en: `${label} must be a NIK.` };
      const check = checkNik(value);
      return check.ok ? null : { id: `${label}: ${check.message.id}`, en: `${label}: ${check.message.en}` };
    }
    case 'phone':
      return typeof value === 'string' && normalizePhone(value) !== null
        ? null
        : {
            id: `${label}: nomor telepon tidak sah (contoh 0812 3456 7890 atau +62 812 3456 7890).`,
            en: `${label}: not a valid phone number (for example 0812 3456 7890 or +62 812 3456 7890).`,
          };
    case 'file':
      return isAttachmentList(value) ? null : { id: `${label}: lampirkan berkas.`, en: `${label}: attach a file.` };
  }
}

/** Canonical stored form of a value: NIK and phone without separators, numbers as numbers. */
export function normalizeFieldValue(field: CaseField, value: FieldValue): FieldValue {
  if (typeof value === 'string') {
    if (field.type === 'nik') return normalizeNik(value);
    if (field.type === 'phone') return normalizePhone(value) ?? value.trim();
    if (field.type === 'number') {
      const n = Number(value.replace(',', '.'));
      return Number.isFinite(n) ? n : value;
    }
    return field.type === 'longText' ? value : value.trim();
  }
  return value;
}

/** The fields collected when a case starts (no `step`) or at one step. */
export function fieldsCollectedAt(fields: readonly CaseField[] | undefined, stepId: string | null): CaseField[] {
  return (fields ?? []).filter((f) => (stepId === null ? f.step === undefined : f.step === stepId));
}
