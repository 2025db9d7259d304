import type { Diagnostic, LocalizedText } from './diagnostic';
import { escapePointerSegment } from './diagnostic';

/** The subset of Ajv's ErrorObject we read; kept local so core does not type-depend on Ajv. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

// A document with thousands of errors is usually the wrong file; past this
// many, more messages only bury the first ones.
const MAX_SCHEMA_DIAGNOSTICS = 200;

export function schemaErrorsToDiagnostics(allErrors: readonly SchemaError[]): Diagnostic[] {
  const errors = withAnyOfResolved(allErrors);
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
  const kept = errors.filter(
    // A failed oneOf reports every branch's complaint too; the summary is clearer.
    (e) => e.keyword === 'oneOf' || !oneOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/')),
  );
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of kept) {
    if (error.keyword === 'if') continue; // always paired with the then/else error that says why
    const diagnostic = toDiagnostic(error);
    const key = diagnostic.ruleId + diagnostic.pointer;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
    if (diagnostics.length >= MAX_SCHEMA_DIAGNOSTICS) break;
  }
  return diagnostics;
}

/**
 * `Text` is a string or a RichText object (anyOf). A value of one of those
 * types fails only that branch's rules: report those (a text too long), not
 * "must be an object" from the branch it never meant to be. A value of
 * neither type gets one "expected text or an object" instead of one error
 * per branch.
 */
function withAnyOfResolved(errors: readonly SchemaError[]): SchemaError[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  if (anyOfs.length === 0) return [...errors];
  const dropped = new Set<SchemaError>();
  const added = new Map<SchemaError, SchemaError>();
  for (const anyOf of anyOfs) {
    const path = anyOf.instancePath;
    const typeErrors = errors.filter((e) => e.instancePath === path && e.keyword === 'type');
    const others = errors.filter(
      (e) => e !== anyOf && !typeErrors.includes(e) && e.keyword !== 'anyOf' && (e.instancePath === path || e.instancePath.startsWith(path + '/')),
    );
    dropped.add(anyOf);
    for (const e of typeErrors) dropped.add(e);
    if (others.length === 0) {
      const types = typeErrors.map((e) => String(e.params.type));
      added.set(anyOf, { instancePath: path, keyword: 'type', params: { type: types.join(',') } });
    }
  }
  return errors.flatMap((e) => (added.has(e) ? [added.get(e)!] : dropped.has(e) ? [] : [e]));
}

function toDiagnostic(error: SchemaError): Diagnostic {
  let pointer = error.instancePath;
  const p = error.params;
  if (error.keyword === 'required' && typeof p.missingProperty === 'string') {
    pointer += '/' + escapePointerSegment(p.missingProperty);
  } else if (error.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
    pointer += '/' + escapePointerSegment(p.additionalProperty);
  } else if (isStepOutcomeRule(error)) {
    pointer += '/outcome';
  }
  return {
    ruleId: `schema.${error.keyword}`,
    severity: 'error',
    pointer,
    message: describeSchemaError(error),
    data: { ...p },
  };
}

function quoted(value: unknown): string {
  return JSON.stringify(value);
}

function describeSchemaError(error: SchemaError): LocalizedText {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return { id: `Isian wajib ${quoted(p.missingProperty)} tidak ada.`, en: `Required property ${quoted(p.missingProperty)} is missing.` };
    case 'additionalProperties':
      return { id: `Isian ${quoted(p.additionalProperty)} tidak dikenal di sini.`, en: `Property ${quoted(p.additionalProperty)} is not allowed here.` };
    case 'type':
      return { id: `Jenis nilai salah: seharusnya ${typeName(String(p.type), 'id')}.`, en: `Wrong type: expected ${typeName(String(p.type), 'en')}.` };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[] | undefined)?.map(quoted).join(', ') ?? '';
      return { id: `Nilai harus salah satu dari: ${allowed}.`, en: `Value must be one of: ${allowed}.` };
    }
    case 'const':
      return { id: `Nilai harus ${quoted(p.allowedValue)}.`, en: `Value must be ${quoted(p.allowedValue)}.` };
    case 'pattern':
      return { id: `Format tidak sesuai (pola ${String(p.pattern)}).`, en: `Wrong format (pattern ${String(p.pattern)}).` };
    case 'maxLength':
      return { id: `Teks terlalu panjang: paling banyak ${p.limit} karakter.`, en: `Text too long: at most ${p.limit} characters.` };
    case 'minLength':
      return { id: `Teks terlalu pendek: paling sedikit ${p.limit} karakter.`, en: `Text too short: at least ${p.limit} characters.` };
    case 'maxItems':
      return { id: `Daftar terlalu panjang: paling banyak ${p.limit} butir.`, en: `List too long: at most ${p.limit} items.` };
    case 'minItems':
      return { id: `Daftar terlalu pendek: paling sedikit ${p.limit} butir.`, en: `List too short: at least ${p.limit} items.` };
    case 'maximum':
      return { id: `Angka terlalu besar: paling besar ${p.limit}.`, en: `Number too large: at most ${p.limit}.` };
    case 'minimum':
      return { id: `Angka terlalu kecil: paling kecil ${p.limit}.`, en: `Number too small: at least ${p.limit}.` };
    case 'oneOf':
      // An edge goes to a step, leaves the SOP, or has a target nobody can read: exactly one of them.
      if (/^\/flows\/\d+\/edges\/\d+$/.test(error.instancePath)) {
        return {
          id: 'Panah harus punya tepat satu tujuan: "to" (langkah), "leaves" (keluar dari SOP) atau "targetUnknown" (tujuan tidak terbaca).',
          en: 'An edge needs exactly one target: "to" (a step), "leaves" (out of the SOP) or "targetUnknown" (target illegible).',
        };
      }
      return Array.isArray(p.passingSchemas)
        ? { id: 'Nilai cocok dengan lebih dari satu bentuk yang diizinkan; pilih satu.', en: 'Value matches more than one of the allowed shapes; keep one.' }
        : { id: 'Nilai tidak cocok dengan satu pun bentuk yang diizinkan.', en: 'Value matches none of the allowed shapes.' };
    case 'not':
      if (isStepOutcomeRule(error)) {
        return { id: 'Hanya langkah akhir yang punya hasil (outcome).', en: 'Only an end step has an outcome.' };
      }
      return { id: 'Kombinasi isian ini tidak diizinkan.', en: 'This combination of properties is not allowed.' };
    default:
      return { id: `Tidak sesuai skema (${error.keyword}).`, en: `Does not match the schema (${error.keyword}${error.message ? ': ' + error.message : ''}).` };
  }
}

// The schema's only `not` on a step: an outcome belongs to end steps (Step.allOf).
function isStepOutcomeRule(error: SchemaError): boolean {
  return error.keyword === 'not' && /^\/flows\/\d+\/steps\/\d+$/.test(error.instancePath);
}

function typeName(type: string, lang: 'id' | 'en'): string {
  if (type.includes(',')) return type.split(',').map((t) => typeName(t, lang)).join(lang === 'id' ? ' atau ' : ' or ');
  const names: Record<string, [string, string]> = {
    object: ['objek', 'an object'],
    array: ['daftar', 'an array'],
    string: ['teks', 'a string'],
    number: ['angka', 'a number'],
    integer: ['bilangan bulat', 'an integer'],
    boolean: ['benar/salah', 'a boolean'],
  };
  const pair = names[type];
  return pair ? pair[lang === 'id' ? 0 : 1] : type;
}
