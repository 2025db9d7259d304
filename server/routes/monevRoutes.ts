/**
 * `GET /api/v1/monev/:sopId` (core/sync/protocol.ts `MonevResponse`): the monev
 * measures of the SOP's cases the signed-in user's office reads, computed in
 * SQL (server/monev), equal to what the apps compute over the same cases.
 */
import type { FastifyPluginAsync } from 'fastify';
import { monevStepsOf, type MonevQuery } from '../../core/monev';
import type { MonevResponse } from '../../core/sync/protocol';
import type { RoutePluginOptions } from '../app';
import type { SopDocuments } from '../cases/sopDocuments';
import { fail } from '../http/apiFailure';
import { schemaRef } from '../http/requestSchemas';
import { SERVER_MONEV_CALENDAR } from '../monev/monevFacts';
import { monevMeasuresFromSql } from '../monev/monevMeasuresSql';
import { officeHasLaneIn } from '../publication/revisionsRepo';

export interface MonevRouteOptions extends RoutePluginOptions {
  sops: SopDocuments;
}

interface MonevQueryString {
  from?: string;
  to?: string;
  office?: string;
  lane?: string;
  revision?: string;
}

function instant(text: string | undefined, name: 'from' | 'to'): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw fail(400, 'monev.periodInvalid', `Waktu "${name}" bukan tanggal yang ada: ${text}.`, `"${name}" is not a real date: ${text}.`);
  return ms;
}

export const monevRoutes: FastifyPluginAsync<MonevRouteOptions> = async (app, { ctx, authenticate, sops }) => {
  const { db } = ctx;
  app.get(
    '/monev/:sopId',
    { schema: { params: { $ref: schemaRef('monev', 'MonevParams') }, querystring: { $ref: schemaRef('monev', 'MonevQuery') } }, preHandler: authenticate },
    async (request): Promise<MonevResponse> => {
      const { sopId } = request.params as { sopId: string };
      const q = request.query as MonevQueryString;
      const { office } = request.auth!;
      // The measures are of cases the office reads; an office that plays no lane in the SOP is told so, not shown zeros.
      if (!(await officeHasLaneIn(db, office.id, sopId))) {
        throw fail(403, 'monev.forbidden', 'Kantor Anda tidak memegang lajur dalam SOP ini.', 'Your office holds no lane in this SOP.');
      }
      const from = instant(q.from, 'from');
      const to = instant(q.to, 'to');
      if (from !== undefined && to !== undefined && to <= from) {
        throw fail(400, 'monev.periodInvalid', 'Akhir periode harus setelah awalnya.', 'The end of the period must come after its start.');
      }
      const asked = q.revision === undefined ? undefined : Number(q.revision);
      const revision = asked ?? (await latestRevision(db, sopId));
      if (revision === undefined) throw fail(404, 'revision.unknown', `SOP ${sopId} belum diterbitkan.`, `SOP ${sopId} has not been published.`);
      const published = await sops.get(db, sopId, revision);
      if (!published) throw fail(404, 'revision.unknown', `Revisi ${revision} dari ${sopId} belum diterbitkan.`, `Revision ${revision} of ${sopId} has not been published.`);
      const query: MonevQuery = {
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ...(q.office !== undefined ? { office: q.office } : {}),
        ...(q.lane !== undefined ? { lane: q.lane } : {}),
        ...(asked !== undefined ? { revision: asked } : {}),
      };
      const measures = await monevMeasuresFromSql(db, sopId, query, monevStepsOf(published.document), {
        calendar: SERVER_MONEV_CALENDAR,
        readBy: { officeId: office.id, regionCode: office.regionCode },
      });
      return { sopId, revision, timeZone: SERVER_MONEV_CALENDAR.timeZone, measures };
    },
  );
};

async function latestRevision(db: RoutePluginOptions['ctx']['db'], sopId: string): Promise<number | undefined> {
  const { rows } = await db.query<{ revision: number | null }>('SELECT max(revision) AS revision FROM sop_revisions WHERE sop_id = $1', [sopId]);
  return rows[0]?.revision ?? undefined;
}
