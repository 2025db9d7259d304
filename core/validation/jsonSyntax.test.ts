import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeJsonSyntaxError, findJsonSyntaxError, type JsonSyntaxProblem } from './jsonSyntax';
import { locateJsonPointer } from './jsonLocation';
import { parseSopJson } from './parseSopJson';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it.each<[string, JsonSyntaxProblem, number, string]>([
    ['', 'empty', 0, ''],
    ['{"a": 1,,}', 'property-name-expected', 8, ','],
    ['{\n  "a": 1,\n}', 'trailing-comma', 12, '}'],
    ['[1, 2,]', 'trailing-comma', 6, ']'],
    ['{"a": 1 "b": 2}', 'missing-comma', 8, '"'],
    ['[1 2]', 'missing-comma', 3, '2'],
    ['{"a" 1}', 'missing-colon', 5, '1'],
    ["{'a': 1}", 'single-quote', 1, "'"],
    ['{"a": \'x\'}', 'single-quote', 6, "'"],
    ['{a: 1}', 'property-name-expected', 1, 'a'],
    ['{"a": Ya}', 'bare-word', 6, 'Ya'],
    ['{"a": undefined}', 'bare-word', 6, 'undefined'],
    ['{"a": "x\n"}', 'unterminated-string', 8, '\n'],
    ['{"a": "x', 'unterminated-string', 8, ''],
    ['{"a": "x\ty"}', 'control-character', 8, '\t'],
    ['{"a": "C:\\dok"}', 'bad-escape', 9, '\\'],
    ['{"a": 01}', 'bad-number', 6, '01'],
    ['{"a": -}', 'bad-number', 6, '-'],
    ['{"a": 1} x', 'extra-content', 9, 'x'],
    ['{"a": 1 // catatan\n}', 'comment', 8, '//'],
    ['{"a": [1, {"b": 2', 'unexpected-end', 17, ''],
    ['{"a": ]}', 'unexpected-character', 6, ']'],
  ])('%j: %s at %i', (text, problem, offset, found) => {
    expect(parses(text)).toBe(false);
    expect(findJsonSyntaxError(text)).toMatchObject({ problem, offset, found });
  });

  it('says what an unexpected end lacks, innermost bracket first', () => {
    const error = findJsonSyntaxError('{"a": [1, {"b": 2')!;
    expect(describeJsonSyntaxError(error)).toEqual({
      id: 'Teks berakhir sebelum JSON selesai; masih kurang } ] }.',
      en: 'The text ends before the JSON is complete; } ] } still missing.',
    });
  });

  it('accepts exactly what JSON.parse accepts: valid JSON and every one-character slip of it', () => {
    const slip = fc.constantFrom(...'{}[]:,"\'\\/ \n\t0-1.eE+atfnuxY'.split(''));
    fc.assert(
      fc.property(fc.json(), fc.boolean(), fc.nat(), slip, fc.constantFrom('insert', 'delete', 'replace'), (json, indent, at, ch, how) => {
        const pretty = indent ? JSON.stringify(JSON.parse(json), null, 2) : json;
        const i = pretty.length === 0 ? 0 : at % pretty.length;
        const text =
          how === 'insert' ? pretty.slice(0, i) + ch + pretty.slice(i) : how === 'delete' ? pretty.slice(0, i) + pretty.slice(i + 1) : pretty.slice(0, i) + ch + pretty.slice(i + 1);
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'{}[]:,"\\ 0123-.eEtruefalsn'.split('')), maxLength: 12 }), (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('handles nesting far deeper than a recursive parser could', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(findJsonSyntaxError(deep)).toBeNull();
    expect(findJsonSyntaxError(deep.slice(0, -1))).toMatchObject({ problem: 'unexpected-end', offset: 399_999 });
  });
});

describe('parseSopJson syntax messages', () => {
  it('speaks each language with line and column, never the engine\'s English message', () => {
    const text = '{\n  "schemaVersion": 1,\n  "id": "x"\n  "identity": {}\n}';
    const [diagnostic] = parseSopJson(text).diagnostics;
    expect(diagnostic).toMatchObject({ ruleId: 'json.syntax', data: { line: 4, column: 3, problem: 'missing-comma' } });
    expect(diagnostic!.message).toEqual({
      id: 'Teks bukan JSON yang sah (baris 4, kolom 3): Kurang tanda koma (,) sebelum "\\"".',
      en: 'The text is not valid JSON (line 4, column 3): A comma (,) is missing before "\\"".',
    });
    expect(diagnostic!.message.id).not.toMatch(/Expected|Unexpected|position/);
  });

  it('counts lines and columns after a byte order mark as an editor shows them', () => {
    const [diagnostic] = parseSopJson('\ufeff{"a": 1,}').diagnostics;
    expect(diagnostic?.data).toMatchObject({ line: 1, column: 10, problem: 'trailing-comma' });
  });
});

describe('locateJsonPointer', () => {
  const text = JSON.stringify({ id: 'x', identity: { title: 'SKTM', dates: {} }, flows: [{ steps: [{ id: 's1', text: 'A "quoted" } text' }, { id: 's2' }] }] }, null, 2);
  const at = (pointer: string) => {
    const range = locateJsonPointer(text, pointer);
    return range && { text: text.slice(range.start, range.end), exact: range.exact };
  };

  it('finds a primitive with its property name, and only the name of an object or array', () => {
    expect(at('/identity/title')).toEqual({ text: '"title": "SKTM"', exact: true });
    expect(at('/flows/0/steps/1/id')).toEqual({ text: '"id": "s2"', exact: true });
    expect(at('/flows/0/steps/0/text')).toEqual({ text: '"text": "A \\"quoted\\" } text"', exact: true });
    expect(at('/identity')).toEqual({ text: '"identity"', exact: true });
    expect(at('/flows/0/steps/1')).toEqual({ text: '{', exact: true });
    expect(at('')).toEqual({ text: '{', exact: true });
  });

  it('falls back to the parent when the last part is missing, and gives up on text that is not JSON', () => {
    expect(at('/identity/number')).toEqual({ text: '"identity"', exact: false });
    expect(at('/flows/0/steps/7/id')).toEqual({ text: '"steps"', exact: false });
    expect(locateJsonPointer('{"a": 1,}', '/a')).toBeNull();
  });
});
