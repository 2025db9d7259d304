import { describe, expect, it } from 'vitest';
import {
  LANGS,
  catalogues,
  createTranslator,
  interpolate,
  isLang,
  placeholdersOf,
  translate,
  type MessageKey,
} from './index';
import { messagesEn } from './messages.en';
import { messagesId } from './messages.id';

describe('message catalogues', () => {
  const idKeys = Object.keys(messagesId).sort();
  const enKeys = Object.keys(messagesEn).sort();

  it('define exactly the same keys in Indonesian and English', () => {
    expect(enKeys).toEqual(idKeys);
    expect(idKeys.length).toBeGreaterThan(0);
  });

  it.each(LANGS)('have no empty or blank message in %s', (lang) => {
    const blank = Object.entries(catalogues[lang]).filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    for (const key of idKeys as MessageKey[]) {
      expect(placeholdersOf(messagesEn[key]).sort(), key).toEqual(placeholdersOf(messagesId[key]).sort());
    }
  });

  it('speak Indonesian by default with the agreed product terms', () => {
    expect(translate('id', 'designer.title')).toBe('Perancang SOP');
    expect(translate('id', 'runtime.title')).toBe('Pelaksanaan Kasus');
    expect(translate('id', 'lang.label')).toBe('Bahasa');
    expect(translate('en', 'designer.title')).toBe('SOP Designer');
  });
});

describe('translate', () => {
  it('fills {name} placeholders', () => {
    expect(translate('id', 'start.open', { app: 'Perancang SOP' })).toBe('Buka Perancang SOP');
    expect(translate('en', 'start.open', { app: 'SOP Designer' })).toBe('Open SOP Designer');
  });

  it('fills numbers and repeated placeholders', () => {
    expect(interpolate('{n} langkah, {n} menit', { n: 3 })).toBe('3 langkah, 3 menit');
  });

  it('leaves a placeholder visible when its value is missing', () => {
    expect(translate('en', 'start.open')).toBe('Open {app}');
    expect(interpolate('Buka {app}', { other: 'x' })).toBe('Buka {app}');
  });

  it('does not treat inherited object properties as values', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });

  it('shows the key itself when a message is missing', () => {
    const unknownKey = 'designer.noSuchMessage' as MessageKey;
    expect(translate('id', unknownKey)).toBe('designer.noSuchMessage');
    expect(translate('en', unknownKey)).toBe('designer.noSuchMessage');
    expect(translate('en', 'constructor' as MessageKey)).toBe('constructor');
  });

  it('binds a language with createTranslator', () => {
    const t = createTranslator('en');
    expect(t('lang.label')).toBe('Language');
  });
});

describe('isLang', () => {
  it('accepts only the supported languages', () => {
    expect(isLang('id')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('EN')).toBe(false);
    expect(isLang('fr')).toBe(false);
    expect(isLang(null)).toBe(false);
  });
});
