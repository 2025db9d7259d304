import { describe, expect, it } from 'vitest';
import { isBlankText, mapTextSpans, plainTextOf, richTextOf, safeHref } from './richText';

describe('plainTextOf', () => {
  it('keeps strings, joins blocks one per line with their markers and depth', () => {
    expect(plainTextOf('Surat pengantar')).toBe('Surat pengantar');
    expect(plainTextOf(undefined)).toBe('');
    expect(
      plainTextOf({
        blocks: [
          { spans: [{ text: 'Syarat:' }] },
          { marker: '1.', spans: [{ text: 'KTP ' }, { text: 'asli', bold: true }] },
          { marker: 'a.', level: 1, spans: [{ text: 'fotokopi' }] },
        ],
      }),
    ).toBe('Syarat:\n1. KTP asli\n  a. fotokopi');
  });

  it('calls blocks of empty spans blank', () => {
    expect(isBlankText({ blocks: [{ spans: [{ text: '  ' }] }] })).toBe(true);
    expect(isBlankText({ blocks: [{ marker: '-', spans: [{ text: 'x' }] }] })).toBe(false);
  });
});

describe('richTextOf', () => {
  it('turns marked lines into list items that keep their own markers', () => {
    expect(richTextOf('Berkas:\n1. KTP\n  a) asli\n- KK\n• Foto\n(2) Surat').blocks).toEqual([
      { spans: [{ text: 'Berkas:' }] },
      { marker: '1.', spans: [{ text: 'KTP' }] },
      { marker: 'a)', level: 1, spans: [{ text: 'asli' }] },
      { marker: '-', spans: [{ text: 'KK' }] },
      { marker: '•', spans: [{ text: 'Foto' }] },
      { marker: '(2)', spans: [{ text: 'Surat' }] },
    ]);
  });

  it('does not take a sentence for a list item', () => {
    expect(richTextOf('Dinas Sosial menerima berkas.').blocks).toEqual([{ spans: [{ text: 'Dinas Sosial menerima berkas.' }] }]);
    expect(richTextOf('').blocks).toEqual([]);
  });

  it('round-trips plain text through the structure', () => {
    const text = 'Syarat:\n1. KTP\n  b. KK\n- Foto';
    expect(plainTextOf(richTextOf(text))).toBe(text);
  });
});

describe('safeHref and mapTextSpans', () => {
  it('lets only http(s) and mailto through', () => {
    expect(safeHref('https://jdih.example.go.id/perbup')).toBe('https://jdih.example.go.id/perbup');
    expect(safeHref('mailto:dinsos@example.go.id')).toBe('mailto:dinsos@example.go.id');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>')).toBeUndefined();
  });

  it('maps span text and keeps bold and links', () => {
    expect(mapTextSpans({ blocks: [{ spans: [{ text: ' a ', bold: true, href: 'https://x.id' }] }] }, (t) => t.trim())).toEqual({
      blocks: [{ spans: [{ text: 'a', bold: true, href: 'https://x.id' }] }],
    });
    expect(mapTextSpans(' b ', (t) => t.trim())).toBe('b');
  });
});
