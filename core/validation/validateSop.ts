import type { SopDocument } from '../../schemas/generated/sop.types';
import { validate as validateSchema } from '../../schemas/generated/validate-sop-schema.js';
import { CURRENT_SCHEMA_VERSION, migrateSop, pointerInSource, type AppliedMigration, type MigrationNote } from '../migrations';
import type { Diagnostic } from './diagnostic';
import { createRuleContext, type SemanticRule, type ValidateOptions } from './ruleContext';
import { checkFlowGraphs } from './rules/graph';
import { checkDuplicateIds } from './rules/ids';
import { checkUncertainBranches } from './rules/branches';
import { checkIdentityForPublish, checkIdentityMarks } from './rules/identity';
import { checkParallelRegions } from './rules/parallel';
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
  checkParallelRegions,
  checkUncertainBranches,
  checkWaktu,
  checkIdentityMarks,
  checkIdentityForPublish,
];

export interface ValidationResult {
  /** True when no diagnostic is an error. */
  valid: boolean;
  /** Pointers point into the input as given, also when it was migrated from an earlier version. */
  diagnostics: Diagnostic[];
  /**
   * The document, typed, when it passed the schema (semantic errors may remain):
   * migrated to the current schema version when the input was older
   * (`originalOf(document)` is then the input, as written).
   */
  document?: SopDocument;
  /** Set when the input was written in an earlier schema version and was upgraded in memory. */
  migration?: AppliedUpgrade;
}

export interface AppliedUpgrade {
  fromVersion: number;
  toVersion: number;
  steps: AppliedMigration[];
  notes: MigrationNote[];
}

/**
 * Checks any value against the SOP schema, then, if the shape is right, the
 * semantic rules. A document of an earlier schema version is migrated first
 * (core/migrations) and checked as the current version; its diagnostics still
 * point into the input. Never throws: whatever the input, the answer is diagnostics.
 */
export function validateSop(input: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    // Depth first, without recursion: the migration's hashing, the schema validator and everything after recurse.
    const structural = checkStructure(input);
    if (structural.some((d) => d.ruleId === 'schema.maxDepth')) return finish(structural);
    const migrated = migrateSop(input);
    if (!migrated.ok) return finish([migrated.diagnostic]);
    const candidate = migrated.document;
    const upgrade = migrated.steps.length > 0 && migrated.fromVersion !== undefined
      ? { fromVersion: migrated.fromVersion, toVersion: CURRENT_SCHEMA_VERSION, steps: migrated.steps, notes: migrated.notes }
      : undefined;
    const toSource = (diagnostics: Diagnostic[]): Diagnostic[] =>
      upgrade ? diagnostics.map((d) => ({ ...d, pointer: pointerInSource(d.pointer, migrated, input) })) : diagnostics;
    const upgraded = upgrade ? [upgradedDiagnostic(upgrade)] : [];
    if (!validateSchema(candidate)) {
      return withUpgrade(finish([...structural, ...toSource(schemaErrorsToDiagnostics(validateSchema.errors ?? [])), ...upgraded]), upgrade);
    }
    // Characters XML cannot carry make the document unusable for print and export, like a schema error.
    if (structural.length > 0) return withUpgrade(finish([...structural, ...upgraded]), upgrade);
    const doc = candidate as SopDocument;
    const diagnostics: Diagnostic[] = [];
    const ctx = createRuleContext(doc, options, diagnostics);
    // Rules read only what the schema guarantees, so they run on schema-valid input only.
    for (const rule of semanticRuleSet) rule(ctx);
    return withUpgrade({ ...finish([...toSource(diagnostics), ...upgraded]), document: doc }, upgrade);
  } catch (error) {
    return finish([internalFailure(error)]);
  }
}

/** The schema version this code reads and writes (where the migration chain ends). */
export { CURRENT_SCHEMA_VERSION };

function withUpgrade(result: ValidationResult, upgrade: AppliedUpgrade | undefined): ValidationResult {
  return upgrade ? { ...result, migration: upgrade } : result;
}

// Said once, as information, wherever the diagnostics are shown (import report, CLI, runtime import):
// the reader should know the file on disk is older than what they now see.
function upgradedDiagnostic(upgrade: AppliedUpgrade): Diagnostic {
  return {
    ruleId: 'sop.migrated',
    severity: 'info',
    pointer: '/schemaVersion',
    message: {
      id: `Dokumen ini ditulis dengan skema versi ${upgrade.fromVersion} dan dibaca sebagai versi ${upgrade.toVersion} (diperbarui di memori; ${upgrade.notes.length} perubahan). Berkas aslinya tidak diubah.`,
      en: `This document was written in schema version ${upgrade.fromVersion} and is read as version ${upgrade.toVersion} (upgraded in memory; ${upgrade.notes.length} change(s)). The original file is unchanged.`,
    },
    data: { fromVersion: upgrade.fromVersion, toVersion: upgrade.toVersion, steps: upgrade.steps.map((s) => s.id) },
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
