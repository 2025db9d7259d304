/**
 * Human-readable Waktu values and totals, in Indonesian or English.
 * Strings live here rather than in the i18n catalogues because they are built
 * from numbers with plural and unit rules that a flat catalogue cannot express.
 */
import type { Lang } from '../i18n';
import type { ParsedWaktu, WaktuAmount, WaktuWindow } from '../../schemas/generated/sop.types';
import { cleanFloat, toFamilyAmount, type WaktuFamily } from './families';
import type { WaktuUnit } from './parse';
import type { MinMax, WaktuTotal } from './total';

const EN_DASH = '–';

/** [singular, plural]; Indonesian does not inflect. */
const UNIT_WORDS: Readonly<Record<Lang, Record<WaktuUnit, [string, string]>>> = {
  id: {
    minute: ['menit', 'menit'],
    hour: ['jam', 'jam'],
    workingDay: ['hari kerja', 'hari kerja'],
    day: ['hari', 'hari'],
    week: ['minggu', 'minggu'],
    month: ['bulan', 'bulan'],
    quarter: ['triwulan', 'triwulan'],
    semester: ['semester', 'semester'],
    year: ['tahun', 'tahun'],
  },
  en: {
    minute: ['minute', 'minutes'],
    hour: ['hour', 'hours'],
    workingDay: ['working day', 'working days'],
    day: ['day', 'days'],
    week: ['week', 'weeks'],
    month: ['month', 'months'],
    quarter: ['quarter', 'quarters'],
    semester: ['semester', 'semesters'],
    year: ['year', 'years'],
  },
};

const FAMILY_BASE_UNIT: Readonly<Record<WaktuFamily, WaktuUnit>> = {
  minutes: 'minute',
  workingDays: 'workingDay',
  calendarDays: 'day',
  months: 'month',
};

export function formatNumber(n: number, lang: Lang): string {
  const text = String(Math.round(n * 100) / 100);
  return lang === 'id' ? text.replace('.', ',') : text;
}

function quantity(n: number, unit: WaktuUnit, lang: Lang): string {
  const [one, many] = UNIT_WORDS[lang][unit];
  return `${formatNumber(n, lang)} ${n === 1 ? one : many}`;
}

/** 250 → "4 jam 10 menit": SOPs state totals in hours and minutes. */
export function formatMinutes(minutes: number, lang: Lang): string {
  const hours = Math.floor(minutes / 60);
  const rest = cleanFloat(minutes - hours * 60);
  if (hours === 0) return quantity(rest, 'minute', lang);
  if (rest === 0) return quantity(hours, 'hour', lang);
  return `${quantity(hours, 'hour', lang)} ${quantity(rest, 'minute', lang)}`;
}

function formatFamilyValue(value: number, family: WaktuFamily, lang: Lang): string {
  return family === 'minutes' ? formatMinutes(value, lang) : quantity(value, FAMILY_BASE_UNIT[family], lang);
}

export function formatMinMax(range: MinMax, family: WaktuFamily, lang: Lang): string {
  const min = formatFamilyValue(range.min, family, lang);
  return range.min === range.max ? min : `${min} ${EN_DASH} ${formatFamilyValue(range.max, family, lang)}`;
}

const TOTAL_ORDER: readonly WaktuFamily[] = ['minutes', 'workingDays', 'calendarDays', 'months'];

export function formatWaktuTotal(total: WaktuTotal, lang: Lang): string {
  const parts = TOTAL_ORDER.filter((family) => total[family].max > 0).map((family) =>
    formatMinMax(total[family], family, lang),
  );
  if (parts.length === 0) return lang === 'id' ? '-' : EN_DASH;
  return parts.join('; ');
}

const DESCRIPTION_WORDS = {
  id: {
    empty: 'Tidak ada waktu',
    unparsed: 'Tidak dapat dibaca',
    range: 'rentang',
    calendarDays: 'hari kalender',
    or: ' atau ',
    monthlyStated: (days: string) => `Setiap bulan tanggal ${days}`,
    monthlyImplied: (days: string) => `Tanggal ${days}, setiap bulan (tersirat)`,
    windowNote: 'jendela kalender, tidak dijumlahkan',
  },
  en: {
    empty: 'No time stated',
    unparsed: 'Could not be read',
    range: 'range',
    calendarDays: 'calendar days',
    or: ' or ',
    monthlyStated: (days: string) => `Monthly, days ${days}`,
    monthlyImplied: (days: string) => `Days ${days}, monthly (implied)`,
    windowNote: 'calendar window, not summed',
  },
} as const;

/** One-line reading of a parsed Waktu, for the designer's live preview. */
export function describeParsedWaktu(parsed: ParsedWaktu, lang: Lang): string {
  const words = DESCRIPTION_WORDS[lang];
  switch (parsed.kind) {
    case 'empty':
      return words.empty;
    case 'unparsed':
      return words.unparsed;
    case 'amount':
    case 'window':
      return describeOption(parsed, lang);
    case 'alternatives':
      return parsed.options.map((option) => describeOption(option, lang)).join(words.or);
  }
}

function describeOption(option: WaktuAmount | WaktuWindow, lang: Lang): string {
  const words = DESCRIPTION_WORDS[lang];
  if (option.kind === 'window') {
    const days = `${option.fromDay}${EN_DASH}${option.toDay}`;
    const when = option.recurrenceStated === false ? words.monthlyImplied(days) : words.monthlyStated(days);
    return `${when} (${words.windowNote})`;
  }
  const isRange = option.min !== option.max;
  const [one, many] = UNIT_WORDS[lang][option.unit];
  const values = isRange
    ? `${formatNumber(option.min, lang)}${EN_DASH}${formatNumber(option.max, lang)}`
    : formatNumber(option.min, lang);
  const stated = `${values} ${!isRange && option.min === 1 ? one : many}`;
  const detail = amountDetail(option, isRange, lang);
  return detail ? `${stated} (${detail})` : stated;
}

/** Restates the amount in its family's base unit when that differs, so the drafter sees what is summed. */
function amountDetail(option: WaktuAmount, isRange: boolean, lang: Lang): string {
  const words = DESCRIPTION_WORDS[lang];
  const { family, min, max } = toFamilyAmount(option);
  const base = FAMILY_BASE_UNIT[family];
  const converted = option.unit !== base;
  if (!converted) return isRange ? words.range : '';
  const baseWord = family === 'calendarDays' ? words.calendarDays : UNIT_WORDS[lang][base][1];
  const values = isRange
    ? `${formatNumber(min, lang)}${EN_DASH}${formatNumber(max, lang)}`
    : formatNumber(min, lang);
  return `${isRange ? `${words.range} ` : ''}${values} ${baseWord}`;
}
