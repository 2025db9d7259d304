import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor, writeArtifact } from '../../cli/prebuilt/files';
import { findPrintBundle, type PrintBundleSources } from './printBundle';

describe('findPrintBundle: which bundle a print uses', () => {
  const committed = { js: 'var committed = 1;', css: '.committed{}' };
  const fresh = { files: { 'print-view.js': 'var fresh = 1;', 'print-view.css': '.fresh{}' }, inputs: ['print/view/printEntry.tsx'] };

  /** A committed bundle whose manifest says print/view/printEntry.tsx had other content (stale), or the real hashes (fresh). */
  function setup(options: { stale: boolean; build: PrintBundleSources['build'] }) {
    const committedDir = mkdtempSync(join(tmpdir(), 'sop-print-committed-'));
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'sop-print-cache-')), 'print-view');
    const manifest = manifestFor(['print/view/printEntry.tsx', 'print/model/index.ts']);
    if (options.stale) manifest.inputs['print/view/printEntry.tsx'] = 'an older version';
    writeArtifact(committedDir, 'print-view', { 'print-view.js': committed.js, 'print-view.css': committed.css }, manifest);
    const warnings: string[] = [];
    let builds = 0;
    const sources: PrintBundleSources = {
      committedDir,
      cacheDir,
      build: () => {
        builds++;
        return options.build();
      },
      warn: (line) => warnings.push(line),
    };
    return { sources, warnings, builds: () => builds };
  }
  const noVite = () => Promise.reject(Object.assign(new Error("Cannot find package 'vite'"), { code: 'ERR_MODULE_NOT_FOUND' }));

  it('uses the committed bundle while its sources are unchanged, without building', async () => {
    const { sources, warnings, builds } = setup({ stale: false, build: noVite });
    expect(await findPrintBundle(sources)).toEqual({ js: expect.stringContaining(committed.js), css: expect.stringContaining(committed.css) });
    expect(builds()).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('builds afresh when a source changed, and reuses that build until the sources change again', async () => {
    const { sources, builds } = setup({ stale: true, build: async () => fresh });
    expect((await findPrintBundle(sources)).js).toContain('var fresh = 1;');
    expect((await findPrintBundle(sources)).js).toContain('var fresh = 1;');
    expect(builds()).toBe(1);
  });

  it('prints with the committed bundle where Vite is missing, and says which sources are newer', async () => {
    const { sources, warnings } = setup({ stale: true, build: noVite });
    expect((await findPrintBundle(sources)).js).toContain(committed.js);
    expect(warnings).toEqual([expect.stringContaining('older than print/view/printEntry.tsx')]);
    expect(warnings[0]).toContain('npm run gen');
  });

  it('reports a build that fails for another reason instead of printing something stale', async () => {
    const { sources } = setup({ stale: true, build: () => Promise.reject(new Error('syntax error in print/view/PrintPage.tsx')) });
    await expect(findPrintBundle(sources)).rejects.toThrow('syntax error');
  });
});
