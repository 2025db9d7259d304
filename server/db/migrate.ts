/**
 * Versioned SQL migrations: `server/migrations/NNNN_name.sql`, applied in
 * number order, each in its own transaction together with its row in
 * `schema_migrations` (so a migration is either fully applied and recorded,
 * or not at all). The file's SHA-256 is recorded: editing a migration that
 * already ran is refused, because databases that ran the old text would
 * silently differ from new ones. Write a new migration instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

// Any fixed number: it only has to be the same in every server process, so two
// processes starting together apply each migration once.
const MIGRATION_LOCK_KEY = 7_310_010;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new MigrationError(`Migration file name must be NNNN_name.sql: ${file}`);
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return { version: Number(match[1]), name: match[2]!, sql, checksum: sha256(sql) };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new MigrationError(`Migrations must be numbered 0001, 0002… without gaps or repeats; found ${String(migration.version).padStart(4, '0')} at position ${i + 1}.`);
    }
  });
  return migrations;
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

export async function appliedMigrations(db: Db): Promise<AppliedMigration[]> {
  const exists = await db.query<{ present: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
  if (!exists.rows[0]?.present) return [];
  const { rows } = await db.query<AppliedMigration>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
  return rows;
}

/** Migrations recorded with a checksum other than the file's: always an error. */
export function changedMigrations(applied: readonly AppliedMigration[], migrations: readonly Migration[]): string[] {
  return applied.flatMap((row) => {
    const file = migrations.find((m) => m.version === row.version);
    if (!file) return [`${String(row.version).padStart(4, '0')}_${row.name} was applied but its file is missing`];
    return file.checksum === row.checksum ? [] : [`${String(row.version).padStart(4, '0')}_${row.name}.sql changed after it was applied`];
  });
}

/**
 * Applies every migration not yet applied; returns the versions it applied.
 * `upTo` stops after that version (the migration tests use it to check each step).
 */
export async function migrate(db: Db, options: { migrations?: Migration[]; upTo?: number } = {}): Promise<number[]> {
  const migrations = (options.migrations ?? loadMigrations()).filter((m) => options.upTo === undefined || m.version <= options.upTo);
  await db.query(CREATE_TABLE);
  const problems = changedMigrations(await appliedMigrations(db), migrations);
  if (problems.length > 0) throw new MigrationError(`Refusing to migrate: ${problems.join('; ')}.`);
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      // Checked again under the lock: another process may have applied it meanwhile.
      const done = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.rows[0]) return false;
      await tx.execScript(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, migration.checksum]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

/** What `/readyz` reports: every migration file applied, none changed. */
export async function migrationStatus(db: Db, migrations: Migration[] = loadMigrations()): Promise<{ ready: boolean; pending: number[]; changed: string[] }> {
  const applied = await appliedMigrations(db);
  const versions = new Set(applied.map((m) => m.version));
  const pending = migrations.filter((m) => !versions.has(m.version)).map((m) => m.version);
  const changed = changedMigrations(applied, migrations);
  return { ready: pending.length === 0 && changed.length === 0, pending, changed };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
