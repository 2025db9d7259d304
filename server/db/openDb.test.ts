import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrate } from './migrate';
import { DatabaseInUseError, openDb } from './openDb';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('keeps the embedded database on disk across restarts, and refuses a second process while one has it open', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sop-embedded-'));
  dirs.push(root);
  const dataDir = join(root, 'pglite');
  const first = await openDb({ dataDir });
  expect(first.kind).toBe('pglite');
  await migrate(first);
  await first.query(`INSERT INTO offices (id, name, region_code, created_at) VALUES ('6f1c1a52-55b5-4c39-9a43-0d1c7f1f8c01', 'Dinas Sosial', '35.08', now())`);

  // Another live process holds the lock (this test's parent stands in for it).
  await first.close();
  writeFileSync(join(root, 'pglite.lock'), String(process.ppid));
  await expect(openDb({ dataDir })).rejects.toThrow(DatabaseInUseError);
  await expect(openDb({ dataDir })).rejects.toThrow(/in use by process \d+.*DATABASE_URL/);

  // A lock left by a process that is gone is taken over.
  writeFileSync(join(root, 'pglite.lock'), '999999999');
  const reopened = await openDb({ dataDir });
  try {
    expect(await migrate(reopened)).toEqual([]);
    const { rows } = await reopened.query<{ name: string }>('SELECT name FROM offices');
    expect(rows).toEqual([{ name: 'Dinas Sosial' }]);
  } finally {
    await reopened.close();
  }
}, 120_000);
