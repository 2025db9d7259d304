/**
 * Which Chromium the tests, the benchmarks and `sop print` drive. One order,
 * everywhere: the CHROMIUM_PATH the user set, Debian's Chromium, a
 * `chromium-browser` or `chromium` on PATH, Google Chrome, then the browser
 * Playwright installed for itself. Nothing here downloads a browser.
 *
 * The machine is passed in (`ChromiumHost`), so the order is unit-tested
 * without the files, PATH, user or platform of the machine running the tests.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { chromium } from './playwright';

export interface ChromiumHost {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a runnable file exists at this absolute path. */
  isExecutable(path: string): boolean;
  /** Where Playwright keeps its own Chromium (it may not be installed), or null when playwright-core cannot say. */
  playwrightChromium(): string | null;
}

export interface ChromiumCandidate {
  path: string;
  /** Why this path is on the list, for messages and tests. */
  source: 'CHROMIUM_PATH' | 'debian' | 'path' | 'chrome' | 'playwright';
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_COMMANDS = ['chromium-browser', 'chromium'];
const CHROME_COMMANDS = ['google-chrome', 'google-chrome-stable'];
const CHROME_FILES: Partial<Record<NodeJS.Platform, (env: ChromiumHost['env']) => string[]>> = {
  linux: () => ['/opt/google/chrome/chrome'],
  darwin: (env) => {
    const app = 'Google Chrome.app/Contents/MacOS/Google Chrome';
    return [`/Applications/${app}`, ...(env['HOME'] ? [`${env['HOME']}/Applications/${app}`] : [])];
  },
  win32: (env) =>
    [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']]
      .filter((dir): dir is string => Boolean(dir))
      .map((dir) => win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe')),
};

/** Every place a browser is looked for, in order (whether or not something is there). */
export function chromiumCandidates(host: ChromiumHost): ChromiumCandidate[] {
  const candidates: ChromiumCandidate[] = [];
  const fromEnv = host.env['CHROMIUM_PATH']?.trim();
  if (fromEnv) candidates.push({ path: fromEnv, source: 'CHROMIUM_PATH' });
  if (host.platform === 'linux') candidates.push({ path: DEBIAN_CHROMIUM, source: 'debian' });
  for (const command of CHROMIUM_COMMANDS) for (const path of onPath(host, command)) candidates.push({ path, source: 'path' });
  for (const command of CHROME_COMMANDS) for (const path of onPath(host, command)) candidates.push({ path, source: 'chrome' });
  for (const path of CHROME_FILES[host.platform]?.(host.env) ?? []) candidates.push({ path, source: 'chrome' });
  const playwright = host.playwrightChromium();
  if (playwright) candidates.push({ path: playwright, source: 'playwright' });
  return candidates;
}

/** The first candidate that is there; a CHROMIUM_PATH that points at nothing falls through to the next. */
export function findChromium(host: ChromiumHost): ChromiumCandidate | null {
  return chromiumCandidates(host).find((candidate) => host.isExecutable(candidate.path)) ?? null;
}

/** Where `command` would be found on PATH, in PATH order (Windows also tries the PATHEXT endings). */
function onPath(host: ChromiumHost, command: string): string[] {
  const windows = host.platform === 'win32';
  const separator = windows ? ';' : ':';
  const joinPath = windows ? win32.join : posix.join;
  const endings = windows ? (host.env['PATHEXT'] ?? '.EXE').split(';').filter(Boolean).map((e) => e.toLowerCase()) : [''];
  const dirs = (host.env['PATH'] ?? host.env['Path'] ?? '').split(separator).filter((dir) => dir.length > 0);
  return dirs.flatMap((dir) => endings.map((ending) => joinPath(dir, command + ending)));
}

/** The machine this process runs on. */
export function currentHost(): ChromiumHost {
  return {
    platform: process.platform,
    env: process.env,
    isExecutable,
    playwrightChromium: playwrightChromiumPath,
  };
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** playwright-core's own Chromium (`npx playwright-core install chromium`), whether or not it is installed. */
function playwrightChromiumPath(): string | null {
  try {
    return chromium.executablePath() || null;
  } catch {
    return null; // a platform Playwright has no build for
  }
}
