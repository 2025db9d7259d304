/**
 * Sessions: the cookie holds 32 random bytes; the table holds only their
 * SHA-256, so reading the table (a backup, a replica) does not let anyone
 * sign in. A session ends at whichever comes first: idle expiry (renewed on
 * use) or absolute expiry (fixed at sign-in).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db';

export interface SessionLifetimes {
  idleMs: number;
  absoluteMs: number;
}

/** docs/sync-protocol.md: idle 12 h, absolute 7 days. */
export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleMs: 12 * 3600_000, absoluteMs: 7 * 24 * 3600_000 };

// Renewing idle expiry on every request would write on every read; once a minute is precise enough for hours.
const TOUCH_EVERY_MS = 60_000;

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  provider: string;
}

export const hashSessionToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export async function createSession(
  db: Queryable,
  { userId, provider, now, lifetimes }: { userId: string; provider: string; now: Date; lifetimes: SessionLifetimes },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, provider, created_at, last_seen_at, idle_expires_at, absolute_expires_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
    [hashSessionToken(token), userId, csrfToken, provider, now, new Date(now.getTime() + lifetimes.idleMs), new Date(now.getTime() + lifetimes.absoluteMs)],
  );
  return { token, csrfToken };
}

/**
 * The live session for this cookie value, renewing its idle expiry; undefined
 * when there is none or it expired (an expired row is deleted on the way).
 */
export async function useSession(db: Queryable, token: string, now: Date, lifetimes: SessionLifetimes): Promise<SessionRecord | undefined> {
  const tokenHash = hashSessionToken(token);
  const { rows } = await db.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.token_hash = $1`, [tokenHash]);
  return rows[0] && keepSessionAlive(db, tokenHash, rows[0], now, lifetimes);
}

/** The columns `keepSessionAlive` needs, from `sessions s` (a query may join more to them). */
export const SESSION_COLUMNS = 's.user_id, s.csrf_token, s.provider, s.last_seen_at, s.idle_expires_at, s.absolute_expires_at';

export interface SessionRow {
  user_id: string;
  csrf_token: string;
  provider: string;
  last_seen_at: Date;
  idle_expires_at: Date;
  absolute_expires_at: Date;
}

/** Whether the session is live and its idle expiry needs no renewal yet: a check that needs no database. */
export function isLiveWithoutRenewal(row: SessionRow, now: Date): boolean {
  return now < row.idle_expires_at && now < row.absolute_expires_at && now.getTime() - row.last_seen_at.getTime() < TOUCH_EVERY_MS;
}

/** An expired session row is deleted (undefined); a live one has its idle expiry renewed, once a minute at most. */
export async function keepSessionAlive(db: Queryable, tokenHash: string, row: SessionRow, now: Date, lifetimes: SessionLifetimes): Promise<SessionRecord | undefined> {
  if (now >= row.idle_expires_at || now >= row.absolute_expires_at) {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    return undefined;
  }
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    const idle = new Date(Math.min(now.getTime() + lifetimes.idleMs, row.absolute_expires_at.getTime()));
    await db.query('UPDATE sessions SET last_seen_at = $2, idle_expires_at = $3 WHERE token_hash = $1', [tokenHash, now, idle]);
  }
  return { tokenHash, userId: row.user_id, csrfToken: row.csrf_token, provider: row.provider };
}

/**
 * Whether the session is still live, without renewing its idle expiry: what an
 * open stream asks now and then. The stream is not the user's activity (a tab
 * left open all night is not a clerk at work), so it must not keep a session alive.
 */
export async function isSessionLive(db: Queryable, tokenHash: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.idle_expires_at > $2 AND s.absolute_expires_at > $2 AND u.disabled_at IS NULL`,
    [tokenHash, now],
  );
  return rows.length > 0;
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOfUser(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Removes sessions past their absolute expiry (idle ones are removed when next presented, or here once absolute). */
export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<number> {
  return (await db.query('DELETE FROM sessions WHERE absolute_expires_at <= $1 OR idle_expires_at <= $1', [now])).rowCount;
}
