import { useId } from 'react';
import { LANGS, LANGUAGE_NAMES, isLang } from '../../core/i18n';
import { useI18n } from './I18nProvider';

/** A labelled select that switches the interface language. */
export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select
        id={id}
        value={lang}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isLang(next)) setLang(next);
        }}
      >
        {LANGS.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
