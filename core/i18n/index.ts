/**
 * The i18n core: languages, message catalogues and `translate`.
 *
 * Pure TypeScript with no DOM and no React, so the designer, the runtime, the
 * CLI and validation diagnostics can all share one set of messages. The React
 * binding (provider, hook, language switcher) lives in `ui/i18n/`.
 */
import { messagesEn } from './messages.en';
import { messagesId, type MessageKey } from './messages.id';

export type { MessageKey } from './messages.id';

/** Interface languages: Bahasa Indonesia (default) and English. */
export type Lang = 'id' | 'en';

export const LANGS: readonly Lang[] = ['id', 'en'];

export const DEFAULT_LANG: Lang = 'id';

/** localStorage key under which the chosen interface language is kept. */
export const LANG_STORAGE_KEY = 'sop-studio.lang';

/**
 * Each language's name in that language (an endonym), so a reader can find
 * their own language whatever the interface currently shows.
 */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = {
  id: 'Bahasa Indonesia',
  en: 'English',
};

export type Catalogue = Readonly<Record<MessageKey, string>>;

export const catalogues: Readonly<Record<Lang, Catalogue>> = {
  id: messagesId,
  en: messagesEn,
};

/** Values substituted for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(messagesId, value);
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces every `{name}` with `params.name`; unknown placeholders stay visible. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

/**
 * Returns the message for `key` in `lang`, with `{name}` placeholders filled
 * from `params`. A key missing from the catalogue (a typo that slipped past the
 * types, or a key from a newer document) is shown as the key itself, so the
 * screen stays usable and the gap is obvious rather than blank.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const catalogue: Readonly<Record<string, string>> = catalogues[lang] ?? catalogues[DEFAULT_LANG];
  const template = Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  if (template === undefined || template === '') return key;
  return interpolate(template, params);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A `translate` bound to one language. */
export function createTranslator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** The names of the `{placeholders}` in a message, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (match) => match[1] ?? '');
}
