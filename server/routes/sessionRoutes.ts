/**
 * Signing in and out, and who am I (docs/sync-protocol.md "Identity, sessions, CSRF").
 * Password sign-in always; OpenID Connect sign-in when a provider is configured.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type SessionInfo, type SignInRequest } from '../../core/sync/protocol';
import { findOffice, findUser, findUserByIdentity, publicUser } from '../accounts/accountsRepo';
import { checkLoginLimit, clearLoginFailures, recordLoginFailure } from '../accounts/loginLimiter';
import { OIDC_LOGIN_LIFETIME_MS, savePendingLogin, takePendingLogin } from '../accounts/oidcLoginsRepo';
import { createSession, deleteSession } from '../accounts/sessionsRepo';
import { SESSION_COOKIE_PATH, sessionCookieOptions } from '../auth/authenticate';
import { ApiFailure, fail } from '../http/apiFailure';
import { schemaRef } from '../http/requestSchemas';
import type { RoutePluginOptions } from '../app';

const OIDC_COOKIE = 'sop_oidc';
const OIDC_COOKIE_PATH = '/api/v1/session/oidc';

export const sessionRoutes: FastifyPluginAsync<RoutePluginOptions> = async (app, { ctx, authenticate }) => {
  const { db } = ctx;

  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string, provider: string): Promise<SessionInfo> {
    // Told only to someone who proved who they are (right password, or the provider's confirmation), so it
    // reveals nothing to a guesser, and the user knows to ask their admin rather than retry.
    if ((await findUser(db, userId))?.disabled) {
      request.log.info({ userId, provider }, 'sign-in refused: user disabled');
      throw fail(403, 'user.disabled', 'Akun ini dinonaktifkan. Hubungi admin kantor Anda.', 'This account is disabled. Contact your office administrator.');
    }
    const { token, csrfToken } = await createSession(db, { userId, provider, now: ctx.now(), lifetimes: ctx.config.sessions });
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, Math.floor(ctx.config.sessions.absoluteMs / 1000)));
    const user = publicUser((await findUser(db, userId))!);
    request.log.info({ userId, provider }, 'signed in');
    return { user, office: (await findOffice(db, user.officeId))!, csrfToken };
  }

  app.post('/session', { schema: { body: { $ref: schemaRef('session', 'SignInRequest') } } }, async (request, reply) => {
    const { login, password } = request.body as SignInRequest;
    const now = ctx.now();
    const limit = await checkLoginLimit(db, login, request.ip, now, ctx.config.loginLimits);
    if (limit.limited) {
      const minutes = Math.ceil(limit.retryAfterSeconds / 60);
      throw new ApiFailure(
        429,
        'login.rateLimited',
        {
          id: `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`,
          en: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        },
        undefined,
        { 'retry-after': String(limit.retryAfterSeconds) },
      );
    }
    const userId = await ctx.identity.password.verify(db, login, password);
    if (!userId) {
      await recordLoginFailure(db, login, request.ip, now, ctx.config.loginLimits);
      request.log.info('sign-in failed');
      // One message whatever was wrong, so the answer does not reveal which logins exist.
      throw fail(401, 'login.failed', 'Nama masuk atau kata sandi salah.', 'Wrong login or password.');
    }
    await clearLoginFailures(db, login);
    return startSession(request, reply, userId, ctx.identity.password.id);
  });

  app.delete('/session', { preHandler: authenticate }, async (request, reply) => {
    await deleteSession(db, request.auth!.session.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH });
    request.log.info({ userId: request.auth!.user.id }, 'signed out');
    return reply.code(204).send();
  });

  app.get('/me', { preHandler: authenticate }, async (request): Promise<SessionInfo> => {
    const { user, office, session } = request.auth!;
    return { user, office, csrfToken: session.csrfToken };
  });

  const oidc = ctx.identity.redirect;
  if (!oidc) return;

  app.get('/session/oidc/start', async (request, reply) => {
    const { authorizationUrl, pending } = await oidc.start();
    const token = await savePendingLogin(db, oidc.id, pending, ctx.now());
    // Lax, not Strict: the provider's redirect back to the callback is a cross-site navigation.
    reply.setCookie(OIDC_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: OIDC_COOKIE_PATH,
      secure: request.protocol === 'https',
      maxAge: OIDC_LOGIN_LIFETIME_MS / 1000,
    });
    return reply.redirect(authorizationUrl.href, 302);
  });

  app.get('/session/oidc/callback', async (request, reply) => {
    const token = request.cookies[OIDC_COOKIE];
    reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
    const pending = token ? await takePendingLogin(db, oidc.id, token, ctx.now()) : undefined;
    if (!pending) {
      throw fail(400, 'oidc.failed', 'Proses masuk tidak dikenali atau sudah kedaluwarsa. Mulai lagi.', 'This sign-in is unknown or has expired. Start again.');
    }
    const callbackUrl = new URL(ctx.config.oidc!.redirectUri);
    callbackUrl.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    let subject: string;
    try {
      ({ subject } = await oidc.finish(callbackUrl, pending));
    } catch (error) {
      request.log.warn({ err: { message: (error as Error).message } }, 'OIDC sign-in failed');
      throw fail(401, 'oidc.failed', 'Penyedia identitas tidak mengonfirmasi proses masuk ini.', 'The identity provider did not confirm this sign-in.');
    }
    const user = await findUserByIdentity(db, oidc.id, subject);
    if (!user) {
      throw fail(
        403,
        'oidc.unlinked',
        'Identitas ini belum ditautkan ke akun SOP Studio. Minta admin menautkannya.',
        'This identity is not linked to an SOP Studio account. Ask an administrator to link it.',
      );
    }
    await startSession(request, reply, user.id, oidc.id);
    return reply.redirect('/', 303);
  });
};
