/**
 * What the JSON view does with the text in the editor, without Monaco: is it
 * an SOP that may replace the document, and if not, why not.
 */
import { jsonEqual } from '../../core/model/deepEqual';
import type { Lang } from '../../core/i18n';
import { locateJsonPointer, parseSopJson, sortDiagnostics, type Diagnostic } from '../../core/validation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { isStructural } from '../library/sopFiles';

export type JsonTextState =
  | { kind: 'in-sync' }
  | { kind: 'valid'; doc: SopDocument }
  | { kind: 'invalid'; diagnostics: Diagnostic[] };

/** A problem to underline in the editor: offsets into the text, message in the interface language. */
export interface JsonMarker {
  start: number;
  end: number;
  message: string;
  severity: Diagnostic['severity'];
}

/**
 * Where each diagnostic of `text` sits in it: a syntax error at its offset,
 * a schema problem at the value its pointer names (or the parent of a
 * missing property).
 */
export function markersFor(text: string, diagnostics: readonly Diagnostic[], lang: Lang): JsonMarker[] {
  return diagnostics.flatMap((d): JsonMarker[] => {
    const message = d.message[lang];
    if (d.ruleId === 'json.syntax' && typeof d.data?.offset === 'number') {
      return [{ start: d.data.offset, end: d.data.offset + 1, message, severity: d.severity }];
    }
    const range = locateJsonPointer(text, d.pointer);
    return range ? [{ start: range.start, end: range.end, message, severity: d.severity }] : [];
  });
}

/** The document as the JSON view shows it. */
export function documentText(doc: SopDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * `in-sync`: the text already says what the document holds (formatting aside).
 * `valid`: a different SOP that follows the schema; it may replace the document.
 * `invalid`: not JSON, or not following the schema; the document must keep its last valid state.
 */
export function evaluateJsonText(text: string, current: SopDocument): JsonTextState {
  const parsed = parseSopJson(text);
  if (parsed.value === undefined) return { kind: 'invalid', diagnostics: parsed.diagnostics };
  const structural = sortDiagnostics(parsed.diagnostics.filter(isStructural));
  if (structural.length > 0 || parsed.document === undefined) {
    return { kind: 'invalid', diagnostics: structural.length > 0 ? structural : parsed.diagnostics.filter((d) => d.severity === 'error') };
  }
  if (jsonEqual(parsed.value, current)) return { kind: 'in-sync' };
  // Text in an earlier schema version (pasted from an old file) replaces the document migrated.
  return { kind: 'valid', doc: parsed.document };
}
