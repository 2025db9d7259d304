/**
 * A refusal the API answers with: an HTTP status and the bilingual error body
 * of docs/sync-protocol.md (`{ error: { code, message: { id, en }, details? } }`).
 * Thrown by services and routes; the app's error handler turns it into the response,
 * and the admin CLI prints its message.
 */
import type { LocalizedText } from '../../core/engine';
import type { ApiError, ApiErrorCode } from '../../core/sync/protocol';

export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly text: LocalizedText,
    readonly details?: Record<string, LocalizedText>,
    /** Extra response headers (Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(text.en);
  }

  body(): ApiError {
    return errorBody(this.code, this.text, this.details);
  }
}

export function errorBody(code: ApiErrorCode, message: LocalizedText, details?: Record<string, LocalizedText>): ApiError {
  return { error: details && Object.keys(details).length > 0 ? { code, message, details } : { code, message } };
}

export const fail = (status: number, code: ApiErrorCode, id: string, en: string, details?: Record<string, LocalizedText>) =>
  new ApiFailure(status, code, { id, en }, details);
