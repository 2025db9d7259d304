/**
 * Every refusal leaves as the protocol's bilingual error body. Schema
 * failures carry per-field details (JSON pointer → message) worded by the
 * same code that words the apps' schema diagnostics.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { LocalizedText } from '../../core/engine';
import { formatByteSize } from '../../core/validation/limits';
import { schemaErrorsToDiagnostics, type SchemaError } from '../../core/validation/schemaDiagnostics';
import { ApiFailure, errorBody } from './apiFailure';

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiFailure) {
      if (error.headers) reply.headers(error.headers);
      return reply.code(error.status).send(error.body());
    }
    if (error.validation) {
      const where = error.validationContext ?? 'body';
      const details: Record<string, LocalizedText> = {};
      for (const diagnostic of schemaErrorsToDiagnostics(error.validation as SchemaError[])) {
        details[`/${where}${diagnostic.pointer}`] ??= diagnostic.message;
      }
      return reply.code(400).send(
        errorBody(
          'request.invalid',
          { id: 'Permintaan tidak sah: periksa isian yang disebut.', en: 'The request is invalid: check the fields named.' },
          details,
        ),
      );
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      const limit = formatByteSize(request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0);
      return reply.code(413).send(
        errorBody('request.tooLarge', {
          id: `Isi permintaan terlalu besar (batas ${limit}).`,
          en: `The request body is too large (limit ${limit}).`,
        }),
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return reply.code(415).send(
        errorBody('request.unsupportedMediaType', {
          id: 'Jenis isi permintaan tidak didukung; kirim JSON (application/json).',
          en: 'Unsupported request content type; send JSON (application/json).',
        }),
      );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, an empty body where one is required, a bad header: the client's mistake.
      return reply.code(error.statusCode).send(
        errorBody('request.invalid', { id: 'Permintaan tidak dapat dibaca.', en: 'The request could not be read.' }),
      );
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(
      errorBody('server.internal', {
        id: `Terjadi kesalahan di server. Sebutkan kode ${request.id} kepada admin.`,
        en: `The server failed. Quote reference ${request.id} to the administrator.`,
      }),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(
      errorBody('request.notFound', {
        id: `Alamat ${request.method} ${request.url.split('?')[0]} tidak ada.`,
        en: `There is no ${request.method} ${request.url.split('?')[0]}.`,
      }),
    ),
  );
}
