import { mkdirSync } from 'node:fs';
import type { Db } from './db';
import { createPgDb } from './pgDb';
import { createPgliteDb } from './pgliteDb';

export interface DatabaseConfig {
  /** PostgreSQL connection string; when absent the embedded PGlite under `dataDir` is used. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files. */
  dataDir: string;
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded default. */
export async function openDb(config: DatabaseConfig): Promise<Db> {
  if (config.databaseUrl) return createPgDb(config.databaseUrl);
  mkdirSync(config.dataDir, { recursive: true });
  return createPgliteDb(config.dataDir);
}
