/**
 * The test setup's browser: found the one way (`findChromium`), installed from
 * Debian when the setup runs as root on Debian, otherwise one line that says
 * what to run. `npm test` calls this before any test starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { currentHost, findChromium, type ChromiumCandidate, type ChromiumHost } from './findChromium';

export interface SetupHost extends ChromiumHost {
  /** The user id, or null where there is none (Windows). */
  uid: number | null;
  isDebian: boolean;
  /** Runs a command with its output shown to the user; resolves to its exit status. */
  run(command: string, args: readonly string[], env: Record<string, string>): number;
  /** Writes one line for the user (stderr). */
  say(line: string): void;
  exit(code: number): never;
}

/** The one line printed when there is no browser: what is missing and the command that fixes it. */
export function missingChromiumMessage(host: Pick<SetupHost, 'platform' | 'isDebian' | 'uid'>): string {
  const command = host.platform === 'linux' && host.isDebian ? `${host.uid === 0 ? '' : 'sudo '}apt-get install -y chromium` : 'npx playwright-core install chromium';
  return `Chromium tidak ditemukan / No Chromium or Google Chrome found: run \`${command}\` (or set CHROMIUM_PATH to a Chromium or Chrome executable).`;
}

/** Root on Debian may install: the same package CI uses, without a question asked. */
function canInstall(host: SetupHost): boolean {
  return host.platform === 'linux' && host.isDebian && host.uid === 0;
}

/**
 * The browser the tests will drive. Installs Debian's `chromium` when none is
 * found and the setup may; otherwise prints one line and exits with status 1.
 */
export function setUpChromium(host: SetupHost): ChromiumCandidate {
  const found = findChromium(host);
  if (found) return found;
  if (canInstall(host)) {
    host.say('Chromium tidak ditemukan; memasang paket Debian / No Chromium found; installing Debian\'s chromium (apt-get install -y chromium)');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    // A fresh image has no package lists; a failed update may still leave usable ones, so install regardless.
    host.run('apt-get', ['update'], env);
    if (host.run('apt-get', ['install', '-y', 'chromium'], env) === 0) {
      const installed = findChromium(host);
      if (installed) return installed;
    }
  }
  host.say(missingChromiumMessage(host));
  return host.exit(1);
}

/** This machine, for `setUpChromium`. */
export function currentSetupHost(): SetupHost {
  return {
    ...currentHost(),
    uid: process.getuid?.() ?? null,
    isDebian: existsSync('/etc/debian_version'),
    run: (command, args, env) => spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } }).status ?? 1,
    say: (line) => process.stderr.write(`${line}\n`),
    exit: (code) => process.exit(code),
  };
}
