/**
 * The one query interface every server module uses. Two implementations sit
 * behind it (PostgreSQL through `pg`, and embedded PGlite), so the SQL and the
 * code around it are the same whichever database runs.
 *
 * Conventions both implementations keep, so results do not depend on the driver:
 * - parameters are `$1, $2…`; pass JSON as a string and cast it (`$1::jsonb`);
 * - select `bigint` columns as `::int` or `::text` (pg returns int8 as a string, PGlite as a number);
 * - timestamps come back as `Date`.
 */
export interface QueryResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted (or returned, for a SELECT). */
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Db extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves,
   * rolled back when it throws (and the error rethrown).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTENs on a channel (NOTIFY payloads reach `onNotify` after the sending
   * transaction commits). PostgreSQL needs a connection of its own for this;
   * when that connection is lost and made again, `onNotify(null)` says that
   * notifications may have been missed meanwhile. Resolves to a stop function.
   */
  listen(channel: string, onNotify: (payload: string | null) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE for a unique violation, a foreign key violation and a check violation. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';

export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a violation names (both drivers expose it as `constraint`). */
export function constraintOf(error: unknown): string | undefined {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}
