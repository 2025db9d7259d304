/**
 * Hostile requests. Each test asserts the refusal and that nothing was
 * written: every row of every table is the same before and after.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE, type OfficeWithLanes, type User } from '../core/sync/protocol';
import { describeOnEachDatabase } from './testing/databases';
import { publishedSample } from './testing/sopFixtures';
import { browserWith, makeOffice, makeUser, signIn, startTestServer, tableSnapshot, type Browser, type TestServer } from './testing/testServer';

const INJECTIONS = [
  "Robert'); DROP TABLE users;--",
  "' OR '1'='1",
  "x'; UPDATE users SET roles = '{admin}' WHERE '1'='1",
  '$1 $$; DELETE FROM offices; $$',
  '\\\'; TRUNCATE sessions CASCADE; --',
];

describeOnEachDatabase('security', (database) => {
  let server: TestServer;
  let admin: Browser;
  let home: OfficeWithLanes;
  const newOffice = { name: 'Kecamatan Baru', regionCode: '35.08.02' };

  beforeEach(async () => {
    server = await startTestServer(database.db);
    home = await makeOffice(server, { regionCode: '35.08', lanes: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }] });
    admin = await signIn(server, (await makeUser(server, { officeId: home.id, login: 'admin', roles: ['admin'] })).login);
  });
  afterEach(async () => server?.close());

  async function expectNothingWritten(act: () => Promise<void>, except: string[] = []) {
    const before = await tableSnapshot(database.db, except);
    await act();
    expect(await tableSnapshot(database.db, except)).toBe(before);
  }

  function expectRefusal(response: { statusCode: number; json(): any }, status: number, code: string) {
    expect(response.statusCode).toBe(status);
    const { error } = response.json();
    expect(error.code).toBe(code);
    expect(error.message.id).toEqual(expect.any(String));
    expect(error.message.en).toEqual(expect.any(String));
    expect(error.message.id).not.toBe(error.message.en);
  }

  it('refuses a forged session cookie', async () => {
    await expectNothingWritten(async () => {
      for (const forged of ['', 'x', 'A'.repeat(43), admin.cookie.slice(0, -1) + (admin.cookie.endsWith('A') ? 'B' : 'A'), "' OR 1=1 --"]) {
        const response = await browserWith(server, forged, admin.csrfToken).request('POST', '/api/v1/admin/offices', newOffice);
        expectRefusal(response, 401, forged === '' ? 'session.required' : 'session.invalid');
      }
    });
  });

  it('refuses an expired session', async () => {
    server.advance(12 * 3600_000 + 1);
    await expectNothingWritten(async () => {
      expectRefusal(await admin.request('POST', '/api/v1/admin/offices', newOffice), 401, 'session.invalid');
    }, ['sessions']);
    // The one write: the expired session itself is removed.
    expect((await database.db.query('SELECT 1 FROM sessions')).rowCount).toBe(0);
  });

  it('refuses a cookie replayed after sign-out', async () => {
    expect((await admin.request('DELETE', '/api/v1/session')).statusCode).toBe(204);
    await expectNothingWritten(async () => {
      expectRefusal(await admin.request('POST', '/api/v1/admin/offices', newOffice), 401, 'session.invalid');
      expectRefusal(await admin.request('GET', '/api/v1/me'), 401, 'session.invalid');
    });
  });

  it('refuses unsafe requests without the right CSRF token', async () => {
    const otherSession = await signIn(server, 'admin');
    await expectNothingWritten(async () => {
      const missing = await server.app.inject({ method: 'POST', url: '/api/v1/admin/offices', cookies: { [SESSION_COOKIE]: admin.cookie }, payload: newOffice });
      expectRefusal(missing, 403, 'csrf.invalid');
      for (const wrong of ['wrong', otherSession.csrfToken, admin.csrfToken.toUpperCase()]) {
        expectRefusal(await admin.request('POST', '/api/v1/admin/offices', newOffice, { [CSRF_HEADER]: wrong }), 403, 'csrf.invalid');
        expectRefusal(await admin.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { document: {} }, { [CSRF_HEADER]: wrong }), 403, 'csrf.invalid');
        expectRefusal(await admin.request('DELETE', '/api/v1/session', undefined, { [CSRF_HEADER]: wrong }), 403, 'csrf.invalid');
      }
    });
    // Reads need no token.
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { [SESSION_COOKIE]: admin.cookie } })).statusCode).toBe(200);
  });

  it('stores SQL-injection strings verbatim and harmlessly in every text field', async () => {
    const publisher = await makeUser(server, { officeId: home.id, login: 'penerbit', roles: ['publisher'] });
    const publisherBrowser = await signIn(server, publisher.login);
    for (const [i, text] of INJECTIONS.entries()) {
      const office = await admin.request('POST', '/api/v1/admin/offices', { name: text, regionCode: '35.08.03', lanes: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }] });
      expect(office.statusCode).toBe(201);
      expect(office.json().office.name).toBe(text);
      const login = `${text}-${i}`;
      const user = await admin.request('POST', '/api/v1/admin/users', { login, name: text, officeId: office.json().office.id, roles: ['clerk'], password: `${'x'.repeat(10)}${text}` });
      expect(user.statusCode).toBe(201);
      expect(user.json().user).toMatchObject({ login, name: text });
      // The injected login signs in as itself, with its own password, and nothing else.
      const session = await signIn(server, login, `${'x'.repeat(10)}${text}`);
      expect(session.session.user).toMatchObject({ login, name: text, roles: ['clerk'] });
      const wrong = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: text, password: "' OR '1'='1" } });
      expect(wrong.statusCode).toBe(401);
      // A NIP must be 18 digits: the injection is refused, with nothing written.
      await expectNothingWritten(async () => {
        const nip = await admin.request('PATCH', `/api/v1/admin/users/${user.json().user.id}`, { nip: text });
        // Longer than any written NIP: the schema refuses it; otherwise the NIP check does.
        if (text.length > 40) expectRefusal(nip, 400, 'request.invalid');
        else expectRefusal(nip, 422, 'user.nipInvalid');
        const lane = await admin.request('PUT', `/api/v1/admin/offices/${office.json().office.id}/lanes`, { lanes: [{ sopId: text, actorId: 'staf' }] });
        expectRefusal(lane, 400, 'request.invalid');
      });
      // An SOP title goes in and comes back verbatim.
      const doc = publishedSample('lmj-01-ugb', (d) => (d.identity.title = text));
      doc.revision.number = i + 1;
      const published = await publisherBrowser.request('PUT', `/api/v1/sops/lmj-01-ugb/revisions/${i + 1}`, { document: doc });
      expect(published.statusCode).toBe(201);
      expect(published.json().revision.title).toBe(text);
      const read = await publisherBrowser.request('GET', `/api/v1/sops/lmj-01-ugb/revisions/${i + 1}`);
      expect(read.json().document.identity.title).toBe(text);
    }
    // Every table is still there and only the expected rows exist.
    const users = (await admin.request('GET', '/api/v1/admin/users')).json<{ users: User[] }>().users;
    expect(users).toHaveLength(2 + INJECTIONS.length);
    expect(users.filter((u) => u.roles.includes('admin')).map((u) => u.login)).toEqual(['admin']);
    expect((await admin.request('GET', '/api/v1/admin/offices')).json().offices).toHaveLength(1 + INJECTIONS.length);
    expect((await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sop_revisions')).rows[0]!.n).toBe(INJECTIONS.length);
    expect((await admin.request('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('refuses oversized bodies with 413 and a bilingual message, before reading them into the database', async () => {
    await expectNothingWritten(async () => {
      const big = await admin.request('POST', '/api/v1/admin/offices', { name: 'x'.repeat(1024 * 1024), regionCode: '35.08' });
      expectRefusal(big, 413, 'request.tooLarge');
      expect(big.json().error.message.en).toContain('1.0 MB');
      const signInFlood = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'admin', password: 'p'.repeat(2 * 1024 * 1024) } });
      expectRefusal(signInFlood, 413, 'request.tooLarge');
      const publisher = await signIn(server, (await makeUser(server, { officeId: home.id, login: 'penerbit2', roles: ['publisher'] })).login);
      // The publication route takes an SOP up to the apps' 20 MiB limit, and no more.
      const huge = JSON.stringify({ document: { padding: 'x'.repeat(21 * 1024 * 1024) } });
      const tooBig = await publisher.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', huge, { 'content-type': 'application/json' });
      expectRefusal(tooBig, 413, 'request.tooLarge');
      expect(tooBig.json().error.message.en).toContain('20.1 MB');
      await database.db.query('DELETE FROM users WHERE login = $1', ['penerbit2']);
    });
  });

  it('lets only publishers publish', async () => {
    const doc = publishedSample('lmj-01-ugb');
    for (const roles of [[], ['clerk'], ['drafter'], ['admin']] as const) {
      const user = await makeUser(server, { officeId: home.id, roles: [...roles] });
      const browser = await signIn(server, user.login);
      await expectNothingWritten(async () => {
        expectRefusal(await browser.request('PUT', '/api/v1/sops/lmj-01-ugb/revisions/1', { document: doc }), 403, 'role.forbidden');
      });
    }
  });

  it('lets only admins administer', async () => {
    for (const roles of [[], ['clerk'], ['drafter'], ['publisher']] as const) {
      const user = await makeUser(server, { officeId: home.id, roles: [...roles] });
      const browser = await signIn(server, user.login);
      await expectNothingWritten(async () => {
        expectRefusal(await browser.request('GET', '/api/v1/admin/users'), 403, 'role.forbidden');
        expectRefusal(await browser.request('GET', '/api/v1/admin/offices'), 403, 'role.forbidden');
        expectRefusal(await browser.request('POST', '/api/v1/admin/offices', newOffice), 403, 'role.forbidden');
        expectRefusal(await browser.request('PATCH', `/api/v1/admin/users/${user.id}`, { roles: ['admin'] }), 403, 'role.forbidden');
        expectRefusal(await browser.request('PUT', `/api/v1/admin/offices/${home.id}/lanes`, { lanes: [] }), 403, 'role.forbidden');
      });
    }
  });

  it('refuses a JSON body with a prototype-polluting key, and non-JSON bodies', async () => {
    await expectNothingWritten(async () => {
      const polluted = await admin.request('POST', '/api/v1/admin/offices', '{"name":"X","regionCode":"35.08","__proto__":{"isAdmin":true}}', { 'content-type': 'application/json' });
      expect(polluted.statusCode).toBe(400);
      expect(polluted.json().error.code).toBe('request.invalid');
      const form = await admin.request('POST', '/api/v1/admin/offices', 'name=X&regionCode=35.08', { 'content-type': 'application/x-www-form-urlencoded' });
      expectRefusal(form, 415, 'request.unsupportedMediaType');
      const broken = await admin.request('POST', '/api/v1/admin/offices', '{"name":', { 'content-type': 'application/json' });
      expectRefusal(broken, 400, 'request.invalid');
    });
  });
});
