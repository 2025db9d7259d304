import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { loadSample } from '../../samples/loadSamples.node';
import minimal from './fixtures/minimal.sop.json';
import { cleanTypedText, hasForbiddenCharacter, SOP_LIMITS, utf8ByteLength } from './limits';
import { checkFileSize, parseSopJson } from './parseSopJson';
import { validateSop } from './validateSop';

function fixture(): SopDocument {
  return structuredClone(minimal) as SopDocument;
}

/** `{"a": {"a": … }}` nested `levels` deep, built without recursion. */
function deepObject(levels: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let at = root;
  for (let i = 1; i < levels; i++) {
    const next: Record<string, unknown> = {};
    at.a = next;
    at = next;
  }
  return root;
}

describe('the limits, defined once', () => {
  it('take the text lengths from the schema, so a field never accepts what the validator refuses', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/sop.schema.json', import.meta.url), 'utf8'));
    expect(SOP_LIMITS.shortText).toBe(schema.$defs.ShortText.maxLength);
    expect(SOP_LIMITS.longText).toBe(schema.$defs.LongText.maxLength);
    expect(SOP_LIMITS.stepNumber).toBe(schema.$defs.Step.properties.number.maxLength);
  });

  it('let every sample through: no real SOP comes near them', () => {
    for (const id of ['bwi-spm-online', 'blt-sk-kip', 'oku-01-sktm', 'lmj-16-spm']) {
      expect(validateSop(loadSample(id)).diagnostics.filter((d) => d.ruleId.startsWith('schema.')), id).toEqual([]);
    }
  });
});

describe('nesting depth', () => {
  it('refuses 100 000-deep extensions with a located message, before anything recursive runs', () => {
    const text = `{"schemaVersion":1,"extensions":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    const result = parseSopJson(text);
    expect(result.valid).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d!.ruleId).toBe('schema.maxDepth');
    expect(d!.pointer).toBe(`/extensions${'/a'.repeat(SOP_LIMITS.maxDepth - 1)}`);
    expect(d!.message.en).toBe('extensions is nested deeper than 64 levels at /extensions/a/a/a/a/a/…; the document cannot be opened.');
    expect(d!.message.id).toContain('extensions bersarang lebih dalam dari 64 tingkat di /extensions/a/a/a/a/a/…');
  });

  it('accepts extensions exactly at the limit and refuses one level more', () => {
    const atLimit = fixture();
    // The document is level 1 and `extensions` level 2.
    atLimit.extensions = { 'tool.example.go.id': deepObject(SOP_LIMITS.maxDepth - 2) };
    expect(validateSop(atLimit).valid).toBe(true);
    const over = fixture();
    over.extensions = { 'tool.example.go.id': deepObject(SOP_LIMITS.maxDepth - 1) };
    expect(validateSop(over).diagnostics.map((d) => d.ruleId)).toEqual(['schema.maxDepth']);
  });

  it('counts arrays as levels too', () => {
    let value: unknown = 1;
    for (let i = 0; i < 200; i++) value = [value];
    const doc = { ...fixture(), extensions: { x: value } };
    expect(validateSop(doc).diagnostics[0]).toMatchObject({ ruleId: 'schema.maxDepth', pointer: `/extensions/x${'/0'.repeat(SOP_LIMITS.maxDepth - 2)}` });
  });
});

describe('characters XML cannot carry', () => {
  it('refuses a vertical tab in step text, pointing at the step text', () => {
    const doc = fixture();
    doc.flows[0]!.steps[1]!.text = 'Periksa\u000Bberkas';
    const result = validateSop(doc);
    expect(result.valid).toBe(false);
    expect(result.document).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ ruleId: 'schema.controlCharacter', pointer: '/flows/0/steps/1/text', data: { character: 'U+000B', position: 8 } }]);
    expect(result.diagnostics[0]!.message.en).toContain('U+000B');
    expect(result.diagnostics[0]!.message.id).toContain('karakter kendali U+000B');
  });

  it('refuses ESC, NUL and an unpaired surrogate, and a control character in a property name', () => {
    const doc = fixture() as SopDocument & { extensions: Record<string, unknown> };
    doc.identity.title = 'Judul \u001B[31mmerah';
    doc.extensions = { 'bad\u0000key': 'x', ok: 'half \uD800 of a pair' };
    const pointers = validateSop(doc).diagnostics.map((d) => `${d.ruleId} ${d.pointer}`);
    expect(pointers).toEqual([
      'schema.controlCharacter /identity/title',
      'schema.controlCharacter /extensions/bad\u0000key',
      'schema.controlCharacter /extensions/ok',
    ]);
  });

  it('keeps tab, line feed, carriage return, emoji and every script', () => {
    const doc = fixture();
    doc.flows[0]!.steps[1]!.text = 'Baris 1\r\n\tBaris 2 ✅ 😀 العربية 中文';
    expect(validateSop(doc).valid).toBe(true);
  });

  it('cleans typed and pasted text into what the validator accepts', () => {
    expect(cleanTypedText('Baris 1\u000BBaris 2\u000Cx\u0007y\u001B')).toBe('Baris 1\nBaris 2\nxy');
    expect(cleanTypedText('tetap 😀\tsama\n')).toBe('tetap 😀\tsama\n');
    expect(hasForbiddenCharacter(cleanTypedText('a\uDC00b\uFFFE'))).toBe(false);
  });
});

describe('document size', () => {
  it('counts UTF-8 bytes the way a file system does', () => {
    for (const text of ['abc', 'é', '€', '😀', 'a\uD800b', 'Jalan Merdeka 1 — Banyuwangi 😀']) {
      expect(utf8ByteLength(text), text).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('names the true size of a file refused by its size alone', () => {
    const refused = checkFileSize(100 * 1024 * 1024)!;
    expect(refused.valid).toBe(false);
    expect(refused.diagnostics[0]!.message.en).toBe('File too large (100.0 MB); the limit is 20.0 MB.');
    expect(refused.diagnostics[0]!.message.id).toBe('Berkas terlalu besar (100.0 MB); batasnya 20.0 MB.');
    expect(checkFileSize(SOP_LIMITS.maxBytes)).toBeNull();
  });

  it('measures text in bytes: 8 million three-byte characters are 24 MB and refused', () => {
    const text = `{"x":"${'€'.repeat(8 * 1024 * 1024)}"}`;
    expect(parseSopJson(text).diagnostics[0]!.message.en).toBe('File too large (24.0 MB); the limit is 20.0 MB.');
  });
});
