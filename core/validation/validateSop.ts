import type { SopDocument } from '../../schemas/generated/sop.types';
import { validate as validateSchema } from '../../schemas/generated/validate-sop-schema.js';
import type { Diagnostic } from './diagnostic';
import { createRuleContext, type SemanticRule, type ValidateOptions } from './ruleContext';
import { checkFlowGraphs } from './rules/graph';
import { checkDuplicateIds } from './rules/ids';
import { checkIdentityForPublish } from './rules/identity';
import { checkLanesAndActors, checkSectionsAndFields, checkStepNumbersAndRequirements } from './rules/references';
import { checkWaktu } from './rules/waktu';
import { schemaErrorsToDiagnostics } from './schemaDiagnostics';
import { checkStructure } from './structureCheck';

export type { ValidateOptions } from './ruleContext';

const semanticRuleSet: SemanticRule[] = [
  checkDuplicateIds,
  checkLanesAndActors,
  checkSectionsAndFields,
  checkStepNumbersAndRequirements,
  checkFlowGraphs,
  checkWaktu,
  checkIdentityForPublish,
];

export interface ValidationResult {
  /** True when no diagnostic is an error. */
  valid: boolean;
  diagnostics: Diagnostic[];
  /** The input, typed, when it passed the schema (semantic errors may remain). */
  document?: SopDocument;
}

/**
 * Checks any value against the SOP schema, then, if the shape is right, the
 * semantic rules. Never throws: whatever the input, the answer is diagnostics.
 */
export function validateSop(input: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    const newer = newerVersionDiagnostic(input);
    if (newer) return finish([newer]);
    // Depth first, without recursion: the schema validator (and everything after it) recurses.
    const structural = checkStructure(input);
    if (structural.some((d) => d.ruleId === 'schema.maxDepth')) return finish(structural);
    if (!validateSchema(input)) {
      return finish([...structural, ...schemaErrorsToDiagnostics(validateSchema.errors ?? [])]);
    }
    // Characters XML cannot carry make the document unusable for print and export, like a schema error.
    if (structural.length > 0) return finish(structural);
    const doc = input as SopDocument;
    const diagnostics: Diagnostic[] = [];
    const ctx = createRuleContext(doc, options, diagnostics);
    // Rules read only what the schema guarantees, so they run on schema-valid input only.
    for (const rule of semanticRuleSet) rule(ctx);
    return { ...finish(diagnostics), document: doc };
  } catch (error) {
    return finish([internalFailure(error)]);
  }
}

/** The schema version this code reads and writes. */
export const CURRENT_SCHEMA_VERSION = 1;

// A file saved by a newer SOP Studio must not be "repaired" into this version's
// shape: say so plainly instead of listing every property this version lacks.
function newerVersionDiagnostic(input: unknown): Diagnostic | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !(version > CURRENT_SCHEMA_VERSION)) return undefined;
  return {
    ruleId: 'sop.newer-version',
    severity: 'error',
    pointer: '/schemaVersion',
    message: {
      id: `Dokumen ini dibuat dengan versi skema ${version}; aplikasi ini hanya mengenal sampai versi ${CURRENT_SCHEMA_VERSION}. Perbarui SOP Studio untuk membukanya.`,
      en: `This document uses schema version ${version}; this application knows versions up to ${CURRENT_SCHEMA_VERSION}. Update SOP Studio to open it.`,
    },
    data: { version, supported: CURRENT_SCHEMA_VERSION },
  };
}

function finish(diagnostics: Diagnostic[]): ValidationResult {
  return { valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
}

function internalFailure(error: unknown): Diagnostic {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return {
    ruleId: 'internal.validation-failed',
    severity: 'error',
    pointer: '',
    message: {
      id: `Dokumen tidak dapat diperiksa (${detail}).`,
      en: `The document could not be checked (${detail}).`,
    },
  };
}
