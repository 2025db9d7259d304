import type { Decorator, Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import { LANGUAGE_NAMES, LANGS, isLang } from '../core/i18n';
import { I18nProvider } from '../ui/i18n';
import '../ui/theme.css';

/**
 * Every story renders inside the I18nProvider, in the language picked in the
 * toolbar ("locale" global) or pinned by the story (`globals: { locale: 'en' }`).
 * Keyed by language so a toolbar switch starts the story afresh, and not
 * persisted so browsing stories never changes the apps' saved language.
 */
const withI18n: Decorator = (Story, context) => {
  const locale = isLang(context.globals['locale']) ? context.globals['locale'] : 'id';
  return (
    <I18nProvider key={locale} initialLang={locale} persist={false}>
      <Story />
    </I18nProvider>
  );
};

// Plays' findBy* queries wait up to 10 s instead of 1 s: stories backed by IndexedDB and lazy chunks take
// longer than a second on a loaded two-core CI machine. A wait that holds still ends at once.
configure({ asyncUtilTimeout: 10_000 });

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Bahasa antarmuka / Interface language',
      toolbar: {
        title: 'Bahasa',
        icon: 'globe',
        items: LANGS.map((lang) => ({ value: lang, title: LANGUAGE_NAMES[lang] })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'id' },
  decorators: [withI18n],
  parameters: {
    layout: 'fullscreen',
  },
};

export default preview;
