// The real server (`server/main.ts`) as its own process on loopback, on a
// throwaway PostgreSQL cluster, serving a production build: what the journey
// and fault tests run against. Accounts (and, for the case journeys, the SPM
// revision) are written straight into the database before the server starts,
// as an admin would.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { canonicalJson, sopContentHash } from '../../core/engine';
import type { LaneRef, OfficeWithLanes, Role, User } from '../../core/sync/protocol';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { createOffice, createUser } from '../accounts/accountsService';
import type { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { createPgDb } from '../db/pgDb';
import { insertRevisionOnce } from '../publication/revisionsRepo';
import { POSTGRES_INSTALL_HINT, findPostgresBinDir, startTestCluster, type TestCluster } from './postgres';
import { publishedSample } from './sopFixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const PASSWORD = 'kata-sandi-kantor-uji';

export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestCluster & { databaseUrl: string }> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new Error(POSTGRES_INSTALL_HINT);
  const cluster = await startTestCluster(binDir, options);
  const name = `sop_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return Object.assign(cluster, { databaseUrl: url.toString() });
}

export interface SpmOffices {
  sop: SopDocument;
  /** login → office name, for the UI's "Petugas: …" and the assertions. */
  clerks: Record<'desa' | 'dinkes' | 'kecamatan' | 'dinsos', { login: string; name: string }>;
}

/** An office to create, with its users (a clerk's positions default to all the office's lanes). */
export interface OfficeSeed {
  name: string;
  regionCode: string;
  lanes: LaneRef[];
  users: { login: string; name: string; roles: Role[]; positions?: LaneRef[] }[];
}

export type SeededAccounts<K extends string> = Record<K, { office: OfficeWithLanes; users: Record<string, User> }>;

/** Runs `work` on the server's database (migrated first), as an admin at the console would. */
export async function withServerDb<T>(databaseUrl: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createPgDb(databaseUrl, { max: 2 });
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Creates the offices and their users through the accounts service (the rules the admin API and CLI share). */
export async function seedAccounts<K extends string>(db: Db, offices: Record<K, OfficeSeed>, now = new Date()): Promise<SeededAccounts<K>> {
  const seeded = {} as SeededAccounts<K>;
  for (const key of Object.keys(offices) as K[]) {
    const { name, regionCode, lanes, users } = offices[key];
    const office = await createOffice(db, { name, regionCode, lanes }, now);
    const created: Record<string, User> = {};
    for (const user of users) {
      const positions = user.positions ?? (user.roles.includes('clerk') ? office.lanes : []);
      created[user.login] = await createUser(db, { login: user.login, name: user.name, officeId: office.id, roles: user.roles, positions, password: PASSWORD }, now);
    }
    seeded[key] = { office, users: created };
  }
  return seeded;
}

/** The Banyuwangi SPM sample published, and one office per lane with one clerk each. */
export async function seedSpm(databaseUrl: string): Promise<SpmOffices> {
  const sop = publishedSample('bwi-spm-online');
  const lanes = (...actors: string[]) => actors.map((actorId) => ({ sopId: sop.id, actorId }));
  const clerk = (login: string, name: string) => ({ login, name, roles: ['clerk' as const] });
  return withServerDb(databaseUrl, async (db) => {
    const now = new Date();
    const seeded = await seedAccounts(
      db,
      {
        desa: { name: 'Kantor Desa Kemiren', regionCode: '35.10.01.2001', lanes: lanes('masyarakat-pemohon', 'desa-kelurahan'), users: [clerk('rina', 'Rina Operator Desa')] },
        // The Kecamatan also verifies village data (desa-kelurahan): two offices may act on that step.
        kecamatan: { name: 'Kecamatan Glagah', regionCode: '35.10.01', lanes: lanes('kecamatan', 'desa-kelurahan'), users: [clerk('budi', 'Budi Kasi Kesra')] },
        dinkes: { name: 'Dinas Kesehatan Kabupaten Banyuwangi', regionCode: '35.10', lanes: lanes('dinas-kesehatan'), users: [clerk('dewi', 'Dewi Verifikator Dinkes')] },
        dinsos: {
          name: 'Dinas Sosial Kabupaten Banyuwangi',
          regionCode: '35.10',
          lanes: lanes('dinas-sosial'),
          users: [{ login: 'penerbit', name: 'Penerbit SOP', roles: ['publisher'] }, clerk('sari', 'Sari Petugas Dinsos')],
        },
      },
      now,
    );
    await insertRevisionOnce(db, {
      sopId: sop.id,
      revision: sop.revision.number,
      contentHash: sopContentHash(sop),
      title: sop.identity.title ?? '',
      documentText: canonicalJson(sop),
      publishedAt: now.toISOString(),
      publishedBy: seeded.dinsos.users.penerbit!.id,
    });
    const named = (key: keyof typeof seeded, login: string) => ({ login, name: seeded[key].users[login]!.name });
    return { sop, clerks: { desa: named('desa', 'rina'), kecamatan: named('kecamatan', 'budi'), dinkes: named('dinkes', 'dewi'), dinsos: named('dinsos', 'sari') } };
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
  /** SIGKILL: no clean shutdown, as a crash or an OOM kill. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** `npm run server` as its own process (node with tsx's loader: one process, so kill -9 kills the server itself). */
export async function startServerProcess(options: { databaseUrl: string; appsDir: string; port: number; logLevel?: string }): Promise<ServerProcess> {
  // The last 64 KiB only: a benchmark's info logs would otherwise fill memory. Chunks are kept as they come and
  // joined when asked for: re-slicing one 64 KiB string per chunk cost the benchmark's clients a copy per request.
  const chunks: string[] = [];
  let kept = 0;
  const output = () => chunks.join('').slice(-65_536);
  // SOP_SERVER_NODE_ARGS: extra node flags for the server process (`--cpu-prof` to profile a benchmark).
  const nodeArgs = (process.env.SOP_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: options.databaseUrl, SOP_APPS_DIR: options.appsDir, PORT: String(options.port), HOST: '127.0.0.1', LOG_LEVEL: options.logLevel ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    chunks.push(text);
    kept += text.length;
    while (kept - chunks[0]!.length >= 65_536) kept -= chunks.shift()!.length;
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${output()}`);
    const ready = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > until) throw new Error(`the server did not become ready: ${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    process: child,
    output,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // A clean stop waits for open connections; a test or a benchmark run does not wait for ever.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
