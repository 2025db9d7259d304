import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';
import { createPgliteDb } from '../db/pgliteDb';
import { migrate } from '../db/migrate';
import type { Db } from '../db/db';
import { startTestServer, type TestServer } from '../testing/testServer';

describe('built apps served from the API origin', () => {
  let db: Db;
  let server: TestServer;
  const dist = mkdtempSync(join(tmpdir(), 'sop-dist-'));

  beforeAll(async () => {
    for (const [path, text] of [
      ['index.html', '<!doctype html><title>Mulai</title>'],
      ['runtime/index.html', '<!doctype html><title>Runtime</title>'],
      ['designer/index.html', '<!doctype html><title>Designer</title>'],
      ['assets/runtime-abc123.js', 'console.log(1)'],
      ['sw.js', 'self.addEventListener("fetch", () => {})'],
    ] as const) {
      mkdirSync(join(dist, path, '..'), { recursive: true });
      writeFileSync(join(dist, path), text);
    }
    writeFileSync(join(dist, '..', 'rahasia.txt'), 'outside the build');
    db = await createPgliteDb();
    await migrate(db);
    server = await startTestServer(db, { app: { appsDir: dist } });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const get = (url: string) => server.app.inject({ method: 'GET', url });

  it('serves the pages and files of the build with the pages’ CSP as a header', async () => {
    const runtime = await get('/runtime/');
    expect(runtime.statusCode).toBe(200);
    expect(runtime.body).toContain('<title>Runtime</title>');
    expect(runtime.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(runtime.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(runtime.headers['cache-control']).toBe('no-cache');
    const asset = await get('/assets/runtime-abc123.js');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/sw.js')).statusCode).toBe(200);
    expect((await get('/')).body).toContain('<title>Mulai</title>');
  });

  it('sends app paths to their page, and adds the slash relative assets need', async () => {
    expect((await get('/designer/sop/bwi-spm-online')).body).toContain('<title>Designer</title>');
    const bare = await get('/runtime');
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/runtime/');
  });

  it('never serves outside the build, and leaves /api to the API', async () => {
    for (const path of ['/../rahasia.txt', '/%2e%2e/rahasia.txt', '/assets/..%2f..%2frahasia.txt', '/nope.js']) {
      const response = await get(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.body).not.toContain('outside the build');
    }
    const api = await get('/api/v1/tidak-ada');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('request.notFound');
    expect(api.headers['cache-control']).toBe('no-store');
  });
});
