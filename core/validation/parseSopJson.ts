import type { Diagnostic } from './diagnostic';
import { validateSop, type ValidateOptions, type ValidationResult } from './validateSop';

/** Files beyond this are refused before parsing: no real SOP comes near it, and parsing would stall the page. */
export const MAX_SOP_TEXT_LENGTH = 20 * 1024 * 1024;

export interface ParsedSopText extends ValidationResult {
  /** The parsed JSON value, present whenever the text was valid JSON (even if not a valid SOP). */
  value?: unknown;
}

/** Parses SOP JSON text (a file, a paste, the JSON editor) and validates it. Never throws. */
export function parseSopJson(text: string, options: ValidateOptions = {}): ParsedSopText {
  if (text.length > MAX_SOP_TEXT_LENGTH) {
    const megabytes = (text.length / 1024 / 1024).toFixed(1);
    return failed({
      ruleId: 'json.too-large',
      severity: 'error',
      pointer: '',
      message: {
        id: `Berkas terlalu besar (${megabytes} MB); batasnya ${MAX_SOP_TEXT_LENGTH / 1024 / 1024} MB.`,
        en: `File too large (${megabytes} MB); the limit is ${MAX_SOP_TEXT_LENGTH / 1024 / 1024} MB.`,
      },
    });
  }
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
  const detail = error instanceof Error ? error.message : String(error);
  const offset = syntaxErrorOffset(text, detail);
  const { line, column } = lineAndColumn(text, offset);
  const where = { id: `baris ${line}, kolom ${column}`, en: `line ${line}, column ${column}` };
  return {
    ruleId: 'json.syntax',
    severity: 'error',
    pointer: '',
    message: {
      id: `Teks bukan JSON yang sah (${where.id}): ${detail}`,
      en: `The text is not valid JSON (${where.en}): ${detail}`,
    },
    data: { line, column, offset },
  };
}

function syntaxErrorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n', Number(lineColumn[1]));
    return lines.slice(0, -1).reduce((sum, l) => sum + l.length + 1, 0) + Number(lineColumn[2]) - 1;
  }
  // "Unexpected end of JSON input" names no position: the problem is at the end.
  return text.length;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
