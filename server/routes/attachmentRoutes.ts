/**
 * Attachment bytes by SHA-256 (docs/sync-protocol.md "Case sync"). Uploads
 * are raw bodies of any content type, so this plugin has its own body parser
 * and size limit; the rest of the API parses JSON only.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { ATTACHMENT_MAX_BYTES } from '../../core/sync/protocol';
import type { RoutePluginOptions } from '../app';
import { recordUpload, userMayReadFile } from '../attachments/attachmentAccess';
import type { AttachmentStore } from '../attachments/attachmentStore';
import { fail } from '../http/apiFailure';
import { schemaRef } from '../http/requestSchemas';

export interface AttachmentRouteOptions extends RoutePluginOptions {
  store: AttachmentStore;
}

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

export const attachmentRoutes: FastifyPluginAsync<AttachmentRouteOptions> = async (app, { ctx, authenticate, store }) => {
  const params = { $ref: schemaRef('sync', 'AttachmentParams') };
  // A file is bytes whatever its type: a JSON or text file must not be parsed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.put('/attachments/:sha256', { schema: { params }, bodyLimit: ATTACHMENT_MAX_BYTES, preHandler: authenticate }, async (request, reply) => {
    const { sha256 } = request.params as { sha256: string };
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw fail(422, 'attachment.hashMismatch', 'Isi berkas tidak sesuai dengan sidik SHA-256 pada alamatnya.', 'The file does not match the SHA-256 in its address.');
    }
    const declared = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const contentType = CONTENT_TYPE.test(declared) ? declared : 'application/octet-stream';
    const now = ctx.now();
    const { created } = await store.put(sha256, bytes, contentType, now);
    // Whoever sent the right bytes holds the file: they may refer to it and read it back.
    await recordUpload(ctx.db, sha256, request.auth!.user.id, now);
    return reply.code(created ? 201 : 200).send();
  });

  app.get('/attachments/:sha256', { schema: { params }, preHandler: authenticate }, async (request, reply) => {
    const { sha256 } = request.params as { sha256: string };
    const { user, office } = request.auth!;
    // Unknown and not yours answer alike, so the answer says nothing of other offices' files.
    const file = (await userMayReadFile(ctx.db, { userId: user.id, office }, sha256)) ? await store.get(sha256) : undefined;
    if (!file) throw fail(404, 'attachment.unknown', 'Berkas tidak ada, atau Anda tidak berhak membukanya.', 'The file does not exist, or you may not open it.');
    return reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      // Never rendered in the API's origin as a page: downloaded, and not sniffed into HTML.
      .header('content-disposition', `attachment; filename="${sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });
};
