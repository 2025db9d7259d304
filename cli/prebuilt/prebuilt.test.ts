import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';
import { printPageHtml } from '../../print/pdf/pdfPrinter';
import { GENERATED_DIR, ROOT, changedInputs, readManifest, type ArtifactName } from './files';

const inputsOf = (name: ArtifactName) => Object.keys(readManifest(GENERATED_DIR, name)!.inputs);

describe.each(['print-view', 'sop'] as const)('the prebuilt %s (cli/generated)', (name) => {
  it('is up to date with every file built into it (run `npm run gen` after changing any of them)', () => {
    const manifest = readManifest(GENERATED_DIR, name);
    expect(manifest, `cli/generated/${name}.json is missing`).not.toBeNull();
    expect(changedInputs(manifest), `files changed since cli/generated/${name} was built`).toEqual([]);
  });
});

describe('the prebuilt print view', () => {
  it('holds the print view with React and the layout, and nothing from the apps', () => {
    const inputs = inputsOf('print-view');
    expect(inputs).toContain('print/view/printEntry.tsx');
    expect(inputs).toContain('print/view/print.css');
    expect(inputs).toContain('core/layout/computeSwimlaneLayout.ts');
    expect(inputs).toContain('node_modules/react-dom/cjs/react-dom-client.production.js');
    expect(inputs.filter((path) => /^(designer|runtime)\//.test(path))).toEqual([]);
  });

  it('runs under the strict CSP: no eval, no new Function', () => {
    const code = readFileSync(join(GENERATED_DIR, 'print-view.js'), 'utf8');
    expect(code).not.toMatch(/\bnew Function\(|\beval\(/);
    expect(code).toContain('sopPrint');
  });

  it("is loaded by a page that carries the apps' Content-Security-Policy before any script or stylesheet", () => {
    const html = printPageHtml();
    const csp = html.indexOf(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    expect(csp).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(csp).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
    expect(csp).toBeLessThan(html.indexOf('<script'));
    expect(html).not.toMatch(/<script>|<style>/); // nothing inline
  });
});

describe('the compiled command line', () => {
  it('imports only Node itself at load time: packages (playwright-core, Vite) only when a command needs them', () => {
    const code = readFileSync(join(GENERATED_DIR, 'sop.mjs'), 'utf8');
    const staticImports = Array.from(code.matchAll(/^import .* from "([^"]+)";$/gm), (m) => m[1]!);
    expect(staticImports.length).toBeGreaterThan(0);
    expect(staticImports.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
    expect(inputsOf('sop')).toContain('cli/main.ts');
    expect(inputsOf('sop').filter((path) => path.startsWith('node_modules/'))).toEqual([]);
  });

  it('runs in plain Node, without tsx, and finds the repository from where it sits', () => {
    const script = [
      "const cli = await import('./cli/generated/sop.mjs');",
      'let out = "";',
      "const code = await cli.runCli(['stats', '--json', 'samples/bwi-spm-online.sop.json'], { stdout: (t) => (out += t), stderr: (t) => (out += t) });",
      'process.stdout.write(JSON.stringify({ code, changed: cli.changedSources(), out }));',
    ].join('\n');
    const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }));
    expect(result.code).toBe(0);
    expect(result.changed, 'the compiled module found its manifest under the repository root').not.toBeNull();
    expect(JSON.parse(result.out)).toMatchObject({ id: 'bwi-spm-online' });
  });
});
