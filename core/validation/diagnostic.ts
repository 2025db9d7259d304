export type Severity = 'error' | 'warning' | 'info';

/** A message in both UI languages; user text inside it is plain text, never HTML. */
export interface LocalizedText {
  id: string;
  en: string;
}

/**
 * One problem found in a document. `pointer` is an RFC 6901 JSON pointer into
 * the document, so every view (canvas, grid, JSON editor, CLI) can locate it.
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  pointer: string;
  message: LocalizedText;
  /** Values the message was built from, for tools that want them raw. */
  data?: Record<string, unknown>;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity] || a.pointer.localeCompare(b.pointer),
  );
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + escapePointerSegment(s)).join('');
}
