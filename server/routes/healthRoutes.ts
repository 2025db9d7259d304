/**
 * `/healthz`: the process is up (for a supervisor's liveness probe; touches nothing).
 * `/readyz`: the database answers and every migration is applied (for a load
 * balancer: send no traffic to a server whose schema is behind).
 */
import type { FastifyPluginAsync } from 'fastify';
import { migrationStatus } from '../db/migrate';
import { errorBody } from '../http/apiFailure';
import type { RoutePluginOptions } from '../app';

export const healthRoutes: FastifyPluginAsync<Pick<RoutePluginOptions, 'ctx'>> = async (app, { ctx }) => {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    try {
      await ctx.db.query('SELECT 1');
      const status = await migrationStatus(ctx.db);
      if (status.ready) return { status: 'ready' };
      return reply.code(503).send(
        errorBody('server.unavailable', {
          id: `Basis data belum siap: migrasi tertunda ${status.pending.join(', ') || '-'}; berubah: ${status.changed.join('; ') || '-'}.`,
          en: `The database is not ready: pending migrations ${status.pending.join(', ') || '-'}; changed: ${status.changed.join('; ') || '-'}.`,
        }),
      );
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send(
        errorBody('server.unavailable', { id: 'Basis data tidak dapat dihubungi.', en: 'The database cannot be reached.' }),
      );
    }
  });
};
