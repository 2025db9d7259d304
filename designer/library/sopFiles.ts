/**
 * Import and export of `.sop.json` files. Import goes through parseSopJson
 * first; only a file that is JSON and follows the schema is taken in. Semantic
 * problems (an unreachable step, a decision with one exit) do not block an
 * import: a draft exported mid-work must come back, and the problems panel
 * shows them once it is open.
 */
import { checkFileSize, parseSopJson, sortDiagnostics, type Diagnostic } from '../../core/validation';
import type { SopDocument } from '../../schemas/generated/sop.types';

export type ImportCheck =
  /** `upgradedFrom`: the file was written in this earlier schema version and was migrated (core/migrations). */
  | { ok: true; doc: SopDocument; diagnostics: Diagnostic[]; upgradedFrom?: number }
  | { ok: false; diagnostics: Diagnostic[] };

/** Problems that make a file unusable as an SOP: not JSON, too large, or not following the schema. */
export function isStructural(diagnostic: Diagnostic): boolean {
  return (
    diagnostic.severity === 'error' &&
    (diagnostic.ruleId.startsWith('json.') || diagnostic.ruleId.startsWith('schema.'))
  );
}

/**
 * Checks a chosen file: one over the size limit is refused unread, naming its
 * true size; anything else is read and checked as text.
 */
export async function checkImportFile(file: Blob): Promise<ImportCheck> {
  const tooLarge = checkFileSize(file.size);
  if (tooLarge) return { ok: false, diagnostics: tooLarge.diagnostics };
  return checkImportText(await file.text());
}

export function checkImportText(text: string): ImportCheck {
  const parsed = parseSopJson(text);
  const diagnostics = sortDiagnostics(parsed.diagnostics);
  if (parsed.value === undefined || parsed.document === undefined || diagnostics.some(isStructural)) {
    const structural = diagnostics.filter(isStructural);
    return { ok: false, diagnostics: structural.length > 0 ? structural : diagnostics.filter((d) => d.severity === 'error') };
  }
  // An older file is taken in as the current version: the library stores (and later exports) the migrated document.
  const upgradedFrom = parsed.migration?.fromVersion;
  return { ok: true, doc: parsed.document, diagnostics, ...(upgradedFrom !== undefined ? { upgradedFrom } : {}) };
}

export function exportFileName(doc: SopDocument): string {
  return `${doc.id}.sop.json`;
}

/** The file text: two-space indented JSON with a final newline, like the samples. */
export function exportText(doc: SopDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Where a diagnostic points, for people: "baris 3, kolom 5" or the JSON pointer. */
export function diagnosticLocation(diagnostic: Diagnostic): string {
  return diagnostic.pointer === '' ? '/' : diagnostic.pointer;
}
