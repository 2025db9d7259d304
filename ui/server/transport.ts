/**
 * HTTP to the server (docs/sync-protocol.md), the part both apps share: JSON
 * under /api/v1, the session cookie sent with every request (credentials
 * 'include'), the session's CSRF token on every unsafe request, and refusals
 * turned into bilingual `TransportError`s. Signing in and out and publishing
 * a revision live here; the runtime's case sync extends it
 * (runtime/sync/transport.ts). Knows nothing of IndexedDB or React.
 *
 * `fetch` is given, not taken from the page, so tests run the apps against
 * an in-memory server in the same page (ui/server/testing/fakeServer.ts).
 */
import type { LocalizedText } from '../../core/engine';
import { API_PREFIX, CSRF_HEADER, type ApiError, type PublishedRevision, type SessionInfo } from '../../core/sync';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { originalOf } from '../../core/migrations';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The part of EventSource the runtime's live stream uses (given, like fetch, so tests can fake it). */
export interface StreamLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
  onerror: ((event: Event) => void) | null;
}
export type OpenStream = (url: string) => StreamLike;

export interface ServerTransportOptions {
  fetch?: FetchLike;
}

/**
 * Why a request failed. `offline`: no answer at all (no network, server down,
 * answer lost); retrying is safe because every write is idempotent.
 * `unauthorized`: the session ended; the user must sign in again.
 * `refused`: the server answered no (4xx) and will answer no again.
 * `server`: a 5xx or 429; try again later.
 */
export class TransportError extends Error {
  constructor(
    readonly kind: 'offline' | 'unauthorized' | 'refused' | 'server',
    readonly status: number,
    readonly localized: LocalizedText,
    readonly code: string = kind,
    /** How long the server asked to be left alone (its `Retry-After`, on 503 and 429). */
    readonly retryAfterMs?: number,
  ) {
    super(localized.en);
  }
}

/** `Retry-After` in seconds (the form this server sends), in ms; undefined when absent or not a number of seconds. */
export function retryAfterMsOf(response: { headers: { get(name: string): string | null } }): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value || !/^\d{1,6}$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}

export const OFFLINE_MESSAGE: LocalizedText = {
  id: 'Server tidak dapat dihubungi. Pekerjaan tetap tersimpan di perangkat ini dan dikirim begitu tersambung.',
  en: 'The server cannot be reached. Work stays saved on this device and is sent once connected.',
};

function unsafe(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

export class ServerTransport {
  private readonly fetchImpl: FetchLike;

  constructor(
    readonly baseUrl: string,
    /** The session's CSRF token; sign-in and `me()` replace it with the server's current one. */
    private csrfToken: string | undefined,
    options: ServerTransportOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  url(path: string): string {
    return `${this.baseUrl}${API_PREFIX}${path}`;
  }

  protected async request(method: string, path: string, body?: BodyInit | object, contentType?: string): Promise<Response> {
    const headers: Record<string, string> = {};
    const token = this.csrfToken;
    // Every unsafe request carries the token, except signing in (there is no session yet).
    if (unsafe(method) && token && !(method === 'POST' && path === '/session')) headers[CSRF_HEADER] = token;
    let payload: BodyInit | undefined;
    if (body instanceof Blob || body instanceof ArrayBuffer || typeof body === 'string') {
      payload = body;
      headers['content-type'] = contentType ?? 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path), { method, headers, credentials: 'include', ...(payload !== undefined ? { body: payload } : {}) });
    } catch {
      throw new TransportError('offline', 0, OFFLINE_MESSAGE);
    }
    if (response.ok) return response;
    const error = await response.json().then((b: ApiError) => b?.error).catch(() => undefined);
    const message: LocalizedText = error?.message && typeof error.message.id === 'string' ? error.message : {
      id: `Server menolak permintaan (HTTP ${response.status}).`,
      en: `The server refused the request (HTTP ${response.status}).`,
    };
    const kind = response.status === 401 ? 'unauthorized' : response.status >= 500 || response.status === 429 ? 'server' : 'refused';
    throw new TransportError(kind, response.status, message, error?.code ?? `http.${response.status}`, retryAfterMsOf(response));
  }

  protected async json<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await this.request(method, path, body);
    try {
      return (await response.json()) as T;
    } catch {
      // A cut-off answer is no answer: the request may or may not have been applied, and a retry is safe.
      throw new TransportError('offline', response.status, OFFLINE_MESSAGE);
    }
  }

  async signIn(login: string, password: string): Promise<SessionInfo> {
    const info = await this.json<SessionInfo>('POST', '/session', { login, password });
    this.csrfToken = info.csrfToken;
    return info;
  }

  async me(): Promise<SessionInfo> {
    const info = await this.json<SessionInfo>('GET', '/me');
    this.csrfToken = info.csrfToken;
    return info;
  }

  async signOut(): Promise<void> {
    await this.request('DELETE', '/session');
  }

  /**
   * Publishes a frozen revision. Idempotent on the server: the same number
   * with the same content answers 200 with the stored record; other content
   * under that number is a 409 (`revision.conflict`).
   */
  async publishRevision(doc: SopDocument): Promise<PublishedRevision> {
    // Sent as published (a revision of an earlier schema version too): the server hashes what it receives.
    const { revision } = await this.json<{ revision: PublishedRevision }>('PUT', `/sops/${encodeURIComponent(doc.id)}/revisions/${doc.revision.number}`, { document: originalOf(doc) });
    return revision;
  }
}
