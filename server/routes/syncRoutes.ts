/**
 * Case sync (docs/sync-protocol.md "Case sync"): push, pull, and the live
 * stream that says when to pull. The rules live in cases/; this file is HTTP.
 */
import type { FastifyPluginAsync } from 'fastify';
import { STREAM_EVENT, type PushRequest, type PushResponse, type StreamSignedOut } from '../../core/sync/protocol';
import { isSessionLive } from '../accounts/sessionsRepo';
import type { RoutePluginOptions } from '../app';
import { SESSION_ENDED } from '../auth/authenticate';
import type { CaseChanges } from '../cases/caseChanges';
import { atMostEvery } from '../cases/atMostEvery';
import { PULL_LIMIT_MAX, parseCursor, pullFeed } from '../cases/pullFeed';
import { PushGroupCommit, ServerBusy } from '../cases/pushGroupCommit';
import type { SopDocuments } from '../cases/sopDocuments';
import type { SignedInCache } from '../auth/signedInCache';
import { ApiFailure, fail } from '../http/apiFailure';
import { schemaRef } from '../http/requestSchemas';

export const HEARTBEAT_MS = 25_000;
/** A stream tells of changes at most this often (the first at once). */
export const CHANGED_EVERY_MS = 100;
const DEFAULT_PULL_LIMIT = 100;

export interface SyncRouteOptions extends RoutePluginOptions {
  sops: SopDocuments;
  changes: CaseChanges;
  /** The signed-in users just checked: a stream's session check asks the database only when it is not there. */
  signedIn?: SignedInCache;
  heartbeatMs?: number;
}

export const syncRoutes: FastifyPluginAsync<SyncRouteOptions> = async (app, { ctx, authenticate, sops, changes, signedIn, heartbeatMs = HEARTBEAT_MS }) => {
  const { db } = ctx;
  // One per server: pushes that arrive while others are being written share the next transaction.
  const pushes = new PushGroupCommit({ db, sops, now: ctx.now });

  app.post('/sync/push', { schema: { body: { $ref: schemaRef('sync', 'PushRequest') } }, preHandler: authenticate }, async (request): Promise<PushResponse> => {
    const { user, office } = request.auth!;
    const { deviceId, commands } = request.body as PushRequest;
    const lanes = request.auth!.officeLanes;
    const results = await pushes.push({ user, office: { ...office, lanes }, deviceId }, commands).catch((error: unknown) => {
      if (!(error instanceof ServerBusy)) throw error;
      throw new ApiFailure(
        503,
        'server.busy',
        {
          id: 'Server sedang sibuk. Pekerjaan tetap tersimpan di perangkat ini dan dikirim lagi sebentar lagi.',
          en: 'The server is busy. Work stays saved on this device and is sent again shortly.',
        },
        undefined,
        { 'retry-after': String(error.retryAfterSeconds) },
      );
    });
    const statuses: Record<string, number> = {};
    for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    request.logDetail = { commands: commands.length, statuses };
    return { results };
  });

  app.get('/sync/pull', { schema: { querystring: { $ref: schemaRef('sync', 'PullQuery') } }, preHandler: authenticate }, async (request) => {
    const { after = '', limit } = request.query as { after?: string; limit?: string };
    const position = parseCursor(after);
    if (!position) throw fail(400, 'sync.cursorInvalid', 'Penanda sinkronisasi tidak sah; mulai lagi dari awal.', 'The sync cursor is invalid; start again from the beginning.');
    return pullFeed(db, request.auth!.office, position, Math.min(limit ? Number(limit) : DEFAULT_PULL_LIMIT, PULL_LIMIT_MAX));
  });

  // Open streams, ended when the server closes (an open response would hold the close forever).
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get('/sync/stream', { preHandler: authenticate }, async (request, reply) => {
    const { office, session } = request.auth!;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-request-id': request.id,
      // The connection ends with the stream: left idle for reuse, it would hold a shutdown for the keep-alive timeout.
      connection: 'close',
      // Reverse proxies (nginx) must pass events on at once, not buffer them.
      'x-accel-buffering': 'no',
    });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    // The browser reconnects by itself after a cut; a short wait keeps a restarted server from a stampede.
    res.write('retry: 3000\n: connected\n\n');
    // A browser reconnects by itself after a cut (offline, a restart) and may have missed notices meanwhile:
    // every stream opens with a `changed`, so the client pulls at once instead of at its next poll.
    send(STREAM_EVENT.changed, { cursor: null });
    // Publications it may have missed too: the client reads its catalogue at once.
    send(STREAM_EVENT.catalogue, {});

    // The session was checked once, when the stream opened; a stream lives for hours, and meanwhile the user
    // may sign out, be disabled or moved, or the session may expire. It is checked again before each notice
    // and each heartbeat, so an ended session stops hearing about the office's cases within one heartbeat.
    let checking: Promise<boolean> | undefined;
    const cachedLive = () => {
      const now = ctx.now();
      const cached = signedIn?.get(session.tokenHash, now.getTime())?.session;
      return cached !== undefined && now < cached.idle_expires_at && now < cached.absolute_expires_at;
    };
    const stillSignedIn = () =>
      // Every push of a busy regency NOTIFYs its streams: asking the database each time cost a query per stream
      // per notice. A session in the cache is live (the cache forgets on any sign-out anywhere, migration 0009).
      (checking ??= (cachedLive() ? Promise.resolve(true) : isSessionLive(db, session.tokenHash, ctx.now()))
        // The database being unreachable is not the session ending: a notice carries no case data (the pull
        // that follows is authenticated), so the stream stays open rather than sending every client away.
        .catch((error: unknown) => {
          request.log.warn({ err: error }, 'stream session check failed');
          return true;
        })
        .finally(() => {
          checking = undefined;
        }));
    const whileSignedIn = (write: () => void) =>
      void stillSignedIn().then((live) => {
        if (res.writableEnded) return;
        if (live) return write();
        const signedOut: StreamSignedOut = { code: 'session.invalid', message: SESSION_ENDED };
        send(STREAM_EVENT.signedOut, signedOut);
        end();
      });

    // At most one `changed` per CHANGED_EVERY_MS: the first at once, the latest of any that follow at the end of the
    // window. A busy regency commits many times a second, and a device pulls on every `changed`; each pull reads
    // everything up to now anyway, so a pull per window loses nothing and costs PostgreSQL a fraction.
    const changed = atMostEvery(CHANGED_EVERY_MS, (cursor: string | null) => whileSignedIn(() => send(STREAM_EVENT.changed, { cursor })));
    const unsubscribe = changes.subscribe(office.id, changed.give);
    const unsubscribeCatalogue = changes.subscribeCatalogue(office.id, (notice) => whileSignedIn(() => send(STREAM_EVENT.catalogue, notice)));
    const heartbeat = setInterval(() => whileSignedIn(() => res.write(': heartbeat\n\n')), heartbeatMs);
    const end = () => {
      clearInterval(heartbeat);
      changed.stop();
      unsubscribe();
      unsubscribeCatalogue();
      open.delete(end);
      if (!res.writableEnded) res.end();
    };
    open.add(end);
    request.raw.on('close', end);
  });
};
