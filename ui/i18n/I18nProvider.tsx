import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  DEFAULT_LANG,
  LANG_STORAGE_KEY,
  createTranslator,
  isLang,
  type Lang,
  type Translate,
} from '../../core/i18n';

export interface I18nContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** Reads the saved language; storage may be unavailable (privacy mode, sandboxed frame). */
export function readStoredLang(): Lang | null {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : null;
  } catch {
    return null;
  }
}

function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not being able to remember the choice must never break the interface.
  }
}

export interface I18nProviderProps {
  children: ReactNode;
  /** Language to start with; when absent, the saved choice, else Indonesian. */
  initialLang?: Lang;
  /** Save the user's choice in localStorage (`sop-studio.lang`). Default true. */
  persist?: boolean;
}

/**
 * Holds the interface language for one app, keeps `<html lang>` in step with
 * it (screen readers and hyphenation depend on it) and remembers the choice.
 */
export function I18nProvider({ children, initialLang, persist = true }: I18nProviderProps) {
  const [lang, setLangState] = useState<Lang>(
    () => initialLang ?? (persist ? readStoredLang() : null) ?? DEFAULT_LANG,
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback(
    (next: Lang) => {
      setLangState(next);
      if (persist) storeLang(next);
    },
    [persist],
  );

  const value = useMemo<I18nContextValue>(() => ({ lang, setLang, t: createTranslator(lang) }), [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() and useT() must be used inside <I18nProvider>.');
  return value;
}

/** The translate function for the current interface language. */
export function useT(): Translate {
  return useI18n().t;
}
