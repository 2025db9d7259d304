/**
 * An app over a test database with a clock the test moves, log lines
 * collected in memory, and helpers to set up offices and users and sign in
 * the way a browser would (cookie + CSRF token).
 */
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CreateOfficeRequest, CreateUserRequest, OfficeWithLanes, SessionInfo, User } from '../../core/sync/protocol';
import { CSRF_HEADER, SESSION_COOKIE } from '../../core/sync/protocol';
import { createOffice, createUser } from '../accounts/accountsService';
import { buildApp, type BuildAppOptions } from '../app';
import { passwordProvider } from '../auth/passwordProvider';
import type { RedirectIdentityProvider } from '../auth/identityProvider';
import { configFromEnv, type ServerConfig } from '../config';
import type { ServerContext } from '../context';
import type { Db } from '../db/db';
import { createRequestAjv } from '../http/requestSchemas';

export const TEST_START = new Date('2026-12-01T01:00:00.000Z');
export const TEST_PASSWORD = 'kata-sandi-uji-panjang';

export interface TestServer {
  app: FastifyInstance;
  ctx: ServerContext;
  logLines: string[];
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startTestServer(
  db: Db,
  options: { config?: Partial<ServerConfig>; redirect?: RedirectIdentityProvider; app?: Omit<BuildAppOptions, 'logStream'> } = {},
): Promise<TestServer> {
  let clock = TEST_START.getTime();
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const ctx: ServerContext = {
    db,
    config: { ...configFromEnv({}), logLevel: 'info', ...options.config },
    now: () => new Date(clock),
    ajv: createRequestAjv(),
    identity: { password: passwordProvider, ...(options.redirect ? { redirect: options.redirect } : {}) },
  };
  const app = await buildApp(ctx, { ...options.app, logStream });
  await app.ready();
  return {
    app,
    ctx,
    logLines,
    advance: (ms) => {
      clock += ms;
    },
    close: () => app.close(),
  };
}

let serial = 0;

export async function makeOffice(server: TestServer, input: Partial<CreateOfficeRequest> = {}): Promise<OfficeWithLanes> {
  return createOffice(server.ctx.db, { name: `Dinas Sosial ${++serial}`, regionCode: '35.08', ...input }, server.ctx.now());
}

export async function makeUser(server: TestServer, input: Partial<CreateUserRequest> & { officeId: string }): Promise<User> {
  return createUser(server.ctx.db, { login: `user${++serial}`, name: 'Siti Aminah', roles: ['clerk'], password: TEST_PASSWORD, ...input }, server.ctx.now());
}

/** A signed-in browser: its cookie and CSRF token, and a request helper that sends both. */
export interface Browser {
  cookie: string;
  csrfToken: string;
  session: SessionInfo;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no ${SESSION_COOKIE} cookie in the response (${response.statusCode} ${response.body})`);
  return cookie.value;
}

export async function signIn(server: TestServer, login: string, password = TEST_PASSWORD): Promise<Browser> {
  const response = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieOf(response);
  const session = response.json<SessionInfo>();
  return browserWith(server, cookie, session.csrfToken, session);
}

export function browserWith(server: TestServer, cookie: string, csrfToken: string, session = {} as SessionInfo): Browser {
  return {
    cookie,
    csrfToken,
    session,
    request: (method, url, body, headers = {}) =>
      server.app.inject({
        method: method as 'GET',
        url,
        cookies: { [SESSION_COOKIE]: cookie },
        headers: { [CSRF_HEADER]: csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** Row counts of every table (except the migration record), to assert that a refusal wrote nothing. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    counts[name] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`)).rows[0]!.n;
  }
  return counts;
}

/** A digest of every row of every table, to assert that nothing changed at all (not only the counts). */
export async function tableSnapshot(db: Db, except: readonly string[] = []): Promise<string> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> 'schema_migrations' AND NOT tablename = ANY($1::text[])
      ORDER BY tablename`,
    [except],
  );
  const parts: string[] = [];
  for (const { name } of rows) {
    const data = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t ORDER BY 1`);
    parts.push(`${name}:${data.rows.map((r) => r.row).join('|')}`);
  }
  return parts.join('\n');
}
