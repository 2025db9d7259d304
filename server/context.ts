import type Ajv2020 from 'ajv/dist/2020.js';
import type { PasswordIdentityProvider, RedirectIdentityProvider } from './auth/identityProvider';
import type { ServerConfig } from './config';
import type { Db } from './db/db';

/** What every route plugin needs, passed down explicitly (no globals), so tests can give a fake clock. */
export interface ServerContext {
  db: Db;
  config: ServerConfig;
  now: () => Date;
  /** The request schemas (schemas/server), for code that validates outside a route (the admin CLI). */
  ajv: Ajv2020;
  identity: {
    password: PasswordIdentityProvider;
    /** The agency's OpenID Connect provider, when configured. */
    redirect?: RedirectIdentityProvider;
  };
}
