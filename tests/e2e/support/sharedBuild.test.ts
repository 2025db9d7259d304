import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedBuild } from './sharedBuild';

describe('the production build the end-to-end files share', () => {
  it('is built once however many files ask for it at the same time, and all get the same folder', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'sop-shared-build-test-'));
    let builds = 0;
    const build = async (outDir: string) => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      writeFileSync(join(runDir, 'built-into'), outDir);
    };
    const folders = await Promise.all([sharedBuild(runDir, build), sharedBuild(runDir, build), sharedBuild(runDir, build)]);
    expect(builds).toBe(1);
    expect(new Set(folders).size).toBe(1);
    expect(await sharedBuild(runDir, build)).toBe(folders[0]);
    expect(builds).toBe(1);
  });

  it('fails every file that waited for a failed build, with the build’s own message', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'sop-shared-build-test-'));
    const build = async () => {
      throw new Error('vite: could not resolve "./missing"');
    };
    const results = await Promise.allSettled([sharedBuild(runDir, build), sharedBuild(runDir, build)]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(String((result as PromiseRejectedResult).reason)).toContain('could not resolve "./missing"');
    }
  });
});
