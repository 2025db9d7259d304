import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, QueryResult, Queryable } from './db';
import { listenOnPostgres } from './pgListener';

const statementNames = new Map<string, string>();

function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** PostgreSQL through a `pg` connection pool. */
export function createPgDb(connectionString: string, options: { max?: number; prepare?: boolean } = {}): Db {
  const prepare = options.prepare ?? true;
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node would crash.
  pool.on('error', () => {});
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      // Parameterised statements are prepared once per connection under a name derived from their text, so
      // PostgreSQL parses and plans each of the server's few dozen statements once instead of on every call.
      const result =
        params.length === 0
          ? await client.query(sql)
          : await client.query(prepare ? { name: statementName(sql), text: sql, values: params as unknown[] } : { text: sql, values: params as unknown[] });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
    async execScript(sql: string) {
      // Without parameters pg uses the simple query protocol, which takes several statements.
      await client.query(sql);
    },
  });
  const direct = on(pool);
  return {
    kind: 'postgres',
    query: direct.query,
    execScript: direct.execScript,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotify) => listenOnPostgres(connectionString, channel, onNotify),
    close: () => pool.end(),
  };
}
