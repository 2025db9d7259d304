import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchemaArtifacts } from '../scripts/gen-schema';

describe('generated schema artifacts', () => {
  it('are up to date with schemas/sop.schema.json (run `npm run gen` after editing the schema)', async () => {
    const files = await generateSchemaArtifacts();
    for (const [path, expected] of Object.entries(files)) {
      const committed = readFileSync(path, 'utf8');
      expect(committed, `${path} is stale`).toBe(expected);
    }
  }, 60_000);

  it('compile to a validator with no eval or new Function, so pages run under a strict CSP', () => {
    const code = readFileSync(new URL('./generated/validate-sop-schema.js', import.meta.url), 'utf8');
    expect(code).not.toMatch(/\bnew Function\b|\beval\(/);
    expect(code).not.toMatch(/\brequire\(/);
  });
});

describe('the schema itself', () => {
  const schema = JSON.parse(readFileSync(new URL('./sop.schema.json', import.meta.url), 'utf8'));

  it('is JSON Schema 2020-12 with an $id and a schemaVersion every document must carry', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.required).toContain('schemaVersion');
  });

});
