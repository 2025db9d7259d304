import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RichText, TextBlock, TextSpan } from '../../schemas/generated/sop.types';
import { loadSamples } from '../../samples/loadSamples.node';
import { allV2Sops } from '../engine/testing/v2Sops';
import { isCanonicalRichText, markupOf, parseMarkup, textFromMarkup } from './richTextMarkup';
import { isRichText, plainTextOf } from './richText';

/** Every Text-shaped value (strings under text-like keys, and RichText) in a document. */
function textsOf(value: unknown, found: { strings: string[]; rich: RichText[] } = { strings: [], rich: [] }, key = '') {
  if (typeof value === 'string' && ['text', 'output', 'remarks'].includes(key)) found.strings.push(value);
  else if (isRichText(value)) found.rich.push(value);
  else if (Array.isArray(value)) value.forEach((item) => textsOf(item, found, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) textsOf(v, found, k);
  return found;
}

const roundTrip = (value: string | RichText) => textFromMarkup(markupOf(value), value);

describe('richTextMarkup', () => {
  it('writes and reads list markers, levels, bold, italic and links', () => {
    const value: RichText = {
      blocks: [
        { spans: [{ text: 'Syarat:' }] },
        { marker: '1.', spans: [{ text: 'KTP ' }, { text: 'asli', bold: true }] },
        { marker: 'a)', level: 1, spans: [{ text: 'fotokopi ', italic: true }, { text: 'dilegalisir', bold: true, italic: true }] },
        { marker: '•', spans: [{ text: 'lihat ' }, { text: 'laman', href: 'https://dinsos.example.go.id/syarat' }] },
      ],
    };
    const markup = markupOf(value);
    expect(markup).toBe('Syarat:\n1. KTP **asli**\n  a) _fotokopi **dilegalisir_**\n• lihat [laman](https://dinsos.example.go.id/syarat)');
    expect(parseMarkup(markup)).toEqual(value);
  });

  it('keeps characters that look like markup as text', () => {
    const value: RichText = {
      blocks: [
        { spans: [{ text: '1. bukan daftar, *) coret, nama_berkas, [x](y) \\ akhir' }] },
        { spans: [{ text: '- juga bukan daftar' }] },
        // The star is escaped as an inline mark already; it must not get a second backslash (found by fast-check).
        { spans: [{ text: '* a' }] },
        { marker: '-', spans: [{ text: '  dua spasi di depan' }] },
        { spans: [] },
      ],
    };
    expect(isCanonicalRichText(value)).toBe(true);
    expect(parseMarkup(markupOf(value))).toEqual(value);
  });

  it('refuses links other than http(s) and mailto: they stay text', () => {
    expect(parseMarkup('buka [ini](javascript:alert(1))')).toEqual({ blocks: [{ spans: [{ text: 'buka [ini](javascript:alert(1))' }] }] });
    expect(parseMarkup('[surel](mailto:dinsos@example.go.id)').blocks[0]!.spans).toEqual([{ text: 'surel', href: 'mailto:dinsos@example.go.id' }]);
  });

  it('plain strings stay plain strings unless bold, italic or a link is typed', () => {
    expect(textFromMarkup('1. KTP\n2. KK', 'lama')).toBe('1. KTP\n2. KK');
    expect(textFromMarkup('Berkas **asli**', 'Berkas asli')).toEqual({ blocks: [{ spans: [{ text: 'Berkas ' }, { text: 'asli', bold: true }] }] });
    expect(textFromMarkup('tanpa format', { blocks: [{ spans: [{ text: 'x', bold: true }] }] })).toEqual({ blocks: [{ spans: [{ text: 'tanpa format' }] }] });
  });

  // The print's crafted documents (RichText lists, bold, markers) are checked the same way in
  // print/fixtures/craftedV2.test.ts: core/ may not import print/.
  it('every text of every sample and of the engine\'s crafted v2 documents survives an edit that changes nothing', () => {
    const docs = [...loadSamples(), ...Object.values(allV2Sops())];
    let strings = 0;
    let rich = 0;
    for (const doc of docs) {
      const found = textsOf(doc);
      for (const s of found.strings) expect(roundTrip(s)).toBe(s);
      for (const r of found.rich) {
        expect(isCanonicalRichText(r)).toBe(true);
        expect(roundTrip(r)).toEqual(r);
      }
      strings += found.strings.length;
      rich += found.rich.length;
    }
    expect(strings).toBeGreaterThan(500);
  });

  it('parse(format(x)) is x for any canonical RichText, and keeps the plain text of any other', () => {
    const char = fc.constantFrom('a', 'B', ' ', '1', '.', ')', '(', '*', '_', '[', ']', '\\', '-', '•', 'é', ':');
    const text = fc.array(char, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
    const span: fc.Arbitrary<TextSpan> = fc.record(
      { text, bold: fc.constant(true), italic: fc.constant(true), href: fc.constantFrom('https://a.example/x_(1)', 'mailto:a@b.example', 'http://x.example') },
      { requiredKeys: ['text'] },
    );
    const block: fc.Arbitrary<TextBlock> = fc.record(
      { marker: fc.constantFrom('1.', '12)', 'a.', 'iv.', '(2)', '1.2.', '-', '•', '*', '–'), level: fc.integer({ min: 1, max: 4 }), spans: fc.array(span, { maxLength: 5 }) },
      { requiredKeys: ['spans'] },
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        const value: RichText = { blocks: blocks.map((b) => (b.marker === undefined ? { spans: b.spans } : b)) };
        const back = parseMarkup(markupOf(value));
        if (isCanonicalRichText(value)) expect(back).toEqual(value);
        expect(plainTextOf(back)).toBe(plainTextOf(value));
      }),
      { numRuns: 2000 },
    );
  });
});
