import { afterEach, beforeEach, expect, it } from 'vitest';
import type { OfficeWithLanes, User } from '../../core/sync/protocol';
import { describeOnEachDatabase } from '../testing/databases';
import { TEST_PASSWORD, makeOffice, makeUser, rowCounts, signIn, startTestServer, type Browser, type TestServer } from '../testing/testServer';

describeOnEachDatabase('admin routes', (database) => {
  let server: TestServer;
  let admin: Browser;
  let home: OfficeWithLanes;
  beforeEach(async () => {
    server = await startTestServer(database.db);
    home = await makeOffice(server, { name: 'Dinas Sosial Kabupaten Lumajang', regionCode: '35.08' });
    const user = await makeUser(server, { officeId: home.id, login: 'admin', roles: ['admin'] });
    admin = await signIn(server, user.login);
  });
  afterEach(async () => server?.close());

  it('creates an office hierarchy by region: a village under its district, never under another region', async () => {
    const kecamatan = await admin.request('POST', '/api/v1/admin/offices', { name: 'Kecamatan Tempeh', regionCode: '35.08.01', parentId: home.id });
    expect(kecamatan.statusCode).toBe(201);
    const district = kecamatan.json<{ office: OfficeWithLanes }>().office;
    expect(district).toMatchObject({ name: 'Kecamatan Tempeh', regionCode: '35.08.01', parentId: home.id, lanes: [] });

    const desa = await admin.request('POST', '/api/v1/admin/offices', {
      name: 'Desa Sumberejo',
      regionCode: '35.08.01.2001',
      parentId: district.id,
      lanes: [{ sopId: 'lmj-01-ugb', actorId: 'pemohon' }, { sopId: 'lmj-01-ugb', actorId: 'staf' }, { sopId: 'lmj-01-ugb', actorId: 'staf' }],
    });
    expect(desa.statusCode).toBe(201);
    expect(desa.json().office.lanes).toEqual([{ sopId: 'lmj-01-ugb', actorId: 'pemohon' }, { sopId: 'lmj-01-ugb', actorId: 'staf' }]);

    const before = await rowCounts(database.db);
    const elsewhere = await admin.request('POST', '/api/v1/admin/offices', { name: 'Desa Lain', regionCode: '35.09.01.2001', parentId: district.id });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error).toMatchObject({ code: 'office.regionOutsideParent', message: { id: expect.stringContaining('35.08.01'), en: expect.stringContaining('35.08.01') } });
    // "35.08.0" is not a prefix at a dot boundary of "35.08.01": the format check refuses it first.
    const malformed = await admin.request('POST', '/api/v1/admin/offices', { name: 'X', regionCode: '35.8' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details).toHaveProperty('/body/regionCode');
    const unknownProvince = await admin.request('POST', '/api/v1/admin/offices', { name: 'X', regionCode: '99.01' });
    expect(unknownProvince.statusCode).toBe(422);
    expect(unknownProvince.json().error.message.en).toContain('Province code 99');
    const papuaPegunungan = await admin.request('POST', '/api/v1/admin/offices', { name: 'Dinas Sosial Jayawijaya', regionCode: '95.01' });
    expect(papuaPegunungan.statusCode).toBe(201);
    const unknownParent = await admin.request('POST', '/api/v1/admin/offices', { name: 'X', regionCode: '35.08', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownParent.json().error.code).toBe('office.parentUnknown');
    const after = await rowCounts(database.db);
    expect(after.offices).toBe(before.offices! + 1); // only Jayawijaya

    const list = await admin.request('GET', '/api/v1/admin/offices');
    expect(list.json<{ offices: OfficeWithLanes[] }>().offices.map((o) => o.regionCode)).toEqual(['35.08', '35.08.01', '35.08.01.2001', '95.01']);
  });

  it('creates users whose positions are lanes of their office, with a checked NIP and no password hash in any answer', async () => {
    const desa = await makeOffice(server, { regionCode: '35.08.01.2001', lanes: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }] });
    const created = await admin.request('POST', '/api/v1/admin/users', {
      login: 'budi',
      name: 'Budi Santoso',
      nip: '19850512 201001 1 003',
      officeId: desa.id,
      roles: ['clerk'],
      positions: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }],
      password: 'rahasia-kantor-desa-1',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json<{ user: User }>().user;
    expect(user).toEqual({
      id: expect.any(String),
      login: 'budi',
      name: 'Budi Santoso',
      nip: '198505122010011003',
      officeId: desa.id,
      roles: ['clerk'],
      positions: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }],
    });
    expect(JSON.stringify((await admin.request('GET', '/api/v1/admin/users')).json())).not.toContain('scrypt');
    expect((await signIn(server, 'budi', 'rahasia-kantor-desa-1')).session.user.id).toBe(user.id);

    const before = await rowCounts(database.db);
    const refusals = [
      [{ login: 'BUDI', name: 'Budi Dua', officeId: desa.id, roles: [] }, 409, 'user.loginTaken'],
      [{ login: 'c', name: 'C', officeId: desa.id, roles: [], positions: [{ sopId: 'lmj-01-ugb', actorId: 'kabid' }] }, 422, 'user.positionNotInOffice'],
      [{ login: 'd', name: 'D', officeId: desa.id, roles: [], nip: '19851312 201001 1 003' }, 422, 'user.nipInvalid'],
      [{ login: 'e', name: 'E', officeId: desa.id, roles: ['root'] }, 400, 'request.invalid'],
      [{ login: 'f', name: 'F', officeId: desa.id, roles: [], password: 'pendek' }, 400, 'request.invalid'],
      [{ login: 'gunawan', name: 'G', officeId: desa.id, roles: [], password: 'gunawan-12345' }, 422, 'user.passwordTooWeak'],
      [{ login: 'h', name: 'H', officeId: '00000000-0000-4000-8000-000000000000', roles: [] }, 404, 'office.unknown'],
      [{ login: ' spasi', name: 'I', officeId: desa.id, roles: [] }, 400, 'request.invalid'],
      [{ login: 'j', name: 'Tab\there', officeId: desa.id, roles: [] }, 400, 'request.invalid'],
      [{ login: 'k', name: 'K', officeId: desa.id, roles: [], isAdmin: true }, 400, 'request.invalid'],
    ] as const;
    for (const [body, status, code] of refusals) {
      const response = await admin.request('POST', '/api/v1/admin/users', body);
      expect([response.statusCode, response.json().error.code], JSON.stringify(body)).toEqual([status, code]);
      expect(response.json().error.message.id).toBeTruthy();
      expect(response.json().error.message.en).toBeTruthy();
    }
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('changes roles, positions and password; taking a lane from the office takes it from its users; a new password signs the user out', async () => {
    const office = await makeOffice(server, { lanes: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }, { sopId: 'lmj-01-ugb', actorId: 'kasi' }] });
    const user = await makeUser(server, { officeId: office.id, positions: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }] });
    const clerk = await signIn(server, user.login);

    const patched = await admin.request('PATCH', `/api/v1/admin/users/${user.id}`, { roles: ['publisher', 'clerk'], positions: [{ sopId: 'lmj-01-ugb', actorId: 'kasi' }], nip: null });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().user).toMatchObject({ roles: ['clerk', 'publisher'], positions: [{ sopId: 'lmj-01-ugb', actorId: 'kasi' }] });
    expect((await clerk.request('GET', '/api/v1/me')).json().user.roles).toEqual(['clerk', 'publisher']);

    const lanes = await admin.request('PUT', `/api/v1/admin/offices/${office.id}/lanes`, { lanes: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }] });
    expect(lanes.json().office.lanes).toEqual([{ sopId: 'lmj-01-ugb', actorId: 'staf' }]);
    expect((await clerk.request('GET', '/api/v1/me')).json().user.positions).toEqual([]);

    const renamed = await admin.request('PATCH', `/api/v1/admin/offices/${office.id}`, { name: "Dinas Sosial P3A" });
    expect(renamed.json().office.name).toBe('Dinas Sosial P3A');

    const password = await admin.request('PATCH', `/api/v1/admin/users/${user.id}`, { password: 'sandi-baru-yang-panjang' });
    expect(password.statusCode).toBe(200);
    expect((await clerk.request('GET', '/api/v1/me')).statusCode).toBe(401);
    const old = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: user.login, password: TEST_PASSWORD } });
    expect(old.statusCode).toBe(401);
    await signIn(server, user.login, 'sandi-baru-yang-panjang');

    const missing = await admin.request('PATCH', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000', { name: 'X' });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'user.unknown']);
    const badId = await admin.request('PATCH', '/api/v1/admin/users/not-a-uuid', { name: 'X' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details).toHaveProperty('/params/userId');
  });
  it('disables and enables a user, and moves one to another office: sessions end, and only an admin may', async () => {
    const lane = { sopId: 'lmj-01-ugb', actorId: 'staf' };
    const office = await makeOffice(server, { lanes: [lane] });
    const other = await makeOffice(server, { name: 'Dinas Sosial Kabupaten Banyuwangi', regionCode: '35.10', lanes: [{ sopId: 'lmj-01-ugb', actorId: 'kasi' }] });
    const user = await makeUser(server, { officeId: office.id, positions: [lane] });
    const clerk = await signIn(server, user.login);

    // Not an admin: refused, and nothing changes.
    const refused = await clerk.request('PUT', `/api/v1/admin/users/${user.id}/disabled`, { disabled: true });
    expect(refused.statusCode).toBe(403);
    expect((await clerk.request('GET', '/api/v1/me')).statusCode).toBe(200);

    const disabled = await admin.request('PUT', `/api/v1/admin/users/${user.id}/disabled`, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().user.disabled).toBe(true);
    expect((await clerk.request('GET', '/api/v1/me')).statusCode).toBe(401);
    const whileOff = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: user.login, password: TEST_PASSWORD } });
    expect([whileOff.statusCode, whileOff.json().error.code]).toEqual([403, 'user.disabled']);
    const enabled = await admin.request('PUT', `/api/v1/admin/users/${user.id}/disabled`, { disabled: false });
    expect(enabled.json().user.disabled).toBeUndefined();
    const again = await signIn(server, user.login);

    const badMove = await admin.request('POST', `/api/v1/admin/users/${user.id}/move`, { officeId: other.id, positions: [lane] });
    expect([badMove.statusCode, badMove.json().error.code]).toEqual([422, 'user.positionNotInOffice']);
    expect((await again.request('GET', '/api/v1/me')).json().user.officeId).toBe(office.id);
    const moved = await admin.request('POST', `/api/v1/admin/users/${user.id}/move`, { officeId: other.id, positions: other.lanes, roles: ['clerk'] });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().user).toMatchObject({ officeId: other.id, positions: other.lanes });
    expect((await again.request('GET', '/api/v1/me')).statusCode).toBe(401);

    const malformed = await admin.request('POST', `/api/v1/admin/users/${user.id}/move`, { officeId: 'x', positions: [] });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details).toHaveProperty('/body/officeId');
    const extra = await admin.request('PUT', `/api/v1/admin/users/${user.id}/disabled`, { disabled: true, why: 'x' });
    expect(extra.statusCode).toBe(400);
  });
});
