/**
 * The runtime's case sync over HTTP (docs/sync-protocol.md): push, pull,
 * attachments, the catalogue and the live stream, on top of the transport
 * both apps share (ui/server/transport.ts: JSON, cookie, CSRF, sign-in).
 *
 * `fetch` and `EventSource` are given, not taken from the page, so tests run
 * the client against an in-memory server in the same page.
 */
import type { MonevQuery } from '../../core/monev';
import type { MonevResponse } from '../../core/sync/protocol';
import { STREAM_EVENT, type CatalogueEntry, type PullResponse, type PushRequest, type PushResponse } from '../../core/sync';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { ServerTransport, type OpenStream, type ServerTransportOptions, type StreamLike } from '../../ui/server/transport';

export { TransportError, type FetchLike, type OpenStream, type StreamLike } from '../../ui/server/transport';

export interface TransportOptions extends ServerTransportOptions {
  openStream?: OpenStream;
}

export class SyncTransport extends ServerTransport {
  private readonly openStreamImpl: OpenStream | undefined;

  constructor(baseUrl: string, csrfToken: string | undefined, options: TransportOptions = {}) {
    super(baseUrl, csrfToken, options);
    this.openStreamImpl = options.openStream ?? (typeof EventSource === 'undefined' ? undefined : (url) => new EventSource(url, { withCredentials: true }) as unknown as StreamLike);
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

  /** The monev measures of the SOP's cases the office reads, on every device (server/routes/monevRoutes.ts). */
  monev(sopId: string, query: MonevQuery): Promise<MonevResponse> {
    const params = new URLSearchParams();
    // Instants travel as ISO strings, so the server reads the same instants the device would filter on.
    if (query.from !== undefined) params.set('from', new Date(query.from).toISOString());
    if (query.to !== undefined) params.set('to', new Date(query.to).toISOString());
    if (query.office !== undefined) params.set('office', query.office);
    if (query.lane !== undefined) params.set('lane', query.lane);
    if (query.revision !== undefined) params.set('revision', String(query.revision));
    const search = params.toString();
    return this.json('GET', `/monev/${encodeURIComponent(sopId)}${search ? `?${search}` : ''}`);
  }

  /**
   * Listens for `changed` (events the office may see were committed), `catalogue` (the office's catalogue may
   * have changed: a revision was published) and `signedOut` (the session ended while the stream was open; the
   * stream is closed at once, or the browser would reconnect to a 401 by itself). Returns a function that stops
   * listening.
   */
  listen(handlers: { onChanged: () => void; onCatalogue: () => void; onSignedOut: () => void }): () => void {
    if (!this.openStreamImpl) return () => undefined;
    const stream = this.openStreamImpl(this.url('/sync/stream'));
    stream.addEventListener(STREAM_EVENT.changed, () => handlers.onChanged());
    stream.addEventListener(STREAM_EVENT.catalogue, () => handlers.onCatalogue());
    stream.addEventListener(STREAM_EVENT.signedOut, () => {
      stream.close();
      handlers.onSignedOut();
    });
    return () => stream.close();
  }
}
