import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../core/sync/protocol';
import { linkIdentity } from '../accounts/accountsRepo';
import { setUserDisabled } from '../accounts/accountsService';
import { describeOnEachDatabase } from '../testing/databases';
import { startTestIssuer, type TestIssuer } from '../testing/oidcIssuer';
import { makeOffice, makeUser, rowCounts, startTestServer, tableSnapshot, type TestServer } from '../testing/testServer';
import { createOidcProvider, type OidcSettings } from './oidcProvider';

const CALLBACK = 'http://127.0.0.1:8787/api/v1/session/oidc/callback';

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(async () => issuer?.close());

describeOnEachDatabase('sign-in through an OpenID Connect provider', (database) => {
  let server: TestServer;
  beforeEach(async () => {
    const settings: OidcSettings = {
      id: 'sso-jatim',
      issuer: issuer.url,
      clientId: issuer.clientId,
      clientSecret: issuer.clientSecret,
      redirectUri: CALLBACK,
      scope: 'openid profile',
      allowInsecureRequests: true,
    };
    server = await startTestServer(database.db, { config: { oidc: settings }, redirect: await createOidcProvider(settings) });
    issuer.refusals.length = 0;
  });
  afterEach(async () => server?.close());

  /** Start → the provider approves → the callback URL the browser would follow, and the browser's state cookie. */
  async function throughProvider() {
    const start = await server.app.inject({ method: 'GET', url: '/api/v1/session/oidc/start' });
    expect(start.statusCode).toBe(302);
    const pending = start.cookies.find((c) => c.name === 'sop_oidc')!;
    expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/session/oidc' });
    const authorize = new URL(start.headers.location as string);
    expect(authorize.origin).toBe(issuer.url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(CALLBACK);
    const approved = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(approved.headers.get('location')!);
    return { pendingCookie: pending.value, callbackPath: `${callback.pathname}${callback.search}` };
  }

  it('signs a linked user in with authorization code + PKCE, then the API knows them', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id, login: 'pegawai', password: undefined });
    await linkIdentity(database.db, 'sso-jatim', 'pegawai-001', user.id);

    const { pendingCookie, callbackPath } = await throughProvider();
    const done = await server.app.inject({ method: 'GET', url: callbackPath, cookies: { sop_oidc: pendingCookie } });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/');
    const session = done.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { [SESSION_COOKIE]: session.value } });
    expect(me.json().user.login).toBe('pegawai');
    expect((await database.db.query<{ provider: string }>('SELECT provider FROM sessions')).rows).toEqual([{ provider: 'sso-jatim' }]);
    // The pending sign-in was used up, and the code never reached the logs.
    expect((await rowCounts(database.db)).oidc_logins).toBe(0);
    const code = new URL(callbackPath, 'http://x').searchParams.get('code')!;
    expect(server.logLines.join('\n')).not.toContain(code);

    // Replaying the callback signs nobody in.
    const replay = await server.app.inject({ method: 'GET', url: callbackPath, cookies: { sop_oidc: pendingCookie } });
    expect([replay.statusCode, replay.json().error.code]).toEqual([400, 'oidc.failed']);
  });

  it('refuses an identity no account is linked to, writing no session', async () => {
    issuer.subject = 'orang-asing';
    try {
      const { pendingCookie, callbackPath } = await throughProvider();
      const before = await tableSnapshot(database.db, ['oidc_logins']);
      const refused = await server.app.inject({ method: 'GET', url: callbackPath, cookies: { sop_oidc: pendingCookie } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatchObject({ code: 'oidc.unlinked', message: { id: expect.stringContaining('admin'), en: expect.stringContaining('administrator') } });
      expect(refused.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      expect(await tableSnapshot(database.db, ['oidc_logins'])).toBe(before);
    } finally {
      issuer.subject = 'pegawai-001';
    }
  });

  it('refuses a disabled user even when the provider confirms them, writing no session', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id, login: 'pegawai', password: undefined });
    await linkIdentity(database.db, 'sso-jatim', 'pegawai-001', user.id);
    await setUserDisabled(database.db, user.id, true, server.ctx.now());

    const { pendingCookie, callbackPath } = await throughProvider();
    const before = await tableSnapshot(database.db, ['oidc_logins']);
    const refused = await server.app.inject({ method: 'GET', url: callbackPath, cookies: { sop_oidc: pendingCookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'user.disabled', message: { id: 'Akun ini dinonaktifkan. Hubungi admin kantor Anda.', en: 'This account is disabled. Contact your office administrator.' } });
    expect(refused.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect(await tableSnapshot(database.db, ['oidc_logins'])).toBe(before);
  });

  it('refuses a callback from another browser, or with a forged state, before any session exists', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id });
    await linkIdentity(database.db, 'sso-jatim', 'pegawai-001', user.id);

    // The callback arrives without the browser's state cookie (a link planted by someone else).
    const planted = await throughProvider();
    const noCookie = await server.app.inject({ method: 'GET', url: planted.callbackPath });
    expect([noCookie.statusCode, noCookie.json().error.code]).toEqual([400, 'oidc.failed']);

    const forged = await throughProvider();
    const tampered = forged.callbackPath.replace(/state=[^&]+/, 'state=forged');
    const refused = await server.app.inject({ method: 'GET', url: tampered, cookies: { sop_oidc: forged.pendingCookie } });
    expect([refused.statusCode, refused.json().error.code]).toEqual([401, 'oidc.failed']);

    // An expired pending sign-in (ten minutes) is refused too.
    const late = await throughProvider();
    server.advance(10 * 60_000 + 1);
    const expired = await server.app.inject({ method: 'GET', url: late.callbackPath, cookies: { sop_oidc: late.pendingCookie } });
    expect([expired.statusCode, expired.json().error.code]).toEqual([400, 'oidc.failed']);

    expect((await rowCounts(database.db)).sessions).toBe(0);
  });
});
