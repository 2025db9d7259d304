import { afterEach, beforeEach, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE, type SessionInfo } from '../../core/sync/protocol';
import { describeOnEachDatabase } from '../testing/databases';
import { TEST_PASSWORD, makeOffice, makeUser, rowCounts, sessionCookieOf, signIn, startTestServer, type TestServer } from '../testing/testServer';

describeOnEachDatabase('sessions', (database) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(database.db);
  });
  afterEach(async () => server?.close());

  it('signs in with login and password: a HttpOnly, SameSite=Strict cookie on /api, the user, the office and a CSRF token', async () => {
    const office = await makeOffice(server, { name: 'Desa Sumberejo', regionCode: '35.08.01.2001', lanes: [{ sopId: 'lmj-01-ugb', actorId: 'desa' }] });
    const user = await makeUser(server, { officeId: office.id, login: 'Siti.Aminah', nip: '19850512 201001 2 003', positions: [{ sopId: 'lmj-01-ugb', actorId: 'desa' }] });

    // The login is found whatever its case.
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'siti.aminah', password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api', maxAge: 7 * 24 * 3600 });
    expect(cookie.secure).toBeFalsy(); // plain HTTP here; Secure when the request came over HTTPS
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const info = response.json<SessionInfo>();
    expect(info.user).toEqual({ ...user, nip: '198505122010012003' });
    expect(info.user).not.toHaveProperty('passwordHash');
    expect(info.office).toEqual({ id: office.id, name: 'Desa Sumberejo', regionCode: '35.08.01.2001', parentId: null });
    expect(info.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Only the SHA-256 of the cookie value is stored.
    const stored = await database.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]!.token_hash).not.toContain(cookie.value);

    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { [SESSION_COOKIE]: cookie.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(info);
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    await server.close();
    server = await startTestServer(database.db, { config: { trustProxy: true } });
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id });
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { login: user.login, password: TEST_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
  });

  it('refuses a wrong password and an unknown login with the same bilingual answer, and creates no session', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id });
    for (const payload of [{ login: user.login, password: 'salah-sekali-123' }, { login: 'nobody', password: TEST_PASSWORD }]) {
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'login.failed', message: { id: 'Nama masuk atau kata sandi salah.', en: 'Wrong login or password.' } } });
      expect(response.cookies).toEqual([]);
    }
    expect((await rowCounts(database.db)).sessions).toBe(0);
  });

  it('ends a session after 12 idle hours, renews the idle time on use, and ends it after 7 days whatever the use', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id });
    const browser = await signIn(server, user.login);
    // Used every 11 hours: the idle limit never strikes...
    for (let day = 0; day < 6; day++) {
      server.advance(11 * 3600_000);
      expect((await browser.request('GET', '/api/v1/me')).statusCode, `after ${day + 1} × 11 h`).toBe(200);
    }
    // ...but 7 days after sign-in it ends.
    server.advance(11 * 3600_000 * 10);
    const late = await browser.request('GET', '/api/v1/me');
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('session.invalid');

    const again = await signIn(server, user.login);
    server.advance(12 * 3600_000);
    const idle = await again.request('GET', '/api/v1/me');
    expect(idle.statusCode).toBe(401);
    // The expired row is gone, and the browser is told to drop the cookie.
    expect((await rowCounts(database.db)).sessions).toBe(0);
    expect(idle.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
  });

  it('signs out: the session row is deleted and the same cookie no longer works', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id });
    const browser = await signIn(server, user.login);
    const out = await browser.request('DELETE', '/api/v1/session');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect((await rowCounts(database.db)).sessions).toBe(0);
    expect((await browser.request('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('needs the CSRF token to sign out', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id });
    const browser = await signIn(server, user.login);
    const response = await server.app.inject({ method: 'DELETE', url: '/api/v1/session', cookies: { [SESSION_COOKIE]: browser.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf.invalid');
    expect((await rowCounts(database.db)).sessions).toBe(1);
  });

  it('limits failed sign-ins per login: the sixth try within 15 minutes is 429 with Retry-After, even with the right password', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id });
    const attempt = (password: string, address = '203.0.113.7') =>
      server.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: address, payload: { login: user.login.toUpperCase(), password } });
    for (let i = 0; i < 5; i++) {
      expect((await attempt(`tebakan-ke-${i}-salah`)).statusCode).toBe(401);
      server.advance(60_000);
    }
    const limited = await attempt(TEST_PASSWORD, '198.51.100.9'); // another address: the login itself is limited
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'login.rateLimited', message: { id: expect.stringContaining('Coba lagi'), en: expect.stringContaining('Try again') } });
    // Failures at +0…+4 min, clock at +5 min: once the first leaves the 15-minute window (+15 min), four remain.
    expect(Number(limited.headers['retry-after'])).toBe(10 * 60);
    expect(limited.cookies).toEqual([]);
    expect((await rowCounts(database.db)).sessions).toBe(0);

    server.advance(9 * 60_000);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(429);
    server.advance(60_000);
    const ok = await attempt(TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    // Success forgets the login's failures.
    expect((await rowCounts(database.db)).login_failures).toBe(0);
  });

  it('limits failed sign-ins per address across many logins', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id });
    for (let i = 0; i < 20; i++) {
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: '203.0.113.50', payload: { login: `guess${i}`, password: 'x' } });
      expect(response.statusCode).toBe(401);
    }
    const fromThatAddress = await server.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: '203.0.113.50', payload: { login: user.login, password: TEST_PASSWORD } });
    expect(fromThatAddress.statusCode).toBe(429);
    expect(Number(fromThatAddress.headers['retry-after'])).toBeGreaterThan(0);
    const fromElsewhere = await server.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: '203.0.113.51', payload: { login: user.login, password: TEST_PASSWORD } });
    expect(fromElsewhere.statusCode).toBe(200);
  });

  it('logs JSON lines with request ids and never a password, cookie or CSRF token', async () => {
    const office = await makeOffice(server);
    const user = await makeUser(server, { officeId: office.id });
    await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: user.login, password: 'salah-tapi-rahasia' } });
    const browser = await signIn(server, user.login);
    const me = await browser.request('GET', '/api/v1/me', undefined, { 'x-request-id': 'forged-id' });
    await browser.request('DELETE', '/api/v1/session');
    expect(me.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const entries = server.logLines.map((line) => JSON.parse(line) as { reqId?: string; msg: string });
    expect(entries.some((e) => e.reqId === me.headers['x-request-id'])).toBe(true);
    // One line per request, with its status: no "incoming request" line before it.
    expect(entries.filter((e) => e.reqId === me.headers['x-request-id'] && e.msg === 'request completed')).toHaveLength(1);
    expect(entries.filter((e) => e.msg === 'incoming request')).toEqual([]);
    expect(entries.some((e) => e.msg === 'signed in')).toBe(true);
    expect(entries.some((e) => e.msg === 'sign-in failed')).toBe(true);
    const all = server.logLines.join('\n');
    for (const secret of [TEST_PASSWORD, 'salah-tapi-rahasia', browser.cookie, browser.csrfToken, 'forged-id']) {
      expect(all).not.toContain(secret);
    }
  });

  it('answers 401 session.required without a cookie', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'session.required', message: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' } },
    });
    expect(response.headers[CSRF_HEADER]).toBeUndefined();
  });
});

it('keeps the session cookie name and the CSRF header of the protocol', () => {
  expect(SESSION_COOKIE).toBe('sop_session');
  expect(CSRF_HEADER).toBe('x-csrf-token');
  expect(sessionCookieOf).toBeTypeOf('function');
});
