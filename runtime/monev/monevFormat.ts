import type { Lang } from '../../core/i18n';

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** 0.623 → "62%"; null (no standard) → the dash, never "0%". */
export function formatShare(share: number | null, lang: Lang): string {
  return share === null ? '—' : new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Working minutes as hours with one decimal ("12,5"), the unit monev tables compare in. */
export function formatHours(minutes: number | null, lang: Lang): string {
  return minutes === null ? '—' : new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(minutes / 60);
}

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/**
 * A step's activity cut to its first words for headings and sentences: real
 * SOP rows run to paragraphs ("Dinas Sosial segera melakukan: a. … d. …").
 */
export function shortStepName(name: string, max = 80): string {
  const firstLine = name.split(/\n|\s(?=[a-z]\.\s)/)[0]!.trim().replace(/\s*:\s*$/, '');
  const text = firstLine.length > 0 ? firstLine : name.trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
