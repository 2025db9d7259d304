/**
 * Runs a server test suite once against real PostgreSQL and once against
 * PGlite: the same SQL must behave the same on both. Each suite gets its own
 * freshly migrated database; tables are emptied before each test.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import type { DatabaseKind, Db } from '../db/db';
import { migrate } from '../db/migrate';
import { createPgDb } from '../db/pgDb';
import { createPgliteDb } from '../db/pgliteDb';

export function testDatabaseKinds(): DatabaseKind[] {
  return inject('postgresUrl') ? ['postgres', 'pglite'] : ['pglite'];
}

/** A new empty database of that kind (not migrated). */
export async function openEmptyTestDb(kind: DatabaseKind): Promise<Db> {
  if (kind === 'pglite') return createPgliteDb();
  const clusterUrl = inject('postgresUrl');
  const name = `sop_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return createPgDb(url.toString(), { max: 4 });
}

/** Empties every table except the migration record. */
export async function emptyAllTables(db: Db): Promise<void> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
  );
  if (rows.length > 0) await db.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`);
}

export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** The suite's database (valid inside tests and hooks). */
  readonly db: Db;
}

/** `describe` once per database kind, with a migrated database emptied before each test. */
export function describeOnEachDatabase(name: string, body: (database: TestDatabase) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let db: Db | undefined;
      const database: TestDatabase = {
        kind,
        get db() {
          if (!db) throw new Error('the test database is not open yet');
          return db;
        },
      };
      beforeAll(async () => {
        db = await openEmptyTestDb(kind);
        await migrate(db);
      }, 120_000);
      afterAll(async () => {
        await db?.close();
      });
      beforeEach(async () => {
        await emptyAllTables(database.db);
      });
      body(database);
    });
  }
}
