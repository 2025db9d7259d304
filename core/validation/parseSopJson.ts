import type { Diagnostic } from './diagnostic';
import { lineColumnAt } from './jsonLocation';
import { describeJsonSyntaxError, findJsonSyntaxError } from './jsonSyntax';
import { tooLargeDiagnostic } from './fileSize';
import { isOverByteLimit, utf8ByteLength } from './limits';
import { validateSop, type ValidateOptions, type ValidationResult } from './validateSop';

// Kept here for callers that import them with parsing; fileSize.ts holds them apart from the validator.
export { checkFileSize, tooLargeDiagnostic } from './fileSize';

export interface ParsedSopText extends ValidationResult {
  /** The parsed JSON value, present whenever the text was valid JSON (even if not a valid SOP). */
  value?: unknown;
}

/** Parses SOP JSON text (a file, a paste, the JSON editor) and validates it. Never throws. */
export function parseSopJson(text: string, options: ValidateOptions = {}): ParsedSopText {
  // Files beyond the limit are refused before parsing: no real SOP comes near it, and parsing would stall the page.
  if (isOverByteLimit(text)) return failed(tooLargeDiagnostic(utf8ByteLength(text)));
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return failed(syntaxDiagnostic(text, error));
  }
  return { ...validateSop(value, options), value };
}

function failed(diagnostic: Diagnostic): ParsedSopText {
  return { valid: false, diagnostics: [diagnostic] };
}

function syntaxDiagnostic(text: string, error: unknown): Diagnostic {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const found = findJsonSyntaxError(bom ? text.slice(1) : text);
  // The scanner agrees with JSON.parse; should an engine ever differ, point at
  // what the engine reports, still without its (English-only) wording.
  const offset = found ? found.offset + bom : engineOffset(text, error);
  const { line, column } = lineColumnAt(text, offset);
  const what = found ? describeJsonSyntaxError(found) : { id: 'Periksa tanda baca di sekitar titik ini.', en: 'Check the punctuation around this point.' };
  return {
    ruleId: 'json.syntax',
    severity: 'error',
    pointer: '',
    message: {
      id: `Teks bukan JSON yang sah (baris ${line}, kolom ${column}): ${what.id}`,
      en: `The text is not valid JSON (line ${line}, column ${column}): ${what.en}`,
    },
    data: { line, column, offset, ...(found ? { problem: found.problem } : {}) },
  };
}

function engineOffset(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n', Number(lineColumn[1]));
    return lines.slice(0, -1).reduce((sum, l) => sum + l.length + 1, 0) + Number(lineColumn[2]) - 1;
  }
  return text.length;
}
