/**
 * Limits failed sign-ins per login and per client address over a sliding
 * window, in the database so the limit holds across server processes.
 * Per login stops guessing one account's password; per address stops one
 * client from trying many logins. While limited, sign-in is refused before
 * the password is checked (even a right one), and the refusal is not itself
 * recorded, so the lock lifts when the window has passed.
 * Known trade-off: anyone can lock a login for one window by failing on purpose;
 * the window is short and an admin can always reset the password.
 */
import type { Queryable } from '../db/db';

export interface LoginLimits {
  windowMs: number;
  maxFailuresPerLogin: number;
  maxFailuresPerAddress: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60_000, maxFailuresPerLogin: 5, maxFailuresPerAddress: 20 };

export const loginKeyOf = (login: string) => login.trim().toLowerCase();

export type LimitCheck = { limited: false } | { limited: true; retryAfterSeconds: number; by: 'login' | 'address' };

export async function checkLoginLimit(db: Queryable, login: string, address: string, now: Date, limits: LoginLimits): Promise<LimitCheck> {
  const since = new Date(now.getTime() - limits.windowMs);
  const { rows } = await db.query<{ by: 'login' | 'address'; failures: number; oldest: Date | null; nth: Date | null }>(
    `SELECT 'login' AS by, count(*)::int AS failures, min(failed_at) AS oldest,
            (SELECT failed_at FROM login_failures WHERE login_key = $1 AND failed_at > $3 ORDER BY failed_at DESC OFFSET $4::int - 1 LIMIT 1) AS nth
       FROM login_failures WHERE login_key = $1 AND failed_at > $3
     UNION ALL
     SELECT 'address', count(*)::int, min(failed_at),
            (SELECT failed_at FROM login_failures WHERE address = $2 AND failed_at > $3 ORDER BY failed_at DESC OFFSET $5::int - 1 LIMIT 1)
       FROM login_failures WHERE address = $2 AND failed_at > $3`,
    [loginKeyOf(login), address, since, limits.maxFailuresPerLogin, limits.maxFailuresPerAddress],
  );
  for (const row of rows) {
    const max = row.by === 'login' ? limits.maxFailuresPerLogin : limits.maxFailuresPerAddress;
    if (row.failures >= max && row.nth) {
      // Free again once the failure that reached the limit leaves the window.
      const freeAt = row.nth.getTime() + limits.windowMs;
      return { limited: true, by: row.by, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
    }
  }
  return { limited: false };
}

export async function recordLoginFailure(db: Queryable, login: string, address: string, now: Date, limits: LoginLimits): Promise<void> {
  await db.query('INSERT INTO login_failures (login_key, address, failed_at) VALUES ($1, $2, $3)', [loginKeyOf(login), address, now]);
  // Keep the table small: nothing older than the window is ever read.
  await db.query('DELETE FROM login_failures WHERE failed_at <= $1', [new Date(now.getTime() - limits.windowMs)]);
}

/** A successful sign-in forgets that login's failures (not the address's: one right password must not unlock a guessing client). */
export async function clearLoginFailures(db: Queryable, login: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE login_key = $1', [loginKeyOf(login)]);
}
