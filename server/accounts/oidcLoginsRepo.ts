/** Pending OpenID Connect sign-ins (migration 0004): written at start, used once at the callback. */
import { createHash, randomBytes } from 'node:crypto';
import type { PendingRedirectLogin } from '../auth/identityProvider';
import type { Queryable } from '../db/db';

export const OIDC_LOGIN_LIFETIME_MS = 10 * 60_000;

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Stores the pending sign-in; returns the random value the browser keeps in a cookie. */
export async function savePendingLogin(db: Queryable, provider: string, pending: PendingRedirectLogin, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query('DELETE FROM oidc_logins WHERE expires_at <= $1', [now]);
  await db.query(
    'INSERT INTO oidc_logins (token_hash, provider, state, nonce, code_verifier, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [hash(token), provider, pending.state, pending.nonce, pending.codeVerifier, now, new Date(now.getTime() + OIDC_LOGIN_LIFETIME_MS)],
  );
  return token;
}

/** Takes (deletes and returns) the pending sign-in for this cookie value, if live: a callback can be used once only. */
export async function takePendingLogin(db: Queryable, provider: string, token: string, now: Date): Promise<PendingRedirectLogin | undefined> {
  const { rows } = await db.query<{ state: string; nonce: string; code_verifier: string; expires_at: Date }>(
    'DELETE FROM oidc_logins WHERE token_hash = $1 AND provider = $2 RETURNING state, nonce, code_verifier, expires_at',
    [hash(token), provider],
  );
  const row = rows[0];
  if (!row || row.expires_at <= now) return undefined;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
}
