/**
 * Refusing a file by its size before reading it. Apart from parseSopJson.ts
 * so that a screen offering a file picker can check the size without loading
 * the SOP validator (most of an app's code by size) until a file is read.
 */
import type { Diagnostic } from './diagnostic';
import { formatByteSize, SOP_LIMITS } from './limits';
import type { ValidationResult } from './validateSop';

/**
 * The refusal of a file over `SOP_LIMITS.maxBytes`, naming its true size:
 * callers that know a file's size before reading it (fs.stat, File.size) call
 * this instead of reading it.
 */
export function tooLargeDiagnostic(bytes: number): Diagnostic {
  const size = formatByteSize(bytes);
  const limit = formatByteSize(SOP_LIMITS.maxBytes);
  return {
    ruleId: 'json.too-large',
    severity: 'error',
    pointer: '',
    message: {
      id: `Berkas terlalu besar (${size}); batasnya ${limit}.`,
      en: `File too large (${size}); the limit is ${limit}.`,
    },
    data: { bytes, limit: SOP_LIMITS.maxBytes },
  };
}

/** The refusal of a file whose size alone is over the limit, or null when it may be read. */
export function checkFileSize(bytes: number): ValidationResult | null {
  return bytes > SOP_LIMITS.maxBytes ? { valid: false, diagnostics: [tooLargeDiagnostic(bytes)] } : null;
}
