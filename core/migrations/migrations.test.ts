import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/sop.schema.json';
import { loadSamples } from '../../samples/loadSamples.node';
import { arbitrarySop } from '../engine/testing/generateSop';
import { sopContentHash } from '../engine/sopIndex';
import { validateSop } from '../validation';
import { CURRENT_SCHEMA_VERSION, OLDEST_SCHEMA_VERSION, migrateSop, originalOf, revisionContentHash, sopMigrations, upgradeStoredSop } from '.';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the migration chain', () => {
  it('has no gap: each step takes one version to the next, from the oldest to the schema the code reads', () => {
    expect(sopMigrations.length).toBeGreaterThan(0);
    expect(sopMigrations[0]!.from).toBe(OLDEST_SCHEMA_VERSION);
    sopMigrations.forEach((step, i) => {
      expect(step.to, step.id).toBe(step.from + 1);
      if (i > 0) expect(step.from, step.id).toBe(sopMigrations[i - 1]!.to);
    });
    expect(sopMigrations.at(-1)!.to).toBe(CURRENT_SCHEMA_VERSION);
    // The schema's const is the version the chain ends at: bumping one without the other fails here.
    expect(schema.properties.schemaVersion.const).toBe(CURRENT_SCHEMA_VERSION);
    expect(new Set(sopMigrations.map((s) => s.id)).size).toBe(sopMigrations.length);
  });

  it('runs every registered migration, in order, on a document of the oldest version', () => {
    const result = migrateSop(fixture('minimal.v1.sop.json'));
    if (!result.ok) throw new Error('refused');
    expect(result.fromVersion).toBe(OLDEST_SCHEMA_VERSION);
    expect(result.steps.map((s) => s.id)).toEqual(sopMigrations.map((s) => s.id));
    expect((result.document as { schemaVersion: number }).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('leaves a current document alone: the same object, no steps, no notes', () => {
    for (const doc of loadSamples()) {
      const result = migrateSop(doc);
      expect(result).toEqual({ ok: true, document: doc, fromVersion: CURRENT_SCHEMA_VERSION, steps: [], notes: [] });
      expect(result.ok && result.document).toBe(doc);
    }
  });

  it('is the identity on any current document (property)', () => {
    fc.assert(
      fc.property(arbitrarySop, (doc) => {
        const frozen = JSON.stringify(doc);
        const result = migrateSop(doc);
        return result.ok && result.document === doc && result.steps.length === 0 && JSON.stringify(doc) === frozen;
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever the value (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ schemaVersion: fc.constantFrom(1, 2, 0, -1, 1.5, '1', null), flows: fc.anything(), identity: fc.anything() }),
          fc.record({ schemaVersion: fc.constant(1), flows: fc.array(fc.record({ steps: fc.array(fc.anything()), edges: fc.anything() })) }),
        ),
        (value) => {
          const result = migrateSop(value);
          return typeof result.ok === 'boolean';
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a document of a newer version with the "update SOP Studio" message, and validation says the same', () => {
    const newer = { ...fixture('minimal.v1.sop.json'), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    const result = migrateSop(newer);
    expect(result).toMatchObject({ ok: false, fromVersion: CURRENT_SCHEMA_VERSION + 1, diagnostic: { ruleId: 'sop.newer-version', pointer: '/schemaVersion' } });
    const checked = validateSop(newer);
    expect(checked.diagnostics).toHaveLength(1);
    expect(checked.diagnostics[0]!.message.en).toContain('Update SOP Studio');
    expect(checked.diagnostics[0]!.message.id).toContain('Perbarui SOP Studio');
    expect(upgradeStoredSop(newer)).toBeUndefined();
  });

  it('passes a value with no known version on unchanged, for validation to describe', () => {
    for (const value of [null, 42, [], { schemaVersion: '1' }, { schemaVersion: 0 }, { id: 'x' }]) {
      const result = migrateSop(value);
      expect(result.ok && result.document).toBe(value);
      expect(result.ok && result.steps).toEqual([]);
    }
    expect(validateSop({ ...fixture('minimal.v1.sop.json'), schemaVersion: 0 }).diagnostics.map((d) => d.ruleId)).toContain('schema.const');
  });
});

describe('a migrated document and what it was read from', () => {
  it('keeps the original (never modified) and answers its content hash, the one a case pinned', () => {
    const original = fixture('bwi-spm-online.v1.sop.json');
    const text = JSON.stringify(original);
    const hash = sopContentHash(structuredClone(original) as never);
    const result = migrateSop(original);
    if (!result.ok) throw new Error('refused');
    const doc = result.document as never;
    expect(JSON.stringify(original)).toBe(text);
    expect(originalOf(doc)).toBe(original);
    expect(sopContentHash(doc)).toBe(hash);
    expect(revisionContentHash(doc)).toBe(hash);
    // A current document is its own original.
    const sample = loadSamples()[0]!;
    expect(originalOf(sample)).toBe(sample);
  });

  it('upgradeStoredSop keeps a stored hash for a current document, as the runtime did before', () => {
    const sample = structuredClone(loadSamples()[0]!);
    expect(sopContentHash(upgradeStoredSop(sample, 'stored-hash')!)).toBe('stored-hash');
  });
});
