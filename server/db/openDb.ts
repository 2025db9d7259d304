import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';
import { createPgDb } from './pgDb';
import { createPgliteDb } from './pgliteDb';

export interface DatabaseConfig {
  /** PostgreSQL connection string; when absent the embedded PGlite under `dataDir` is used. */
  databaseUrl?: string;
  /** Connections in the PostgreSQL pool (each push command holds one for its transaction). */
  databasePoolMax?: number;
  /** Prepare each statement once per connection (default true; see ServerConfig). */
  databasePreparedStatements?: boolean;
  /** Where the embedded database keeps its files. */
  dataDir: string;
}

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded default. */
export async function openDb(config: DatabaseConfig): Promise<Db> {
  if (config.databaseUrl) {
    return createPgDb(config.databaseUrl, { ...(config.databasePoolMax ? { max: config.databasePoolMax } : {}), prepare: config.databasePreparedStatements !== false });
  }
  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataDir(config.dataDir);
  try {
    const db = await createPgliteDb(config.dataDir);
    return {
      ...db,
      close: async () => {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite is one process's database: a second process opening the same files
 * (the admin CLI while the server runs) would corrupt them. A lock file with
 * the owner's pid keeps it to one; a lock whose process is gone is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, '..', `${dataDir.split(/[\\/]/).filter(Boolean).pop()}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseInUseError(
          `The embedded database ${dataDir} is in use by process ${owner} (npm run server?). Stop it first, ` +
            'or run the server on PostgreSQL (DATABASE_URL), where any number of processes may connect.',
        );
      }
      rmSync(lockPath, { force: true }); // left by a process that is gone
    }
  }
  throw new DatabaseInUseError(`Could not lock the embedded database ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
