/**
 * The session check every signed-in route runs as a preHandler: the
 * `sop_session` cookie must name a live session, and an unsafe method must
 * carry the session's CSRF token in `x-csrf-token`. On success
 * `request.auth` holds the user, their office and the session, so routes
 * (and the case routes to come) read who is asking from one place.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LocalizedText } from '../../core/engine';
import type { LaneRef, Office, Role, User } from '../../core/sync/protocol';
import { CSRF_HEADER, SESSION_COOKIE } from '../../core/sync/protocol';
import { findSignedIn, publicUser } from '../accounts/accountsRepo';
import { hashSessionToken, isLiveWithoutRenewal, keepSessionAlive, type SessionRecord } from '../accounts/sessionsRepo';
import type { ServerContext } from '../context';
import { ApiFailure, fail } from '../http/apiFailure';
import type { SignedIn, SignedInCache } from './signedInCache';

export interface AuthContext {
  user: User;
  office: Office;
  /** The SOP lanes the office plays (read with the session: a push needs them). */
  officeLanes: LaneRef[];
  session: SessionRecord;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`; null on routes that do not require a session. */
    auth: AuthContext | null;
  }
}

export const SESSION_ENDED: LocalizedText = {
  id: 'Sesi tidak berlaku atau sudah berakhir. Silakan masuk lagi.',
  en: 'The session is invalid or has expired. Please sign in again.',
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const SESSION_COOKIE_PATH = '/api';

export function sessionCookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: SESSION_COOKIE_PATH,
    // Secure whenever the client reached us over HTTPS (directly, or through a trusted proxy).
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  };
}

export function createAuthenticate(ctx: ServerContext, signedIn?: SignedInCache) {
  /** Who holds the token, and their session (renewed when due); undefined when it is no live session. */
  async function lookUp(tokenHash: string): Promise<{ found: SignedIn; session: SessionRecord } | undefined> {
    const now = ctx.now();
    const cached = signedIn?.get(tokenHash, now.getTime());
    if (cached && isLiveWithoutRenewal(cached.session, now)) {
      const { session: row } = cached;
      return { found: cached, session: { tokenHash, userId: row.user_id, csrfToken: row.csrf_token, provider: row.provider } };
    }
    const found = await findSignedIn(ctx.db, tokenHash);
    const session = found && (await keepSessionAlive(ctx.db, tokenHash, found.session, now, ctx.config.sessions));
    if (!found || !session) return undefined;
    // Just renewed, the row read is stale: the next request reads it again, and that one is kept.
    if (isLiveWithoutRenewal(found.session, now)) signedIn?.remember(tokenHash, found, now.getTime());
    return { found, session };
  }

  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw fail(401, 'session.required', 'Silakan masuk terlebih dahulu.', 'Please sign in first.');
    const tokenHash = hashSessionToken(token);
    const { found, session } = (await lookUp(tokenHash)) ?? {};
    // A disabled user's sessions were deleted when they were disabled; checking here too closes any race.
    if (!found || !session || found.user.disabled) {
      reply.clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH });
      throw new ApiFailure(401, 'session.invalid', SESSION_ENDED);
    }
    if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER], session.csrfToken)) {
      throw fail(
        403,
        'csrf.invalid',
        'Permintaan ditolak: token CSRF tidak ada atau salah. Muat ulang halaman lalu coba lagi.',
        'Request refused: the CSRF token is missing or wrong. Reload the page and try again.',
      );
    }
    request.auth = { user: publicUser(found.user), office: found.office, officeLanes: found.lanes, session };
  };
}

/** A preHandler after `authenticate`: the user must hold one of these roles. */
export function requireRole(...roles: Role[]) {
  return async function roleCheck(request: FastifyRequest): Promise<void> {
    const held = request.auth?.user.roles ?? [];
    if (!roles.some((role) => held.includes(role))) {
      const names = roles.join(' / ');
      throw fail(403, 'role.forbidden', `Tindakan ini memerlukan peran ${names}.`, `This action requires the ${names} role.`);
    }
  };
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
