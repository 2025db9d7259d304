/**
 * The server's request schemas (schemas/server/*.schema.json) in one Ajv
 * instance, set up like the apps' SOP validator (scripts/gen-schema.ts):
 * JSON Schema 2020-12, strict, every error reported. The server compiles at
 * start-up (no CSP to respect on Node), once per schema.
 * Routes name a schema by reference: `{ $ref: schemaRef('admin', 'CreateUserRequest') }`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/server/', import.meta.url));
const SCHEMA_BASE = 'https://sop-studio.go.id/schemas/server/v1/';

export function schemaRef(file: string, definition: string): string {
  return `${SCHEMA_BASE}${file}.schema.json#/$defs/${definition}`;
}

export function createRequestAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // `maxLength` beside a `$ref` to a string type is what we mean; Ajv's type check cannot see through the $ref.
    strictTypes: false,
    // Bodies are taken as sent: no coercion, no defaults, nothing removed silently.
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
  });
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}${file}`, 'utf8')));
  }
  return ajv;
}

/** Fastify's validator compiler: a route's `{ $ref }` schema resolved against the loaded files. */
export function requestValidatorCompiler(ajv: Ajv2020) {
  const cache = new Map<string, ValidateFunction>();
  return ({ schema }: { schema: unknown }) => {
    const ref = (schema as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string' || Object.keys(schema as object).length !== 1) {
      throw new Error('Route schemas must be a single { $ref } into schemas/server/*.schema.json');
    }
    let validate = cache.get(ref);
    if (!validate) {
      validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`Unknown request schema ${ref}`);
      cache.set(ref, validate);
    }
    return validate;
  };
}
