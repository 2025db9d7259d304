import type { Lang } from '../../core/i18n';
import type { LocalizedText } from '../../core/validation';

/** Picks the interface language's text of a bilingual message (diagnostics, storage errors). */
export function localized(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.id;
}

export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Lower-cased, accent-free text for forgiving search. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('id');
}
