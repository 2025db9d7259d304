/**
 * Builds the HTTP application (not listening): Fastify with structured logs,
 * request ids, cookie parsing, Ajv request schemas, bilingual errors, and one
 * plugin per area under /api/v1. `server/main.ts` listens; tests use `inject()`.
 */
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { API_PREFIX } from '../core/sync/protocol';
import { createAuthenticate } from './auth/authenticate';
import { SignedInCache } from './auth/signedInCache';
import type { ServerContext } from './context';
import { serveBuiltApps } from './http/builtApps';
import { installErrorHandling } from './http/errorHandling';
import { requestValidatorCompiler } from './http/requestSchemas';
import { postgresAttachmentStore, type AttachmentStore } from './attachments/attachmentStore';
import { CaseChanges } from './cases/caseChanges';
import { SopDocuments } from './cases/sopDocuments';
import { adminRoutes } from './routes/adminRoutes';
import { attachmentRoutes } from './routes/attachmentRoutes';
import { healthRoutes } from './routes/healthRoutes';
import { monevRoutes } from './routes/monevRoutes';
import { publicationRoutes } from './routes/publicationRoutes';
import { sessionRoutes } from './routes/sessionRoutes';
import { syncRoutes } from './routes/syncRoutes';

export interface BuildAppOptions {
  /** Where log lines go (tests collect them); stdout by default. */
  logStream?: DestinationStream;
  /** Where attachment bytes live; PostgreSQL (the same database) by default. */
  attachmentStore?: AttachmentStore;
  /** SSE heartbeat interval (tests shorten it). */
  heartbeatMs?: number;
  /** The built apps (dist/) to serve from this origin, when given. */
  appsDir?: string;
}

// Query parameters whose values must never reach a log line (OIDC callback).
const SECRET_QUERY_PARAMS = /([?&](?:code|state|session_state|id_token|access_token)=)[^&]*/g;

export async function buildApp(ctx: ServerContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: ctx.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Fastify's request serializer logs no headers or bodies; this is the second line of defence.
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.passwordHash'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
          method: req.method,
          url: req.url.replace(SECRET_QUERY_PARAMS, '$1[redacted]'),
          remoteAddress: req.ip,
        }),
      },
    },
    logController: new OneLinePerRequest(),
    // Our own ids: a client-sent X-Request-Id is not trusted (it would let a client forge log correlation).
    genReqId: () => randomUUID(),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
  });
  app.setValidatorCompiler(requestValidatorCompiler(ctx.ajv));
  installErrorHandling(app);
  // While the server stops, a request already being handled still gets its answer, but its connection is not
  // kept alive for the next one: an idle keep-alive socket would hold the close for its whole timeout (72 s).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  const signedIn = new SignedInCache(ctx.db);
  app.addHook('onReady', () => signedIn.start());
  app.addHook('onClose', () => signedIn.stop());
  app.addHook('onSend', async (request, reply) => {
    // A request of this process that may have changed accounts (signing out, an admin's edit): the next request
    // here must not be let in on what the cache remembers, so it forgets before this answer leaves. Other
    // processes hear of it from the database (migration 0009).
    if (mayChangeAccounts(request)) signedIn.forgetAll();
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
    // API answers are never cached; the built apps set their own (hashed assets are immutable).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  app.decorateRequest('logDetail', null);
  await app.register(fastifyCookie);
  app.decorateRequest('auth', null);

  const authenticate = createAuthenticate(ctx, signedIn);
  await app.register(healthRoutes, { ctx });
  await app.register(sessionRoutes, { prefix: API_PREFIX, ctx, authenticate });
  await app.register(adminRoutes, { prefix: `${API_PREFIX}/admin`, ctx, authenticate });
  await app.register(publicationRoutes, { prefix: API_PREFIX, ctx, authenticate });

  const sops = new SopDocuments();
  const changes = new CaseChanges(ctx.db);
  app.addHook('onReady', () => changes.start());
  app.addHook('onClose', () => changes.stop());
  await app.register(syncRoutes, { prefix: API_PREFIX, ctx, authenticate, sops, changes, signedIn, ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}) });
  await app.register(monevRoutes, { prefix: API_PREFIX, ctx, authenticate, sops });
  await app.register(attachmentRoutes, { prefix: API_PREFIX, ctx, authenticate, store: options.attachmentStore ?? postgresAttachmentStore(ctx.db) });
  if (options.appsDir) serveBuiltApps(app, options.appsDir);
  return app;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Case sync and attachments write cases and files, never accounts; any other write might. */
const WRITES_NO_ACCOUNTS = [`${API_PREFIX}/sync/`, `${API_PREFIX}/attachments`];

function mayChangeAccounts(request: FastifyRequest): boolean {
  return !SAFE_METHODS.has(request.method) && !WRITES_NO_ACCOUNTS.some((prefix) => request.url.startsWith(prefix));
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What a route adds to the request's one log line (counts, outcomes; never bodies). */
    logDetail: Record<string, unknown> | null;
  }
}

/**
 * One line per request, not Fastify's two ("incoming" and "completed"): a busy sync server writes half the log.
 * The line carries the request, the status, the time and what the route added (`request.logDetail`); errors and
 * Fastify's other events are logged as Fastify logs them.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10, ...request.logDetail };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/** Options every route plugin receives. */
export interface RoutePluginOptions {
  ctx: ServerContext;
  authenticate: ReturnType<typeof createAuthenticate>;
}
