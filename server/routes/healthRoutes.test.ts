import { afterEach, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/testServer';

describeOnEachDatabase('health and readiness', (database) => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  it('answers /healthz while up and /readyz when the database is reachable and fully migrated', async () => {
    server = await startTestServer(database.db);
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect([health.statusCode, health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready' }]);
    expect(ready.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is not ready while a migration is missing, and says which', async () => {
    server = await startTestServer(database.db);
    const row = (await database.db.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version DESC LIMIT 1',
    )).rows[0]!;
    const last = row.version;
    await database.db.query('DELETE FROM schema_migrations WHERE version = $1', [last]);
    try {
      const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error).toMatchObject({ code: 'server.unavailable', message: { en: expect.stringContaining(`pending migrations ${last}`) } });
      expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await database.db.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [row.version, row.name, row.checksum]);
    }
  });

  it('is not ready when the database cannot be reached', async () => {
    server = await startTestServer({
      ...database.db,
      kind: database.kind,
      query: async () => {
        throw new Error('connection refused');
      },
    });
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.message).toEqual({ id: 'Basis data tidak dapat dihubungi.', en: 'The database cannot be reached.' });
  });

  it('answers unknown addresses with a bilingual 404', async () => {
    server = await startTestServer(database.db);
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/nothing?secret=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'request.notFound', message: { id: 'Alamat GET /api/v1/nothing tidak ada.', en: 'There is no GET /api/v1/nothing.' } });
  });
});
