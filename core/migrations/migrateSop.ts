/**
 * Brings an SOP document of any earlier schema version up to the current one,
 * in memory. Loaders call it (through validateSop) on everything they read;
 * `sop migrate` writes the result back to files.
 *
 * A migrated document remembers the value it came from (`originalOf`) and
 * that value's content hash: a published revision is stored and hashed as it
 * was published, byte for byte, and the migrated form is only what the engine,
 * the print and the designer read. The engine's `sopContentHash` of the
 * migrated document therefore answers the hash a case pinned.
 */
import { rememberSopContentHash, sopContentHash } from '../engine/sopIndex';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { Diagnostic } from '../validation/diagnostic';
import type { AppliedMigration, JsonObject, MigrationNote, MigrationStep, NoteSink } from './types';
import { v1ToV2 } from './v1ToV2';

/**
 * Every migration, oldest first: entry n takes version n to n + 1. To change
 * the schema: add the next entry (v2 → v3), bump `schemaVersion` in
 * schemas/sop.schema.json, and test the step like v1ToV2.test.ts does;
 * migrations.test.ts checks that the chain has no gap and reaches the schema.
 */
export const sopMigrations: readonly MigrationStep[] = [v1ToV2];

/** The schema version this code reads and writes: where the chain ends. */
export const CURRENT_SCHEMA_VERSION: number = sopMigrations[sopMigrations.length - 1]!.to;

/** The oldest version a loader still reads. */
export const OLDEST_SCHEMA_VERSION: number = sopMigrations[0]!.from;

export type MigrationResult =
  | {
      ok: true;
      /** The document at CURRENT_SCHEMA_VERSION (not validated: validateSop does that), or the input itself when nothing applied. */
      document: unknown;
      /** The input's schemaVersion when it was a number; undefined for anything else. */
      fromVersion: number | undefined;
      /** The steps that ran, in order; empty for a current document. */
      steps: AppliedMigration[];
      /** What changed or was left out, with pointers into the input. */
      notes: MigrationNote[];
    }
  | {
      /** Written by a newer SOP Studio: never "repaired" into this version's shape. */
      ok: false;
      fromVersion: number;
      diagnostic: Diagnostic;
    };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const originals = new WeakMap<object, unknown>();

/**
 * The value a migrated document was read from: what was written (and, for a
 * published revision, what its content hash covers). A document that was not
 * migrated is its own original.
 */
export function originalOf(doc: unknown): unknown {
  return typeof doc === 'object' && doc !== null && originals.has(doc) ? originals.get(doc) : doc;
}

/**
 * The content hash of a published revision: over the document as it was
 * published (its original, when it was migrated), never over the migrated
 * form. What the catalogue, bundles, backups and the server store and check.
 */
export function revisionContentHash(doc: SopDocument): string {
  return sopContentHash(originalOf(doc) as SopDocument);
}

/**
 * A document read back from storage or received as a published revision
 * (validated when it was stored), migrated for use; undefined when it is not
 * an object or was written by a newer version. `contentHash`, when the store
 * kept one, is what the engine answers for it (as the runtime did before).
 */
export function upgradeStoredSop(value: unknown, contentHash?: string): SopDocument | undefined {
  const result = migrateSop(value);
  if (!result.ok || !isObject(result.document)) return undefined;
  const doc = result.document as unknown as SopDocument;
  if (contentHash !== undefined) rememberSopContentHash(doc, contentHash);
  return doc;
}

export function migrateSop(input: unknown): MigrationResult {
  const version = isObject(input) ? input.schemaVersion : undefined;
  const fromVersion = typeof version === 'number' ? version : undefined;
  if (fromVersion !== undefined && fromVersion > CURRENT_SCHEMA_VERSION) {
    return { ok: false, fromVersion, diagnostic: newerVersionDiagnostic(fromVersion) };
  }
  const firstStep = sopMigrations.findIndex((step) => step.from === fromVersion);
  // A current document, or one with no version this code knows (0, "1", 1.5): validation says what is wrong.
  if (!isObject(input) || firstStep < 0) return { ok: true, document: input, fromVersion, steps: [], notes: [] };

  let doc: JsonObject = input;
  const steps: AppliedMigration[] = [];
  const notes: MigrationNote[] = [];
  const applied: MigrationStep[] = [];
  for (const step of sopMigrations.slice(firstStep)) {
    // Notes point into this step's input; earlier steps map them back to the original.
    const earlier = [...applied];
    const back = (pointer: string) => earlier.reduceRight((p, s) => (s.pointerToInput ? s.pointerToInput(p) : p), pointer);
    const sink: NoteSink = {
      changed: (pointer, message) => notes.push({ kind: 'changed', pointer: back(pointer), message }),
      dropped: (pointer, message) => notes.push({ kind: 'dropped', pointer: back(pointer), message }),
    };
    doc = step.migrate(doc, sink);
    applied.push(step);
    steps.push({ id: step.id, from: step.from, to: step.to });
  }
  originals.set(doc, input);
  keepContentHash(doc, input);
  return { ok: true, document: doc, fromVersion, steps, notes: notes.map((n) => ({ ...n, pointer: pointerInOriginal(n.pointer, input) })) };
}

// The engine hashes the document it is given; the migrated one must answer with the original's hash,
// which is what a case pinned and what the catalogue, bundles, backups and the server stored.
function keepContentHash(migrated: JsonObject, original: JsonObject): void {
  try {
    rememberSopContentHash(migrated as unknown as SopDocument, sopContentHash(original as unknown as SopDocument));
  } catch {
    // A value too deep to hash is refused by validation (schema.maxDepth) before anyone pins it.
  }
}

/**
 * Where a pointer into the migrated document points in what the user wrote:
 * mapped back through the steps that moved things, then cut to the deepest
 * part that exists in the original (v2's `/condition/text` is v1's `/condition`;
 * an `outcome` v1 lacked is its step).
 */
export function pointerInSource(pointer: string, result: MigrationResult, original: unknown): string {
  if (!result.ok || result.steps.length === 0) return pointer;
  const ran = sopMigrations.filter((step) => result.steps.some((s) => s.id === step.id));
  const back = ran.reduceRight((p, s) => (s.pointerToInput ? s.pointerToInput(p) : p), pointer);
  return pointerInOriginal(back, original);
}

function pointerInOriginal(pointer: string, original: unknown): string {
  if (pointer === '') return pointer;
  const segments = pointer.slice(1).split('/');
  let at: unknown = original;
  let kept = '';
  for (const raw of segments) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(at)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment) || Number(segment) >= at.length) break;
      at = at[Number(segment)];
    } else if (isObject(at) && Object.prototype.hasOwnProperty.call(at, segment)) {
      at = at[segment];
    } else break;
    kept += '/' + raw;
  }
  return kept;
}

function newerVersionDiagnostic(version: number): Diagnostic {
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
