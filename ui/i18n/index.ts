export { I18nProvider, readStoredLang, useI18n, useT } from './I18nProvider';
export type { I18nContextValue, I18nProviderProps } from './I18nProvider';
export { LanguageSwitcher } from './LanguageSwitcher';
