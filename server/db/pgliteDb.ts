import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable } from './db';

/**
 * Embedded PostgreSQL (PGlite, WASM) so `npm run server` starts on a machine with nothing installed.
 * `dataDir` persists it on disk; without one it lives in memory (tests).
 * PGlite has one connection and runs one transaction at a time: concurrent
 * callers wait their turn, which keeps the semantics the code relies on.
 */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite();
  await pglite.waitReady;
  const on = (client: PGlite | Transaction): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query<Row>(sql, params as unknown[]);
      // PGlite reports 0 affected rows for a SELECT; pg counts the rows returned. Take the larger.
      return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
    async execScript(sql: string) {
      await client.exec(sql);
    },
  });
  const direct = on(pglite);
  return {
    kind: 'pglite',
    query: direct.query,
    execScript: direct.execScript,
    transaction: (work) => pglite.transaction((tx) => work(on(tx))),
    // One process, one connection: PGlite delivers NOTIFY to its own listeners and never loses the connection.
    listen: async (channel, onNotify) => pglite.listen(channel, (payload) => onNotify(payload)),
    close: () => pglite.close(),
  };
}
