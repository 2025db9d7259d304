import { afterEach, beforeEach, expect, it } from 'vitest';
import { listOffices, listUsers } from '../accounts/accountsRepo';
import { describeOnEachDatabase } from '../testing/databases';
import { rowCounts, signIn, startTestServer, type TestServer } from '../testing/testServer';
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
