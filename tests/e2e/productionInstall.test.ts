// `sop print` from a production install: the repository as a clean clone would
// have it, `npm ci --omit=dev`, then the command a user runs. Nothing from
// devDependencies (Vite, Vitest, TypeScript...) may be needed to print.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages, squash } from './printSupport';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
let install: string;

/** The environment of a user's shell, not of this test run (Vitest sets NODE_ENV=test and its own variables). */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
  return { ...env, ...extra };
}

/** The files of a clean clone with this working tree's changes: tracked and new files, none that git ignores. */
function copyCheckout(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0');
  for (const file of files) {
    if (!file || !existsSync(join(root, file))) continue; // deleted but not yet committed
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(root, file), join(to, file));
  }
}

beforeAll(() => {
  install = mkdtempSync(join(tmpdir(), 'sop-production-'));
  copyCheckout(install);
  // The packages come from the local npm cache that the development install filled.
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: install, env: userEnv(), stdio: 'pipe', timeout: 120_000 });
}, 150_000);

afterAll(() => {
  if (install) rmSync(install, { recursive: true, force: true });
});

describe('sop print from `npm ci --omit=dev`', () => {
  it('installs none of the development dependencies', () => {
    // The lockfile marks every package only development needs (Vite, Vitest, TypeScript and theirs).
    const devOnly = Object.entries(lock.packages).filter(([path, entry]) => path && entry.dev).map(([path]) => path);
    expect(devOnly).toContain('node_modules/vite');
    expect(devOnly.filter((path) => existsSync(join(install, path, 'package.json')))).toEqual([]);
    expect(existsSync(join(install, 'node_modules/playwright-core/package.json'))).toBe(true);
  });

  it('prints a sample to a PDF with its text, finding Chromium past a CHROMIUM_PATH that points at nothing', async () => {
    const result = spawnSync(process.execPath, ['bin/sop.mjs', 'print', 'samples/bwi-spm-online.sop.json', '--out', 'x.pdf'], {
      cwd: install,
      env: userEnv({ CHROMIUM_PATH: '/nonexistent' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('x.pdf: 4 halaman / 4 pages\n');
    const pages = await pdfPages(readFileSync(join(install, 'x.pdf')));
    const text = pages.map((page) => page.squashed).join('');
    expect(text).toContain(squash('Penerbitan Surat Pernyataan Miskin (SPM) OnLine'));
    expect(text).toContain(squash('Jumlah waktu Pelayanan'));
    // The stated total as the signer wrote it, capitals included.
    expect(text).toContain(squash('4 Jam 10 Menit'));
    expect(pages.at(-1)!.items).toContain('Halaman 4 dari 4');
    // The prebuilt print view was used as shipped: nothing was built or cached.
    expect(existsSync(join(install, 'node_modules/.cache/sop-studio'))).toBe(false);
  }, 60_000);

  it('validates without development dependencies too', () => {
    const result = spawnSync(process.execPath, ['bin/sop.mjs', 'validate', 'samples/lmj-16-spm.sop.json', '--lang', 'en'], { cwd: install, env: userEnv(), encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 30_000);
});
