/**
 * Builds the HTTP application (not listening): Fastify with structured logs,
 * request ids, cookie parsing, Ajv request schemas, bilingual errors, and one
 * plugin per area under /api/v1. `server/main.ts` listens; tests use `inject()`.
 */
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { API_PREFIX } from '../core/sync/protocol';
import { createAuthenticate } from './auth/authenticate';
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
    // One line per request (below), not Fastify's two: a busy sync server writes half the log it would.
    disableRequestLogging: true,
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
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
    // API answers are never cached; the built apps set their own (hashed assets are immutable).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  app.decorateRequest('logDetail', null);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10, ...request.logDetail }, 'request completed');
  });
  await app.register(fastifyCookie);
  app.decorateRequest('auth', null);

  const authenticate = createAuthenticate(ctx);
  await app.register(healthRoutes, { ctx });
  await app.register(sessionRoutes, { prefix: API_PREFIX, ctx, authenticate });
  await app.register(adminRoutes, { prefix: `${API_PREFIX}/admin`, ctx, authenticate });
  await app.register(publicationRoutes, { prefix: API_PREFIX, ctx, authenticate });

  const sops = new SopDocuments();
  const changes = new CaseChanges(ctx.db);
  app.addHook('onReady', () => changes.start());
  app.addHook('onClose', () => changes.stop());
  await app.register(syncRoutes, { prefix: API_PREFIX, ctx, authenticate, sops, changes, ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}) });
  await app.register(attachmentRoutes, { prefix: API_PREFIX, ctx, authenticate, store: options.attachmentStore ?? postgresAttachmentStore(ctx.db) });
  if (options.appsDir) serveBuiltApps(app, options.appsDir);
  return app;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What a route adds to the request's one log line (counts, outcomes; never bodies). */
    logDetail: Record<string, unknown> | null;
  }
}

/** Options every route plugin receives. */
export interface RoutePluginOptions {
  ctx: ServerContext;
  authenticate: ReturnType<typeof createAuthenticate>;
}
