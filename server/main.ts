/**
 * `npm run server`: opens the database (PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite under .data/pglite), applies migrations,
 * and serves the API. Stops cleanly on SIGINT/SIGTERM.
 */
import { countUsers } from './accounts/accountsRepo';
import { buildApp } from './app';
import { createOidcProvider } from './auth/oidcProvider';
import { passwordProvider } from './auth/passwordProvider';
import { configFromEnv } from './config';
import { migrate } from './db/migrate';
import { openDb } from './db/openDb';
import { hasBuiltApps } from './http/builtApps';
import { createRequestAjv } from './http/requestSchemas';

const config = configFromEnv();
const db = await openDb(config);
const applied = await migrate(db);
const ctx = {
  db,
  config,
  now: () => new Date(),
  ajv: createRequestAjv(),
  identity: {
    password: passwordProvider,
    ...(config.oidc ? { redirect: await createOidcProvider(config.oidc) } : {}),
  },
};
const servesApps = hasBuiltApps(config.appsDir);
const app = await buildApp(ctx, servesApps ? { appsDir: config.appsDir } : {});
app.log.info(
  { database: config.databaseUrl ? 'postgres' : `pglite (${config.dataDir})`, migrationsApplied: applied },
  config.databaseUrl ? 'using PostgreSQL from DATABASE_URL' : 'using the embedded database (set DATABASE_URL for PostgreSQL)',
);
if ((await countUsers(db)) === 0) {
  app.log.warn('no account exists yet: run `npm run server:admin -- create-first-admin --help`');
}

// A stop answers the requests already being handled and ends the live streams (syncRoutes), then closes the
// database. Whatever still holds a connection after the grace period (a client that sent half a request, a
// slow push) is cut: pushes are idempotent, so the device sends it again to the next process. A process
// manager's restart must not wait on one slow client.
const STOP_GRACE_MS = 1_500;
const STOP_DEADLINE_MS = 10_000;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    setTimeout(() => app.server.closeAllConnections(), STOP_GRACE_MS).unref();
    setTimeout(() => {
      app.log.error({ deadlineMs: STOP_DEADLINE_MS }, 'did not stop in time: exiting anyway');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    void app
      .close()
      .then(() => db.close())
      .then(
        () => {
          app.log.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          app.log.error({ err: error }, 'stopping failed');
          process.exit(1);
        },
      );
  });
}

const address = await app.listen({ host: config.host, port: config.port });
if (servesApps) app.log.info({ appsDir: config.appsDir }, `serving the apps from ${config.appsDir}: ${address}/runtime/ and ${address}/designer/`);
else app.log.info({ appsDir: config.appsDir }, `no built apps in ${config.appsDir}: run \`npm run build\` to serve the apps from this server (API only for now)`);
