import { describe, expect, it } from 'vitest';
import { setUpChromium, type SetupHost } from './setUpChromium';

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** A machine with the given files; `apt-get install` puts Debian's Chromium in place when `installWorks`. */
function machine(options: { files?: string[]; uid?: number | null; isDebian?: boolean; platform?: NodeJS.Platform; installWorks?: boolean }) {
  const files = new Set(options.files ?? []);
  const lines: string[] = [];
  const commands: string[] = [];
  const host: SetupHost = {
    platform: options.platform ?? 'linux',
    env: { PATH: '/usr/bin:/bin' },
    isExecutable: (path) => files.has(path),
    playwrightChromium: () => '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
    uid: options.uid === undefined ? 1000 : options.uid,
    isDebian: options.isDebian ?? true,
    run: (command, args, env) => {
      commands.push(`${env['DEBIAN_FRONTEND'] === 'noninteractive' ? 'DEBIAN_FRONTEND=noninteractive ' : ''}${command} ${args.join(' ')}`);
      if (args[0] === 'install' && options.installWorks) files.add('/usr/bin/chromium');
      return args[0] === 'install' && !options.installWorks ? 100 : 0;
    },
    say: (line) => lines.push(line),
    exit: (code) => {
      throw new Exit(code);
    },
  };
  return { host, lines, commands };
}

function exitCode(run: () => unknown): number | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof Exit) return error.code;
    throw error;
  }
}

describe('setUpChromium: before the tests start', () => {
  it('uses a browser that is there and installs nothing', () => {
    const { host, lines, commands } = machine({ files: ['/usr/bin/chromium-browser'], uid: 0 });
    expect(setUpChromium(host).path).toBe('/usr/bin/chromium-browser');
    expect(commands).toEqual([]);
    expect(lines).toEqual([]);
  });

  it("installs Debian's chromium without questions when it runs as root on Debian", () => {
    const { host, lines, commands } = machine({ uid: 0, installWorks: true });
    expect(setUpChromium(host)).toEqual({ path: '/usr/bin/chromium', source: 'debian' });
    expect(commands).toEqual(['DEBIAN_FRONTEND=noninteractive apt-get update', 'DEBIAN_FRONTEND=noninteractive apt-get install -y chromium']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('installing');
  });

  it('stops with one line naming the command when no browser is found and it is not root', () => {
    const { host, lines, commands } = machine({ uid: 1000 });
    expect(exitCode(() => setUpChromium(host))).toBe(1);
    expect(commands).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(lines[0]).toContain('No Chromium or Google Chrome found');
    expect(lines[0]).toContain('`sudo apt-get install -y chromium`');
    expect(lines[0]).toContain('CHROMIUM_PATH');
  });

  it('names the command to run when the install as root fails', () => {
    const { host, lines, commands } = machine({ uid: 0, installWorks: false });
    expect(exitCode(() => setUpChromium(host))).toBe(1);
    expect(commands).toHaveLength(2);
    expect(lines.at(-1)).toContain('`apt-get install -y chromium`');
    expect(lines.at(-1)).not.toContain('sudo');
  });

  it("never installs off Debian: it names Playwright's installer instead", () => {
    for (const options of [{ uid: 0, isDebian: false }, { platform: 'darwin' as const, uid: 0, isDebian: false }, { platform: 'win32' as const, uid: null }]) {
      const { host, lines, commands } = machine(options);
      expect(exitCode(() => setUpChromium(host))).toBe(1);
      expect(commands).toEqual([]);
      expect(lines).toEqual([expect.stringContaining('`npx playwright-core install chromium`')]);
    }
  });
});
