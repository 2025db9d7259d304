/**
 * Ways to prove who someone is. The session layer only needs a user id at the
 * end; how it was proven (a password here, an agency's OpenID Connect provider)
 * is the provider's business, so another provider is one more implementation
 * and one more pair of routes, with nothing else changing.
 */
import type { Queryable } from '../db/db';

/** Sign-in with login and password, checked by this server. */
export interface PasswordIdentityProvider {
  readonly kind: 'password';
  readonly id: 'password';
  /** The user id when the password is right; undefined otherwise (unknown login included, in the same time). */
  verify(db: Queryable, login: string, password: string): Promise<string | undefined>;
}

/** Sign-in by redirect to an external provider (authorization code + PKCE). */
export interface RedirectIdentityProvider {
  readonly kind: 'redirect';
  /** Stored in user_identities.provider, and in sessions.provider. */
  readonly id: string;
  /** Where to send the browser, and the values the callback must check (kept server-side). */
  start(): Promise<{ authorizationUrl: URL; pending: PendingRedirectLogin }>;
  /** Exchanges the callback's code, checking state, nonce and PKCE; the external subject on success. */
  finish(callbackUrl: URL, pending: PendingRedirectLogin): Promise<{ subject: string }>;
}

export interface PendingRedirectLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type IdentityProvider = PasswordIdentityProvider | RedirectIdentityProvider;
