/**
 * HTTP to the server (docs/sync-protocol.md): JSON under /api/v1, the session
 * cookie sent with every request (credentials 'include'), and the session's
 * CSRF token on every unsafe request. Knows nothing of IndexedDB.
 *
 * `fetch` and `EventSource` are given, not taken from the page, so tests run
 * the client against an in-memory server in the same page.
 */
import type { LocalizedText } from '../../core/engine';
import {
  API_PREFIX,
  CSRF_HEADER,
  type ApiError,
  type CatalogueEntry,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SessionInfo,
} from '../../core/sync';
import type { SopDocument } from '../../schemas/generated/sop.types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The part of EventSource the client uses. */
export interface StreamLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
  onerror: ((event: Event) => void) | null;
}
export type OpenStream = (url: string) => StreamLike;

export interface TransportOptions {
  fetch?: FetchLike;
  openStream?: OpenStream;
}

/**
 * Why a request failed. `offline`: no answer at all (no network, server down,
 * answer lost); retrying is safe because command ids make pushes idempotent.
 * `unauthorized`: the session ended; the clerk must sign in again.
 */
export class TransportError extends Error {
  constructor(
    readonly kind: 'offline' | 'unauthorized' | 'refused' | 'server',
    readonly status: number,
    readonly localized: LocalizedText,
    readonly code: string = kind,
  ) {
    super(localized.en);
  }
}

const OFFLINE: LocalizedText = {
  id: 'Server tidak dapat dihubungi. Pekerjaan tetap tersimpan di perangkat ini dan dikirim begitu tersambung.',
  en: 'The server cannot be reached. Work stays saved on this device and is sent once connected.',
};

function unsafe(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

export class SyncTransport {
  private readonly fetchImpl: FetchLike;
  private readonly openStreamImpl: OpenStream | undefined;

  constructor(
    readonly baseUrl: string,
    /** The session's CSRF token; sign-in and `me()` replace it with the server's current one. */
    private csrfToken: string | undefined,
    options: TransportOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.openStreamImpl = options.openStream ?? (typeof EventSource === 'undefined' ? undefined : (url) => new EventSource(url, { withCredentials: true }) as unknown as StreamLike);
  }

  url(path: string): string {
    return `${this.baseUrl}${API_PREFIX}${path}`;
  }

  private async request(method: string, path: string, body?: BodyInit | object, contentType?: string): Promise<Response> {
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
      throw new TransportError('offline', 0, OFFLINE);
    }
    if (response.ok) return response;
    const error = await response.json().then((b: ApiError) => b?.error).catch(() => undefined);
    const message: LocalizedText = error?.message && typeof error.message.id === 'string' ? error.message : {
      id: `Server menolak permintaan (HTTP ${response.status}).`,
      en: `The server refused the request (HTTP ${response.status}).`,
    };
    const kind = response.status === 401 ? 'unauthorized' : response.status >= 500 || response.status === 429 ? 'server' : 'refused';
    throw new TransportError(kind, response.status, message, error?.code ?? `http.${response.status}`);
  }

  private async json<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await this.request(method, path, body);
    try {
      return (await response.json()) as T;
    } catch {
      // A cut-off answer is no answer: the request may or may not have been applied, and a retry is safe.
      throw new TransportError('offline', response.status, OFFLINE);
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

  async putAttachment(sha256: string, blob: Blob): Promise<void> {
    await this.request('PUT', `/attachments/${sha256}`, blob, blob.type || 'application/octet-stream');
  }

  push(request: PushRequest): Promise<PushResponse> {
    return this.json('POST', '/sync/push', request);
  }

  pull(after: string, limit: number): Promise<PullResponse> {
    const query = new URLSearchParams({ after, limit: String(limit) });
    return this.json('GET', `/sync/pull?${query}`);
  }

  catalogue(): Promise<{ entries: CatalogueEntry[] }> {
    return this.json('GET', '/catalogue');
  }

  sopRevision(sopId: string, revision: number): Promise<{ document: SopDocument; contentHash: string }> {
    return this.json('GET', `/sops/${encodeURIComponent(sopId)}/revisions/${revision}`);
  }

  /** Listens for `changed` (events the office may see were committed); returns a function that stops listening. */
  listen(onChanged: () => void, onError: () => void): () => void {
    if (!this.openStreamImpl) return () => undefined;
    const stream = this.openStreamImpl(this.url('/sync/stream'));
    stream.addEventListener('changed', () => onChanged());
    stream.onerror = () => onError();
    return () => stream.close();
  }
}
