/** The server's settings, from environment variables (documented in server/README.md). */
import { fileURLToPath } from 'node:url';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './accounts/loginLimiter';
import { DEFAULT_SESSION_LIFETIMES, type SessionLifetimes } from './accounts/sessionsRepo';
import type { OidcSettings } from './auth/oidcProvider';

export interface ServerConfig {
  host: string;
  port: number;
  /** PostgreSQL; when absent, the embedded PGlite under `dataDir`. */
  databaseUrl?: string;
  /** Size of the PostgreSQL connection pool (DATABASE_POOL_MAX, default 10). */
  databasePoolMax?: number;
  /**
   * Name and prepare each statement once per connection (DATABASE_PREPARED_STATEMENTS, default on). Turn it off
   * behind a pooler that cannot carry prepared statements across transactions (PgBouncer before 1.21, or
   * `max_prepared_statements = 0`).
   */
  databasePreparedStatements: boolean;
  dataDir: string;
  logLevel: string;
  /** Behind a reverse proxy: take the client address and scheme from X-Forwarded-*. */
  trustProxy: boolean;
  /** Default limit for request bodies; publication raises it to the SOP size limit. */
  bodyLimitBytes: number;
  sessions: SessionLifetimes;
  loginLimits: LoginLimits;
  /** An agency's OpenID Connect provider, when configured. */
  oidc?: OidcSettings;
  /** The built apps to serve from the same origin (served when the folder holds a build). */
  appsDir: string;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/pglite', import.meta.url));
export const DEFAULT_APPS_DIR = fileURLToPath(new URL('../dist', import.meta.url));

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    host: env.HOST || '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolMax: env.DATABASE_POOL_MAX ? positiveInteger('DATABASE_POOL_MAX', env.DATABASE_POOL_MAX) : undefined,
    databasePreparedStatements: !['0', 'false', 'off'].includes((env.DATABASE_PREPARED_STATEMENTS ?? '').toLowerCase()),
    dataDir: env.SOP_DATA_DIR || DEFAULT_DATA_DIR,
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.SOP_TRUST_PROXY === '1' || env.SOP_TRUST_PROXY === 'true',
    bodyLimitBytes: 1024 * 1024,
    sessions: DEFAULT_SESSION_LIFETIMES,
    loginLimits: DEFAULT_LOGIN_LIMITS,
    oidc: oidcFromEnv(env),
    appsDir: env.SOP_APPS_DIR || DEFAULT_APPS_DIR,
  };
}

function oidcFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`OIDC_ISSUER is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not`);
  return {
    id: env.OIDC_PROVIDER_ID || 'oidc',
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectUri: env.OIDC_REDIRECT_URI!,
    scope: env.OIDC_SCOPE || 'openid profile',
  };
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${text}"`);
  return value;
}
