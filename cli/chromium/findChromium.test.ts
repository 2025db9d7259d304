import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, currentHost, findChromium, type ChromiumHost } from './findChromium';

const PLAYWRIGHT = '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine where exactly `files` exist. */
function host(files: string[], overrides: Partial<ChromiumHost> & { env?: ChromiumHost['env'] } = {}): ChromiumHost {
  const present = new Set(files);
  return {
    platform: 'linux',
    env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    isExecutable: (path) => present.has(path),
    playwrightChromium: () => PLAYWRIGHT,
    ...overrides,
  };
}

const found = (h: ChromiumHost) => findChromium(h)?.path ?? null;

describe('findChromium: the order browsers are looked for in', () => {
  const everything = [
    '/opt/chrome-for-tests/chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    PLAYWRIGHT,
  ];

  it('takes CHROMIUM_PATH first, then Debian, chromium-browser, Chrome, Playwright', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin:/bin', CHROMIUM_PATH: '/opt/chrome-for-tests/chrome' };
    expect(found(host(everything, { env }))).toBe('/opt/chrome-for-tests/chrome');
    expect(found(host(everything))).toBe('/usr/bin/chromium');
    expect(found(host(everything.slice(2)))).toBe('/usr/bin/chromium-browser');
    expect(found(host(everything.slice(3)))).toBe('/usr/bin/google-chrome');
    expect(found(host(everything.slice(4)))).toBe('/opt/google/chrome/chrome');
    expect(found(host(everything.slice(5)))).toBe(PLAYWRIGHT);
    expect(found(host([]))).toBeNull();
  });

  it('falls through a CHROMIUM_PATH that points at nothing', () => {
    const env = { PATH: '/usr/bin', CHROMIUM_PATH: '/nonexistent' };
    expect(findChromium(host(['/usr/bin/google-chrome-stable'], { env }))).toEqual({ path: '/usr/bin/google-chrome-stable', source: 'chrome' });
  });

  it('searches PATH in order, for chromium-browser before Chrome', () => {
    const env = { PATH: '/snap/bin:/home/u/bin' };
    expect(found(host(['/home/u/bin/chromium-browser', '/snap/bin/google-chrome'], { env }))).toBe('/home/u/bin/chromium-browser');
    expect(found(host(['/home/u/bin/chromium', '/snap/bin/chromium'], { env }))).toBe('/snap/bin/chromium');
    expect(found(host(['/home/u/bin/google-chrome-stable'], { env }))).toBe('/home/u/bin/google-chrome-stable');
  });

  it('finds Google Chrome in the macOS Applications folders, and no Debian path there', () => {
    const app = 'Google Chrome.app/Contents/MacOS/Google Chrome';
    const mac = (files: string[]) => host(files, { platform: 'darwin', env: { PATH: '/usr/bin', HOME: '/Users/u' } });
    expect(found(mac([`/Applications/${app}`]))).toBe(`/Applications/${app}`);
    expect(found(mac([`/Users/u/Applications/${app}`]))).toBe(`/Users/u/Applications/${app}`);
    expect(chromiumCandidates(mac([])).map((c) => c.source)).not.toContain('debian');
  });

  it('finds Chrome on Windows under Program Files, and chrome on PATH with its .exe', () => {
    const env = { PATH: 'C:\\Tools', PATHEXT: '.COM;.EXE', PROGRAMFILES: 'C:\\Program Files' };
    const windows = (files: string[]) => host(files, { platform: 'win32', env });
    expect(found(windows(['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe']))).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(found(windows(['C:\\Tools\\chromium.exe']))).toBe('C:\\Tools\\chromium.exe');
  });

  it("uses Playwright's browser only when it is installed", () => {
    expect(found(host([]))).toBeNull();
    expect(found(host([], { playwrightChromium: () => null }))).toBeNull();
    expect(findChromium(host([PLAYWRIGHT]))?.source).toBe('playwright');
  });

  it('ignores an empty CHROMIUM_PATH and an empty PATH', () => {
    expect(found(host(['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '  ' } }))).toBe('/usr/bin/chromium');
    expect(chromiumCandidates(host([], { env: {} })).map((c) => c.source)).toEqual(['debian', 'chrome', 'playwright']);
  });
});

describe('findChromium on this machine', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  /** What a fresh process resolves, with the given CHROMIUM_PATH. */
  function resolvedBy(chromiumPath: string): string {
    const script = "import('./cli/chromium/index.ts').then((m) => process.stdout.write(m.chromiumPath()))";
    return execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: chromiumPath } });
  }
  const { CHROMIUM_PATH: _, ...withoutOverride } = process.env;
  const next = findChromium({ ...currentHost(), env: withoutOverride });

  it('falls through CHROMIUM_PATH=/nonexistent to the next browser there is', () => {
    expect(next, 'the test setup found a browser').not.toBeNull();
    expect(resolvedBy('/nonexistent')).toBe(next!.path);
  }, 30_000);

  it('takes a CHROMIUM_PATH that exists over every other browser', () => {
    const link = join(mkdtempSync(join(tmpdir(), 'sop-chromium-')), 'my-chrome');
    symlinkSync(next!.path, link);
    expect(resolvedBy(link)).toBe(link);
  }, 30_000);
});
