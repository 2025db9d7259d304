/**
 * Publishing SOP revisions and reading the catalogue (docs/sync-protocol.md
 * "Publication and catalogue"). The document is checked by `validateSop`
 * with the publish rules: the very function the designer and the runtime
 * run, so the server never accepts what an app would refuse, or the reverse.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { LocalizedText } from '../../core/engine';
import { canonicalJson, sopContentHash } from '../../core/engine';
import { SOP_LIMITS } from '../../core/validation/limits';
import { validateSop } from '../../core/validation/validateSop';
import type { PublishRevisionRequest, PublishedRevision, RevisionResponse } from '../../core/sync/protocol';
import { requireRole } from '../auth/authenticate';
import { fail } from '../http/apiFailure';
import { schemaRef } from '../http/requestSchemas';
import { notifyCataloguePublished } from '../publication/catalogueNotice';
import { catalogueForOffice, findRevision, insertRevisionOnce, officeHasLaneIn } from '../publication/revisionsRepo';
import type { RoutePluginOptions } from '../app';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { officeReadsCaseOn } from '../cases/casesRepo';

// The document may be as large as the apps allow (20 MiB of UTF-8); the envelope `{"document": …}` adds little.
export const PUBLISH_BODY_LIMIT = SOP_LIMITS.maxBytes + 64 * 1024;

const MAX_DETAILS = 50;

export const publicationRoutes: FastifyPluginAsync<RoutePluginOptions> = async (app, { ctx, authenticate }) => {
  const { db } = ctx;
  const params = { $ref: schemaRef('publication', 'RevisionParams') };

  app.put(
    '/sops/:sopId/revisions/:revision',
    {
      bodyLimit: PUBLISH_BODY_LIMIT,
      schema: { params, body: { $ref: schemaRef('publication', 'PublishRevisionRequest') } },
      preHandler: [authenticate, requireRole('publisher')],
    },
    async (request, reply) => {
      const { sopId, revision: revisionText } = request.params as { sopId: string; revision: string };
      const revision = Number(revisionText);
      const { document } = request.body as PublishRevisionRequest;
      const checked = validateSop(document, { purpose: 'publish' });
      const errors = checked.diagnostics.filter((d) => d.severity === 'error');
      if (!checked.document || errors.length > 0) {
        const details: Record<string, LocalizedText> = {};
        for (const d of errors.slice(0, MAX_DETAILS)) details[`/document${d.pointer}`] ??= d.message;
        throw fail(
          422,
          'sop.invalid',
          `Dokumen SOP tidak dapat diterbitkan: ${errors.length} kesalahan.`,
          `The SOP document cannot be published: ${errors.length} error${errors.length === 1 ? '' : 's'}.`,
          details,
        );
      }
      const doc = checked.document;
      if (doc.id !== sopId || doc.revision.number !== revision) {
        throw fail(
          422,
          'sop.idMismatch',
          `Alamat menyebut ${sopId} revisi ${revision}, tetapi dokumennya ${doc.id} revisi ${doc.revision.number}.`,
          `The address names ${sopId} revision ${revision}, but the document is ${doc.id} revision ${doc.revision.number}.`,
        );
      }
      if (doc.revision.status !== 'published') {
        throw fail(
          422,
          'revision.notPublished',
          `Revisi ini berstatus "${doc.revision.status}"; hanya revisi berstatus "published" yang dapat diterbitkan.`,
          `This revision has status "${doc.revision.status}"; only a revision with status "published" can be published.`,
        );
      }
      // A revision an older designer publishes in an earlier schema version was migrated to be checked;
      // it is stored as sent, so its hash is the one that designer and its cases computed.
      const contentHash = sopContentHash(document as SopDocument);
      const { inserted, stored } = await db.transaction(async (tx) => {
        const outcome = await insertRevisionOnce(tx, {
          sopId,
          revision,
          contentHash,
          title: doc.identity.title ?? '',
          documentText: canonicalJson(document),
          publishedAt: ctx.now().toISOString(),
          publishedBy: request.auth!.user.id,
        });
        // Clerks already signed in hear of it now, not at their next catalogue poll; a retried upload tells no one again.
        if (outcome.inserted) await notifyCataloguePublished(tx, sopId, revision);
        return outcome;
      });
      if (inserted) {
        request.log.info({ sopId, revision, contentHash, by: request.auth!.user.id }, 'revision published');
        return reply.code(201).send({ revision: stored });
      }
      // Republishing the same content is harmless (a retried upload); different content under a used number never is.
      if (stored.contentHash === contentHash) return reply.code(200).send({ revision: stored });
      throw fail(
        409,
        'revision.conflict',
        `Revisi ${revision} dari ${sopId} sudah diterbitkan dengan isi lain. Terbitkan sebagai revisi baru.`,
        `Revision ${revision} of ${sopId} was already published with other content. Publish it as a new revision.`,
      );
    },
  );

  app.get('/catalogue', { preHandler: authenticate }, async (request) => ({
    entries: await catalogueForOffice(db, request.auth!.office.id),
  }));

  app.get('/sops/:sopId/revisions/:revision', { schema: { params }, preHandler: authenticate }, async (request): Promise<RevisionResponse & { revision: PublishedRevision }> => {
    const { sopId, revision } = request.params as { sopId: string; revision: string };
    const { user, office } = request.auth!;
    // Publishers read what they publish; everyone else the SOPs their office plays a lane in,
    // and the revisions of cases their office may see (a lane taken away leaves its cases readable).
    const mayRead =
      user.roles.includes('publisher') || (await officeHasLaneIn(db, office.id, sopId)) || (await officeReadsCaseOn(db, office, sopId, Number(revision)));
    if (!mayRead) {
      throw fail(403, 'revision.forbidden', 'Kantor Anda tidak memegang lajur dalam SOP ini.', 'Your office holds no lane in this SOP.');
    }
    const stored = await findRevision(db, sopId, Number(revision));
    if (!stored) throw fail(404, 'revision.unknown', `Revisi ${revision} dari ${sopId} belum diterbitkan.`, `Revision ${revision} of ${sopId} has not been published.`);
    const { documentText, ...summary } = stored;
    return { document: JSON.parse(documentText), contentHash: stored.contentHash, revision: summary };
  });
};
