/**
 * Sends the revisions this designer published to the server
 * (`PUT /api/v1/sops/:sopId/revisions/:revision`), and keeps sending until the
 * server has answered for each: at once after publishing, when the designer
 * opens, when the network comes back, when a publisher signs in (in this app
 * or the runtime: the account is shared), and on a timer that backs off.
 *
 * The queue row is written in the publishing transaction, so a revision is
 * never lost to a closed tab or a crash; a row leaves `pending` only with the
 * server's answer stored (core/sync serverPublication). Two designer tabs may
 * both send one revision: harmless, the server answers the second 200 for
 * the same content.
 */
import { liveQuery, type Subscription } from 'dexie';
import { classifyRefusal, isDue, nextServerPublicationStatus, type ServerPublicationAnswer } from '../../core/sync';
import { storedSession, type DeviceDb, type StoredSession } from '../../device';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { hasRole, refreshServerSession } from '../../ui/server/session';
import { ServerTransport, TransportError, type ServerTransportOptions } from '../../ui/server/transport';
import type { ServerPublicationRecord, SopRepository } from '../storage';

/** With work waiting for a publisher (or a far backoff), look again at least this often. */
export const PUBLICATION_POLL_MS = 60_000;

export interface ServerPublisherOptions extends ServerTransportOptions {
  repository: SopRepository;
  device: DeviceDb;
  now?: () => number;
  random?: () => number;
  /** The window whose `online` event sends what waits. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  pollMs?: number;
}

/** Why publishing right now does or does not reach the server. */
export type PublisherStanding = { kind: 'publisher'; session: StoredSession } | { kind: 'notPublisher'; session: StoredSession } | { kind: 'signedOut' };

export function standingOf(session: StoredSession | undefined | null): PublisherStanding {
  if (!session) return { kind: 'signedOut' };
  return hasRole(session, 'publisher') ? { kind: 'publisher', session } : { kind: 'notPublisher', session };
}

export class ServerPublisher {
  private readonly repository: SopRepository;
  private readonly device: DeviceDb;
  private readonly now: () => number;
  private running: Promise<void> | null = null;
  private again = false;
  private ignoreBackoff = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sessionWatch: Subscription | undefined;
  private stopped = true;
  // The network came back: what waited out a backoff for lack of it goes now.
  private readonly onOnline = () => void this.sendDue({ ignoreBackoff: true });

  constructor(private readonly options: ServerPublisherOptions) {
    this.repository = options.repository;
    this.device = options.device;
    this.now = options.now ?? Date.now;
  }

  async standing(): Promise<PublisherStanding> {
    return standingOf(await storedSession(this.device));
  }

  /** Sends what is due now and whenever something may have changed, until `stop()`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.options.events?.addEventListener('online', this.onOnline);
    // A sign-in (here or in the runtime) changes the stored account: what waited for a publisher goes now.
    let first = true;
    this.sessionWatch = liveQuery(() => storedSession(this.device)).subscribe({
      next: () => {
        if (!first) void this.sendDue();
        first = false;
      },
      error: () => undefined,
    });
    void this.sendDue();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.options.events?.removeEventListener('online', this.onOnline);
    this.sessionWatch?.unsubscribe();
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Tries one revision now, whatever its backoff (the drafter just published
   * it, or asked), and returns where it stands afterwards.
   */
  async sendNow(sopId: string, number: number): Promise<ServerPublicationRecord | undefined> {
    const record = await this.repository.serverPublication(sopId, number);
    if (record?.state === 'pending') await this.attempt(record, await storedSession(this.device));
    return this.repository.serverPublication(sopId, number);
  }

  /** One pass over everything due; a call during a pass runs one more pass after it. */
  sendDue(options: { ignoreBackoff?: boolean } = {}): Promise<void> {
    if (options.ignoreBackoff) this.ignoreBackoff = true;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const ignoreBackoff = this.ignoreBackoff;
          this.ignoreBackoff = false;
          await this.pass(ignoreBackoff);
        } while (this.again);
      } finally {
        this.running = null;
        this.schedule();
      }
    })();
    return this.running;
  }

  private async pass(ignoreBackoff: boolean): Promise<void> {
    let session = await storedSession(this.device).catch(() => undefined);
    if (!hasRole(session, 'publisher')) return;
    const due = (await this.repository.pendingServerPublications().catch(() => [])).filter((r) => ignoreBackoff || isDue(r, this.now()));
    for (const record of due) {
      const answer = await this.attempt(record, session);
      // The server is unreachable or the session ended: the rest would meet the same, so they wait for the next pass.
      if (answer?.kind === 'unreachable' || answer?.kind === 'needsPublisher') break;
      session = (await storedSession(this.device)) ?? session;
    }
  }

  private async attempt(record: ServerPublicationRecord, session: StoredSession | undefined): Promise<ServerPublicationAnswer | undefined> {
    if (!session || !hasRole(session, 'publisher')) return undefined;
    const doc = await this.repository.loadRevision(record.sopId, record.number);
    if (!doc) return undefined;
    const answer = await this.put(doc, session);
    await this.repository.recordServerStatus(record.sopId, record.number, nextServerPublicationStatus(record, answer, this.now(), this.options.random));
    return answer;
  }

  private async put(doc: SopDocument, session: StoredSession): Promise<ServerPublicationAnswer> {
    const transport = new ServerTransport(session.baseUrl, session.csrfToken, this.options);
    try {
      return { kind: 'accepted', revision: await transport.publishRevision(doc) };
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      // The CSRF token or the roles may have changed on the server since sign-in: ask who we are, then try once more.
      if (error.code === 'csrf.invalid' || error.code === 'role.forbidden') {
        try {
          const fresh = await refreshServerSession(this.device, transport);
          if (hasRole(fresh, 'publisher')) return { kind: 'accepted', revision: await transport.publishRevision(doc) };
        } catch (retryError) {
          if (!(retryError instanceof TransportError)) throw retryError;
          return answerOf(retryError);
        }
      }
      return answerOf(error);
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    void this.repository
      .pendingServerPublications()
      .then((pending) => {
        if (this.stopped || pending.length === 0) return;
        const soonest = Math.min(...pending.map((r) => r.nextAttemptAt));
        const wait = Math.max(0, Math.min(soonest - this.now(), this.options.pollMs ?? PUBLICATION_POLL_MS));
        this.timer = setTimeout(() => void this.sendDue(), Math.max(wait, 250));
      })
      .catch(() => undefined);
  }
}

function answerOf(error: TransportError): ServerPublicationAnswer {
  if (error.kind === 'offline' || error.kind === 'server') return { kind: 'unreachable', message: error.localized };
  return classifyRefusal(error.status, error.code, error.localized);
}
