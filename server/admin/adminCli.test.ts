import { afterEach, beforeEach, expect, it } from 'vitest';
import { listOffices, listUsers } from '../accounts/accountsRepo';
import { describeOnEachDatabase } from '../testing/databases';
import { rowCounts, signIn, startTestServer, tableSnapshot, type TestServer } from '../testing/testServer';
import { EXIT_OK, EXIT_REFUSED, EXIT_USAGE, runAdminCommand } from './adminCli';

describeOnEachDatabase('admin CLI', (database) => {
  let server: TestServer;
  let out: string;
  let err: string;
  let passwords: string[];
  const run = (...argv: string[]) =>
    runAdminCommand(argv, {
      db: database.db,
      ajv: server.ctx.ajv,
      now: server.ctx.now,
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      readPassword: async () => passwords.shift() ?? '',
    });

  beforeEach(async () => {
    server = await startTestServer(database.db);
    out = '';
    err = '';
    passwords = [];
  });
  afterEach(async () => server?.close());

  it('creates the first admin once, who can then sign in through the API', async () => {
    passwords = ['rahasia-dinas-pertama'];
    const code = await run('create-first-admin', '--office-name', 'Dinas Sosial Kabupaten Lumajang', '--region-code', '35.08', '--login', 'admin', '--name', 'Admin Dinsos');
    expect([code, err]).toEqual([EXIT_OK, '']);
    expect(out).toMatch(/^office [0-9a-f-]{36} 35\.08 Dinas Sosial Kabupaten Lumajang\nadmin  [0-9a-f-]{36} admin\n$/);
    const admin = await signIn(server, 'admin', 'rahasia-dinas-pertama');
    expect(admin.session.user.roles).toEqual(['admin']);

    const before = await rowCounts(database.db);
    passwords = ['sandi-admin-kedua!'];
    expect(await run('create-first-admin', '--office-name', 'Lain', '--region-code', '35.09', '--login', 'admin2', '--name', 'Admin Dua')).toBe(EXIT_REFUSED);
    expect(err).toContain('Users exist already');
    expect(err).toContain('Sudah ada pengguna');
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('adds offices, lanes and users, sets roles, positions and passwords, and lists them', async () => {
    passwords = ['rahasia-dinas-pertama'];
    await run('create-first-admin', '--office-name', 'Dinas Sosial', '--region-code', '35.08', '--login', 'admin', '--name', 'Admin');
    const dinasId = (await listOffices(database.db))[0]!.id;
    expect(await run('add-office', '--name', 'Desa Sumberejo', '--region-code', '35.08.01.2001', '--parent', dinasId, '--lane', 'lmj-01-ugb/pemohon')).toBe(EXIT_OK);
    const desa = (await listOffices(database.db)).find((o) => o.regionCode === '35.08.01.2001')!;
    expect(await run('set-lanes', '--office', desa.id, '--lane', 'lmj-01-ugb/staf', '--lane', 'lmj-01-ugb/kasi')).toBe(EXIT_OK);
    expect(out).toContain('lanes: lmj-01-ugb/kasi, lmj-01-ugb/staf');

    passwords = ['sandi-petugas-desa'];
    expect(await run('add-user', '--login', 'siti', '--name', 'Siti Aminah', '--office', desa.id, '--role', 'clerk', '--nip', '19850512 201001 2 003', '--position', 'lmj-01-ugb/staf')).toBe(EXIT_OK);
    expect(await run('set-roles', '--login', 'SITI', '--role', 'clerk', '--role', 'publisher')).toBe(EXIT_OK);
    expect(await run('set-positions', '--login', 'siti', '--position', 'lmj-01-ugb/kasi', '--position', 'lmj-01-ugb/staf')).toBe(EXIT_OK);
    const siti = await signIn(server, 'siti', 'sandi-petugas-desa');
    expect(siti.session.user).toMatchObject({ nip: '198505122010012003', roles: ['clerk', 'publisher'], positions: [{ sopId: 'lmj-01-ugb', actorId: 'kasi' }, { sopId: 'lmj-01-ugb', actorId: 'staf' }] });

    passwords = ['sandi-baru-petugas'];
    expect(await run('set-password', '--login', 'siti')).toBe(EXIT_OK);
    expect((await siti.request('GET', '/api/v1/me')).statusCode).toBe(401);
    await signIn(server, 'siti', 'sandi-baru-petugas');

    expect(await run('add-user', '--login', 'sso', '--name', 'Lewat SSO', '--office', desa.id, '--no-password')).toBe(EXIT_OK);
    expect(await run('link-identity', '--login', 'sso', '--provider', 'oidc', '--subject', 'abc-123')).toBe(EXIT_OK);

    out = '';
    expect(await run('list')).toBe(EXIT_OK);
    expect(out).toContain('35.08.01.2001 Desa Sumberejo (parent ');
    expect(out).toContain('user siti "Siti Aminah" NIP 198505122010012003 roles: clerk, publisher positions: lmj-01-ugb/kasi, lmj-01-ugb/staf');
    expect(out).not.toContain('scrypt');
  });

  /** The first admin, a district office and a village office, and Siti at the village, signed in. */
  async function twoOfficesAndSiti() {
    passwords = ['rahasia-dinas-pertama'];
    await run('create-first-admin', '--office-name', 'Dinas Sosial', '--region-code', '35.08', '--login', 'admin', '--name', 'Admin');
    const dinasId = (await listOffices(database.db))[0]!.id;
    await run('add-office', '--name', 'Desa Sumberejo', '--region-code', '35.08.01.2001', '--parent', dinasId, '--lane', 'lmj-01-ugb/staf');
    await run('add-office', '--name', 'Kecamatan Sukodono', '--region-code', '35.08.01', '--parent', dinasId, '--lane', 'lmj-01-ugb/kasi', '--lane', 'lmj-01-ugb/kabid');
    const offices = await listOffices(database.db);
    const desa = offices.find((o) => o.regionCode === '35.08.01.2001')!;
    const kecamatan = offices.find((o) => o.regionCode === '35.08.01')!;
    passwords = ['sandi-petugas-desa'];
    expect(await run('add-user', '--login', 'siti', '--name', 'Siti Aminah', '--office', desa.id, '--role', 'clerk', '--position', 'lmj-01-ugb/staf')).toBe(EXIT_OK);
    const siti = await signIn(server, 'siti', 'sandi-petugas-desa');
    out = '';
    return { desa, kecamatan, siti };
  }

  const signInAs = (login: string, password: string) => server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password } });
  const sessionsOf = async (login: string) =>
    (await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.login = $1', [login])).rows[0]!.n;

  it('disables a user, ending every session at once and refusing sign-in, and enables them again', async () => {
    const { siti } = await twoOfficesAndSiti();
    await signIn(server, 'siti', 'sandi-petugas-desa'); // a second browser
    expect(await sessionsOf('siti')).toBe(2);

    expect(await run('disable-user', '--login', 'Siti')).toBe(EXIT_OK);
    expect(out).toBe('user siti: disabled, every session ended\n');
    expect(await sessionsOf('siti')).toBe(0);
    expect((await siti.request('GET', '/api/v1/me')).statusCode).toBe(401);
    const refused = await signInAs('siti', 'sandi-petugas-desa');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toEqual({ code: 'user.disabled', message: { id: 'Akun ini dinonaktifkan. Hubungi admin kantor Anda.', en: 'This account is disabled. Contact your office administrator.' } });
    // A wrong password is still just a wrong password: being disabled is told only to the account's owner.
    expect((await signInAs('siti', 'bukan-sandinya-sama-sekali')).json().error.code).toBe('login.failed');
    out = '';
    expect(await run('list')).toBe(EXIT_OK);
    expect(out).toContain('user siti "Siti Aminah" (disabled) roles: clerk positions: lmj-01-ugb/staf');
    expect((await listUsers(database.db)).find((u) => u.login === 'siti')).toMatchObject({ disabled: true });

    expect(await run('enable-user', '--login', 'siti')).toBe(EXIT_OK);
    const back = await signIn(server, 'siti', 'sandi-petugas-desa');
    expect(back.session.user).toMatchObject({ login: 'siti', roles: ['clerk'], positions: [{ sopId: 'lmj-01-ugb', actorId: 'staf' }] });
    expect(back.session.user.disabled).toBeUndefined();
  });

  it('moves a user to another office with new positions and roles, ending their sessions', async () => {
    const { desa, kecamatan, siti } = await twoOfficesAndSiti();
    expect(await run('move-user', '--login', 'siti', '--office', kecamatan.id, '--position', 'lmj-01-ugb/kasi', '--role', 'clerk', '--role', 'publisher')).toBe(EXIT_OK);
    expect(out).toBe(`user siti moved to office ${kecamatan.id} roles: clerk, publisher positions: lmj-01-ugb/kasi; every session ended\n`);
    expect((await siti.request('GET', '/api/v1/me')).statusCode).toBe(401);
    const moved = await signIn(server, 'siti', 'sandi-petugas-desa');
    expect(moved.session.office.id).toBe(kecamatan.id);
    expect(moved.session.user).toMatchObject({ officeId: kecamatan.id, roles: ['clerk', 'publisher'], positions: [{ sopId: 'lmj-01-ugb', actorId: 'kasi' }] });

    // Without --role the roles stay; without --position the user holds no lane until given one.
    expect(await run('move-user', '--login', 'siti', '--office', desa.id)).toBe(EXIT_OK);
    expect((await listUsers(database.db)).find((u) => u.login === 'siti')).toMatchObject({ officeId: desa.id, roles: ['clerk', 'publisher'], positions: [] });
    expect(await sessionsOf('siti')).toBe(0);
  });

  it('refuses a move to a lane the new office lacks, an unknown office or user, writing nothing', async () => {
    const { kecamatan, siti } = await twoOfficesAndSiti();
    const before = await tableSnapshot(database.db);
    expect(await run('move-user', '--login', 'siti', '--office', kecamatan.id, '--position', 'lmj-01-ugb/staf')).toBe(EXIT_REFUSED);
    expect(err).toContain("this office does not hold: lmj-01-ugb/staf");
    expect(err).toContain('kantor ini tidak memegang: lmj-01-ugb/staf');
    expect(await run('move-user', '--login', 'siti', '--office', '00000000-0000-4000-8000-000000000000')).toBe(EXIT_REFUSED);
    expect(err).toContain('The office does not exist.');
    expect(await run('move-user', '--login', 'siti', '--office', 'not-a-uuid')).toBe(EXIT_REFUSED);
    expect(await run('move-user', '--login', 'nobody', '--office', kecamatan.id)).toBe(EXIT_REFUSED);
    expect(await run('disable-user', '--login', 'nobody')).toBe(EXIT_REFUSED);
    expect(await run('move-user', '--login', 'siti')).toBe(EXIT_USAGE);
    expect(await run('disable-user')).toBe(EXIT_USAGE);
    expect(await tableSnapshot(database.db)).toBe(before);
    expect((await siti.request('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('refuses bad input with the API rules, in both languages, writing nothing; usage errors exit 2', async () => {
    passwords = ['rahasia-dinas-pertama'];
    await run('create-first-admin', '--office-name', 'Dinas Sosial', '--region-code', '35.08', '--login', 'admin', '--name', 'Admin');
    const dinasId = (await listOffices(database.db))[0]!.id;
    const before = await rowCounts(database.db);
    expect(await run('add-office', '--name', 'X', '--region-code', '35.8')).toBe(EXIT_REFUSED);
    expect(err).toContain('/regionCode');
    err = '';
    passwords = ['sandi-yang-cukup-panjang'];
    expect(await run('add-user', '--login', 'b', '--name', 'B', '--office', dinasId, '--position', 'lmj-01-ugb/kabid')).toBe(EXIT_REFUSED);
    expect(err).toContain("this office does not hold: lmj-01-ugb/kabid");
    passwords = ['pendek'];
    expect(await run('add-user', '--login', 'c', '--name', 'C', '--office', dinasId)).toBe(EXIT_REFUSED);
    expect(await run('set-roles', '--login', 'nobody', '--role', 'admin')).toBe(EXIT_REFUSED);
    expect(await run('set-roles', '--login', 'admin', '--role', 'root')).toBe(EXIT_REFUSED);
    expect(await run('add-user', '--login', 'd', '--name', 'D', '--office', dinasId)).toBe(EXIT_USAGE); // no password given
    expect(await run('add-office', '--name', 'X')).toBe(EXIT_USAGE);
    expect(await run('add-office', '--bogus')).toBe(EXIT_USAGE);
    expect(await run('toString')).toBe(EXIT_USAGE);
    expect(await run('set-lanes', '--office', dinasId, '--lane', 'no-slash')).toBe(EXIT_USAGE);
    expect(await rowCounts(database.db)).toEqual(before);
    expect((await listUsers(database.db)).map((u) => u.login)).toEqual(['admin']);
  });
});
