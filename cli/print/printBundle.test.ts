import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';
import { printPageHtml } from './pdfPrinter';
import { findPrintBundle, type PrintBundleSources } from './printBundle';
import { COMMITTED_DIR, changedInputs, manifestFor, readManifest, writeBundle } from './printBundleFiles';

describe('the prebuilt print view (cli/print/generated)', () => {
  it('is up to date with every file bundled into it (run `npm run gen` after changing the print view or what it imports)', () => {
    const manifest = readManifest(COMMITTED_DIR);
    expect(manifest, 'cli/print/generated/print-view.json is missing').not.toBeNull();
    expect(changedInputs(manifest), 'files changed since the print bundle was built').toEqual([]);
  });

  it('bundles the print view with React and the layout, and nothing from the apps', () => {
    const inputs = Object.keys(readManifest(COMMITTED_DIR)!.inputs);
    expect(inputs).toContain('ui/print/printEntry.tsx');
    expect(inputs).toContain('ui/print/print.css');
    expect(inputs).toContain('core/layout/computeSwimlaneLayout.ts');
    expect(inputs).toContain('node_modules/react-dom/cjs/react-dom-client.production.js');
    expect(inputs.filter((path) => /^(designer|runtime)\//.test(path))).toEqual([]);
  });

  it('runs under the strict CSP: no eval, no new Function', () => {
    const code = readFileSync(join(COMMITTED_DIR, 'print-view.js'), 'utf8');
    expect(code).not.toMatch(/\bnew Function\(|\beval\(/);
    expect(code).toContain('sopPrint');
  });

  it('is loaded by a page that carries the apps\' Content-Security-Policy before any script or stylesheet', () => {
    const html = printPageHtml();
    const csp = html.indexOf(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    expect(csp).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(csp).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
    expect(csp).toBeLessThan(html.indexOf('<script'));
    expect(html).not.toMatch(/<script>|<style>/); // nothing inline
  });
});

describe('findPrintBundle: which bundle a print uses', () => {
  const committed = { js: 'var committed = 1;', css: '.committed{}' };
  const fresh = { js: 'var fresh = 1;', css: '.fresh{}', inputs: ['ui/print/printEntry.tsx'] };

  /** A committed bundle whose manifest says ui/print/printEntry.tsx had other content (stale), or the real hashes (fresh). */
  function setup(options: { stale: boolean; build: PrintBundleSources['build'] }) {
    const committedDir = mkdtempSync(join(tmpdir(), 'sop-print-committed-'));
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'sop-print-cache-')), 'print-view');
    const manifest = manifestFor(['ui/print/printEntry.tsx', 'core/print/index.ts']);
    if (options.stale) manifest.inputs['ui/print/printEntry.tsx'] = 'an older version';
    writeBundle(committedDir, committed, manifest);
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
    expect((await findPrintBundle(sources)).js).toContain(fresh.js);
    expect((await findPrintBundle(sources)).js).toContain(fresh.js);
    expect(builds()).toBe(1);
  });

  it('prints with the committed bundle where Vite is missing, and says which sources are newer', async () => {
    const { sources, warnings } = setup({ stale: true, build: noVite });
    expect((await findPrintBundle(sources)).js).toContain(committed.js);
    expect(warnings).toEqual([expect.stringContaining('older than ui/print/printEntry.tsx')]);
    expect(warnings[0]).toContain('npm run gen');
  });

  it('reports a build that fails for another reason instead of printing something stale', async () => {
    const { sources } = setup({ stale: true, build: () => Promise.reject(new Error('syntax error in ui/print/PrintPage.tsx')) });
    await expect(findPrintBundle(sources)).rejects.toThrow('syntax error');
  });
});
