/**
 * A throwaway PostgreSQL cluster for tests: Debian's binaries, a temporary
 * directory, a free loopback port, trust authentication for the one local
 * user, and no fsync (the data dies with the test run anyway).
 * PostgreSQL refuses to run as root, so as root the binaries run as the
 * `postgres` system user (which Debian's package creates) via `runuser`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const POSTGRES_INSTALL_HINT = 'PostgreSQL (15 or newer) not found for the server tests: run `sudo apt-get install -y postgresql` (or set POSTGRES_BIN_DIR to its bin directory).';

const TEST_SUPERUSER = 'sop_test';

/** The directory holding initdb and pg_ctl: POSTGRES_BIN_DIR, else Debian's 15, else Debian's newest. */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates: string[] = [];
  if (env.POSTGRES_BIN_DIR) candidates.push(env.POSTGRES_BIN_DIR);
  candidates.push('/usr/lib/postgresql/15/bin');
  try {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // not Debian's layout
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

export interface TestCluster {
  /** Connection string to the cluster's `postgres` database as its superuser. */
  url: string;
  binDir: string;
  /** Restarts PostgreSQL on the same port and data (fault tests: clients must resume by themselves). */
  restart(): void;
  stop(): void;
}

/**
 * `durable`: keep PostgreSQL's defaults for fsync and commit flushing (benchmarks measure what production
 * pays); without it, nothing is flushed to disk (tests, whose data dies with the run).
 */
export async function startTestCluster(binDir: string, options: { durable?: boolean } = {}): Promise<TestCluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'sop-pg-'));
  const dataDir = join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(binDir, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(binDir, tool), ...args] : args;
    execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  try {
    if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
    run('initdb', ['-D', dataDir, '-U', TEST_SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    const port = await freeLoopbackPort();
    const serverOptions = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      '-c max_connections=100',
      // SOP_PG_SETTINGS: extra settings for a diagnosis ("-c shared_preload_libraries=pg_stat_statements").
      ...(process.env.SOP_PG_SETTINGS ? [process.env.SOP_PG_SETTINGS] : []),
    ].join(' ');
    run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
    return {
      url: `postgres://${TEST_SUPERUSER}@127.0.0.1:${port}/postgres`,
      binDir,
      restart() {
        run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-o', serverOptions, '-m', 'fast', '-w', '-t', '60', 'restart']);
      },
      stop() {
        try {
          run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`Could not start a test PostgreSQL cluster with ${binDir}${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
