/**
 * The sync loop: pushes the outbox, pulls the office's events with the
 * cursor, keeps the catalogue, and sleeps until something happens (a commit
 * in any tab, the server's stream saying `changed` or `catalogue`, the
 * network coming back, a timer), backing off with jitter after failures.
 *
 * One tab syncs: the loop runs while holding a Web Lock named after the
 * database; other tabs queue on the same lock and take over when the leader
 * closes. Not `steal`: a robbed tab's request in flight would go on
 * regardless, so two tabs would push at once (harmless, since command ids
 * make pushes idempotent, but wasteful). A follower tab asks the leader to
 * sync now through a BroadcastChannel instead.
 *
 * Nothing here deletes an outbox row on a failure: rows leave the outbox only
 * inside the transaction that stores the server's answer.
 */
import { liveQuery } from 'dexie';
import { sopContentHash, type LocalizedText } from '../../core/engine';
import { BACKOFF_CAP_MS, backoffDelay, nextPushBatch, type PushResult, type SyncRejection } from '../../core/sync';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { addRevision, catalogueKeyOf, DeviceStorageError, type DeviceDb } from '../../device';
import type { OutboxRow, RuntimeDb } from '../storage/db';
import { ensureDeviceId, serverLink, sha256OfBlob } from '../storage/outbox';
import { getSopRevision, loadCalendar, storeSopRevision } from '../storage/repository';
import { serverCatalogueOf, storeServerCatalogue } from '../storage/serverCatalogue';
import {
  CATALOGUE_CONFLICTS_KEY,
  CURSOR_KEY,
  LAST_ERROR_KEY,
  LAST_SYNC_KEY,
  caseSyncTables,
  groupPulled,
  rebaseStoredCase,
  setSyncValue,
  syncValue,
  type CatalogueConflict,
  type ServerAnswer,
  type SyncFailure,
} from './syncStore';
import { storedSession } from '../../device';
import { refreshServerSession } from '../../ui/server/session';
import { sessionForLink } from './session';
import { SyncTransport, TransportError, type TransportOptions } from './transport';

export const PULL_LIMIT = 500;
/** Without news from the stream, the loop still looks every so often (the stream may be cut by a proxy). */
export const POLL_MS = 60_000;
const CATALOGUE_EVERY_MS = 5 * 60_000;
/** A cycle that keeps finding stale answers (offices racing on one case) yields after this many batches. */
const MAX_BATCHES_PER_CYCLE = 50;

export type SyncActivity = 'starting' | 'follower' | 'syncing' | 'idle' | 'offline' | 'waiting' | 'signedOut' | 'stopped';

export interface SyncClientOptions extends TransportOptions {
  db: RuntimeDb;
  device: DeviceDb;
  /** The page's Web Locks (navigator.locks); tests give one per simulated tab. */
  locks?: LockManager;
  random?: () => number;
  pollMs?: number;
  /** Events per pull page (the server may return a little more to finish a command). */
  pullLimit?: number;
  /** Whether the browser believes it is online (navigator.onLine). */
  isOnline?: () => boolean;
  /** The window whose online/offline events wake the loop. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  onActivity?: (activity: SyncActivity) => void;
}

export interface SyncCycle {
  pushed: number;
  pulled: number;
}

class NotSignedIn extends Error {}

export const lockNameFor = (db: RuntimeDb): string => `sop-studio-sync:${db.name}`;

export class SyncClient {
  private readonly db: RuntimeDb;
  private readonly device: DeviceDb;
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  /**
   * What a round must do again because it was asked while the round ran: a command queued after its push read
   * the outbox, a `changed` announced after its pull began. Waking only ends a sleep, so without these a notice
   * that comes while the loop is awake would wait for the next poll.
   */
  private readonly wanted = { push: false, pull: false };
  private lockAbort = new AbortController();
  private done: Promise<void> = Promise.resolve();
  private readonly uploaded = new Set<string>();
  private lastCatalogueAt = 0;
  /** The stream said the catalogue changed: the next round reads it whatever the time. */
  private catalogueWanted = false;
  private channel: BroadcastChannel | null = null;
  activity: SyncActivity = 'starting';

  constructor(private readonly options: SyncClientOptions) {
    this.db = options.db;
    this.device = options.device;
  }

  private setActivity(activity: SyncActivity): void {
    this.activity = activity;
    this.options.onActivity?.(activity);
  }

  /** Joins the queue for the sync lock; while this tab holds it, the loop runs. */
  start(): void {
    this.stopped = false;
    const locks = this.options.locks ?? (typeof navigator !== 'undefined' ? navigator.locks : undefined);
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(lockNameFor(this.db));
      this.channel.onmessage = () => this.want('push', 'pull');
    }
    if (!locks) {
      // No Web Locks (a very old browser): this tab syncs; idempotent pushes keep a second tab harmless.
      this.done = this.lead();
      return;
    }
    const name = lockNameFor(this.db);
    this.done = locks
      .request(name, { ifAvailable: true }, async (lock) => {
        if (lock) return this.lead();
        this.setActivity('follower');
        return locks.request(name, { signal: this.lockAbort.signal }, () => this.lead());
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
      });
  }

  /** Stops the loop (and leaves the lock queue); resolves once the lock is released. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.lockAbort.abort();
    this.channel?.close();
    this.channel = null;
    this.wake();
    await this.done;
    this.setActivity('stopped');
  }

  /** Wakes the loop now (this tab leads), or asks the leading tab to. */
  requestSync(): void {
    this.want('push', 'pull');
    this.channel?.postMessage('sync');
  }

  private wantCatalogue(): void {
    this.catalogueWanted = true;
    this.wake();
  }

  private want(...parts: ('push' | 'pull')[]): void {
    for (const part of parts) this.wanted[part] = true;
    this.wake();
  }

  private wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = null;
    wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private online(): boolean {
    return this.options.isOnline ? this.options.isOnline() : typeof navigator === 'undefined' || navigator.onLine !== false;
  }

  /** The loop, run while this tab holds the lock. */
  private async lead(): Promise<void> {
    const events = this.options.events ?? (typeof window !== 'undefined' ? window : undefined);
    const onNetwork = () => this.wake();
    events?.addEventListener('online', onNetwork);
    events?.addEventListener('offline', onNetwork);
    // A commit in any tab changes the outbox: push it without waiting for the timer.
    // Only a newly queued command is news: the round's own push empties the outbox, and waking for that would
    // run an empty round.
    let queued: Set<string> | undefined;
    const outboxWatch = liveQuery(() => this.db.outbox.toCollection().primaryKeys()).subscribe({
      next: (keys) => {
        if (queued && keys.some((key) => !queued!.has(key))) this.want('push');
        queued = new Set(keys);
      },
      error: () => undefined,
    });
    let stopListening: () => void = () => undefined;
    let listeningTo: string | undefined;
    // While the session is known to have ended, no stream is opened: it would only be refused.
    let signedOut = false;
    const closeStream = () => {
      stopListening();
      stopListening = () => undefined;
      listeningTo = undefined;
    };
    const listen = (transport: SyncTransport) => {
      if (signedOut || listeningTo === transport.baseUrl) return;
      stopListening();
      listeningTo = transport.baseUrl;
      stopListening = transport.listen({
        onChanged: () => this.want('pull'),
        onCatalogue: () => this.wantCatalogue(),
        // The server ended the session (sign-out elsewhere, expiry, the account disabled or moved): look now,
        // so the clerk is asked to sign in at once rather than at the next poll.
        onSignedOut: () => {
          signedOut = true;
          closeStream();
          this.wake();
        },
      });
    };
    let failures = 0;
    try {
      while (!this.stopped) {
        if (!this.online()) {
          this.setActivity('offline');
          await this.sleep(this.options.pollMs ?? POLL_MS);
          continue;
        }
        try {
          this.setActivity('syncing');
          const transport = await this.transport();
          // Before the cycle, so the stream's opening `changed` does not start a second one.
          listen(transport);
          await this.cycle(transport);
          // Signed in again: the stream of the old session was closed, open one with the new.
          signedOut = false;
          listen(transport);
          failures = 0;
          this.setActivity('idle');
          // A publication announced while this round ran is read now, not after the poll.
          if (!this.catalogueWanted && !this.wanted.push && !this.wanted.pull) await this.sleep(this.options.pollMs ?? POLL_MS);
        } catch (error) {
          // Stopped, or the page closed the database under the loop (a restore, a test's clean-up): nothing to sync into.
          if (this.stopped || (error as { name?: string })?.name === 'DatabaseClosedError') break;
          if (error instanceof NotSignedIn || (error instanceof TransportError && error.kind === 'unauthorized')) {
            signedOut = true;
            closeStream();
            await this.recordFailure(error);
            this.setActivity('signedOut');
            // Waits for a sign-in (which wakes every tab's loop through the channel) or the timer.
            await this.sleep(this.options.pollMs ?? POLL_MS);
            continue;
          }
          failures += 1;
          await this.recordFailure(error);
          this.setActivity('waiting');
          // A busy server says how long to stay away; the backoff's jitter still spreads the devices out after it.
          const askedToWait = error instanceof TransportError ? (error.retryAfterMs ?? 0) : 0;
          await this.sleep(Math.min(BACKOFF_CAP_MS, askedToWait) + backoffDelay(failures - 1, this.options.random));
        }
      }
    } finally {
      closeStream();
      outboxWatch.unsubscribe();
      events?.removeEventListener('online', onNetwork);
      events?.removeEventListener('offline', onNetwork);
    }
  }

  private async recordFailure(error: unknown): Promise<void> {
    const failure: SyncFailure = {
      message: error instanceof TransportError || error instanceof DeviceStorageError ? error.localized : error instanceof NotSignedIn ? NOT_SIGNED_IN : unexpected(error),
      at: Date.now(),
      ...(error instanceof NotSignedIn || (error instanceof TransportError && error.kind === 'unauthorized') ? { signedOut: true } : {}),
    };
    await setSyncValue(this.db, LAST_ERROR_KEY, failure).catch(() => undefined);
  }

  private async transport(): Promise<SyncTransport> {
    const link = await serverLink(this.db);
    const session = sessionForLink(await storedSession(this.device), link);
    if (!link || !session) throw new NotSignedIn();
    return new SyncTransport(link.baseUrl, session.csrfToken, this.options);
  }

  /** One full round: everything queued goes out, everything new comes in. Also used directly by tests. */
  async syncOnce(): Promise<SyncCycle> {
    return this.cycle(await this.transport());
  }

  private async cycle(transport: SyncTransport): Promise<SyncCycle> {
    // Who is signed in may have changed on the server (positions, a new CSRF token); a 401 ends here.
    const { office } = await refreshServerSession(this.device, transport);
    const pushed = await this.pushAll(transport);
    const pulled = await this.pullAll(transport);
    const due =
      this.catalogueWanted ||
      Date.now() - this.lastCatalogueAt > CATALOGUE_EVERY_MS ||
      // Another account signed in here, or the device was linked elsewhere: what it may start on is not known yet.
      !(await serverCatalogueOf(this.db, await serverLink(this.db), office.id));
    if (due) {
      this.catalogueWanted = false;
      try {
        await this.pullCatalogue(transport, office.id);
      } catch (error) {
        this.catalogueWanted = true;
        throw error;
      }
      this.lastCatalogueAt = Date.now();
    }
    await this.db.transaction('rw', this.db.syncState, async () => {
      await setSyncValue(this.db, LAST_SYNC_KEY, Date.now());
      await setSyncValue(this.db, LAST_ERROR_KEY, undefined);
    });
    return { pushed, pulled };
  }

  private deviceId(): Promise<string> {
    return ensureDeviceId(this.db);
  }

  // ------------------------------------------------------------------ push

  private async pushAll(transport: SyncTransport): Promise<number> {
    // What was queued until now goes in this push.
    this.wanted.push = false;
    const deviceId = await this.deviceId();
    let answered = 0;
    for (let round = 0; round < MAX_BATCHES_PER_CYCLE && !this.stopped; round++) {
      const batch = nextPushBatch(await this.db.outbox.toArray());
      if (batch.length === 0) break;
      // Files go first: the server takes a command only with the bytes it refers to.
      const refused = new Map<string, SyncRejection>();
      const sendable: { row: OutboxRow; hashes: string[] }[] = [];
      for (const row of batch) {
        try {
          sendable.push({ row, hashes: await this.uploadFiles(transport, row) });
        } catch (error) {
          if (error instanceof TransportError && error.kind === 'refused') refused.set(row.commandId, { code: error.code, message: error.localized });
          else throw await this.countTry(batch, error);
        }
      }
      let results: PushResult[] = [];
      if (sendable.length > 0) {
        try {
          ({ results } = await transport.push({ deviceId, commands: sendable.map(({ row, hashes }) => ({ command: row.command, ...(row.sop ? { sop: row.sop } : {}), ...(hashes.length ? { attachments: hashes } : {}) })) }));
        } catch (error) {
          throw await this.countTry(batch, error);
        }
        if (results.length !== sendable.length || results.some((r, i) => r.commandId !== sendable[i]!.row.commandId)) {
          throw new TransportError('server', 200, MISMATCHED_ANSWER);
        }
      }
      await this.storePushAnswers(batch, results, refused);
      answered += batch.length;
    }
    return answered;
  }

  /** Notes a failed attempt on each row (the rows themselves stay queued) and returns the error to throw. */
  private async countTry(batch: readonly OutboxRow[], error: unknown): Promise<unknown> {
    const message: LocalizedText = error instanceof TransportError ? error.localized : { id: String(error), en: String(error) };
    await this.db
      .transaction('rw', this.db.outbox, async () => {
        for (const row of batch) await this.db.outbox.update(row.commandId, { tries: row.tries + 1, lastError: { message, at: Date.now() } });
      })
      .catch(() => undefined);
    return error;
  }

  /** PUTs the command's files by SHA-256 (hashing any that were stored without one); returns the hashes. */
  private async uploadFiles(transport: SyncTransport, row: OutboxRow): Promise<string[]> {
    const files = await this.db.attachments.where('eventId').equals(`${row.commandId}:0`).toArray();
    const hashes: string[] = [];
    for (const file of files) {
      let sha = file.sha256;
      if (!sha) {
        sha = await sha256OfBlob(file.blob);
        await this.db.attachments.update(file.id, { sha256: sha });
      }
      if (!this.uploaded.has(sha)) {
        await transport.putAttachment(sha, file.blob);
        this.uploaded.add(sha);
      }
      hashes.push(sha);
    }
    return [...new Set([...row.attachments, ...hashes])];
  }

  /** Stores the answers to one batch: every case touched is rebased in one transaction. */
  private async storePushAnswers(batch: readonly OutboxRow[], results: readonly PushResult[], refused: Map<string, SyncRejection>): Promise<void> {
    const byCase = new Map<string, ServerAnswer>();
    const entry = (caseId: string) => {
      let e = byCase.get(caseId);
      if (!e) byCase.set(caseId, (e = { events: [], refused: new Map() }));
      return e;
    };
    const caseOf = new Map(batch.map((row) => [row.commandId, row.caseId]));
    for (const [commandId, rejection] of refused) entry(caseOf.get(commandId)!).refused.set(commandId, rejection);
    for (const result of results) {
      const e = entry(caseOf.get(result.commandId)!);
      if (result.status === 'rejected') e.refused.set(result.commandId, result.rejection);
      else e.events.push(...result.events);
    }
    const calendar = await loadCalendar(this.db);
    const now = Date.now();
    await this.db.transaction('rw', caseSyncTables(this.db), async () => {
      for (const [caseId, answer] of byCase) await rebaseStoredCase(this.db, caseId, answer, { now, calendar });
    });
  }

  // ------------------------------------------------------------------ pull

  private async pullAll(transport: SyncTransport): Promise<number> {
    // What was announced until now is in the feed this pull reads.
    this.wanted.pull = false;
    let cursor = (await syncValue<string>(this.db, CURSOR_KEY)) ?? '';
    let pulled = 0;
    for (;;) {
      const page = await transport.pull(cursor, this.options.pullLimit ?? PULL_LIMIT);
      const cases = groupPulled(page.events);
      // Network first (a case new to this device needs its SOP revision), then one transaction.
      for (const { sopKey, sop } of cases.values()) {
        if (!(await getSopRevision(this.db, sopKey))) await this.fetchSopRevision(transport, sop.sopId, sop.revision);
      }
      const calendar = await loadCalendar(this.db);
      const now = Date.now();
      await this.db.transaction('rw', caseSyncTables(this.db), async () => {
        for (const [caseId, { sopKey, events }] of cases) await rebaseStoredCase(this.db, caseId, { events, refused: new Map() }, { sopKey, now, calendar });
        // The cursor moves with the events it covers: a crash before this commits pulls the page again.
        await setSyncValue(this.db, CURSOR_KEY, page.cursor);
      });
      pulled += page.events.length;
      cursor = page.cursor;
      if (!page.more || this.stopped) return pulled;
    }
  }

  /** Fetches an SOP revision a pulled case runs on, checks its content hash, and keeps it for the case. */
  private async fetchSopRevision(transport: SyncTransport, sopId: string, revision: number): Promise<SopDocument> {
    const { document, contentHash } = await transport.sopRevision(sopId, revision);
    checkRevision(document, { sopId, revision, contentHash });
    await storeSopRevision(this.db, document);
    return document;
  }

  // ------------------------------------------------------------------ catalogue

  /**
   * Keeps the office's published revisions in the device catalogue (source 'server'), for offline use, and
   * records the catalogue itself: on a linked device, new cases start only on what it names.
   * A revision this device already holds under that number with other content (published by a designer
   * here, whose copy the server refused with 409) is left as it is, since revisions never change, and
   * recorded for the sync status: it must not stop the rest of the catalogue, nor fail every sync round.
   */
  private async pullCatalogue(transport: SyncTransport, officeId: string): Promise<void> {
    const { entries } = await transport.catalogue();
    const conflicts: CatalogueConflict[] = [];
    const conflict = (entry: (typeof entries)[number]) => conflicts.push({ sopId: entry.sopId, revision: entry.revision, title: entry.title });
    for (const entry of entries) {
      const held = await this.device.catalogue.get(catalogueKeyOf(entry.sopId, entry.revision));
      if (held) {
        if (held.contentHash !== entry.contentHash) conflict(entry);
        continue;
      }
      const { document, contentHash } = await transport.sopRevision(entry.sopId, entry.revision);
      checkRevision(document, { sopId: entry.sopId, revision: entry.revision, contentHash: entry.contentHash });
      if (contentHash !== entry.contentHash) throw new TransportError('server', 200, hashMismatch(entry.sopId, entry.revision));
      try {
        await addRevision(this.device, document, { source: 'server' });
      } catch (error) {
        // A designer tab stored that number with other content while the document was on its way.
        if (!(error instanceof DeviceStorageError && error.code === 'revision.conflict')) throw error;
        conflict(entry);
      }
    }
    await this.db.transaction('rw', this.db.syncState, async () => {
      await setSyncValue(this.db, CATALOGUE_CONFLICTS_KEY, conflicts.length > 0 ? conflicts : undefined);
      // Last, once every revision it names is on the device: new cases start only on these (serverCatalogue.ts).
      await storeServerCatalogue(this.db, { baseUrl: transport.baseUrl, officeId, fetchedAt: Date.now(), entries });
    });
  }
}

function checkRevision(document: SopDocument, expected: { sopId: string; revision: number; contentHash: string }): void {
  if (document?.id !== expected.sopId || document.revision?.number !== expected.revision || sopContentHash(document) !== expected.contentHash) {
    throw new TransportError('server', 200, hashMismatch(expected.sopId, expected.revision));
  }
}

const hashMismatch = (sopId: string, revision: number): LocalizedText => ({
  id: `SOP ${sopId} revisi ${revision} dari server tidak sesuai sidik isinya; revisi itu tidak disimpan.`,
  en: `SOP ${sopId} revision ${revision} from the server does not match its content hash; it was not stored.`,
});

/** A failure that carries no message of its own for people (the status line adds "Sync failed:"). */
function unexpected(error: unknown): LocalizedText {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return { id: text, en: text };
}

const NOT_SIGNED_IN: LocalizedText = {
  id: 'Belum masuk ke server: pekerjaan disimpan di perangkat ini dan dikirim setelah Anda masuk.',
  en: 'Not signed in to the server: work is kept on this device and sent once you sign in.',
};

const MISMATCHED_ANSWER: LocalizedText = {
  id: 'Jawaban server tidak sesuai dengan perintah yang dikirim; perintah tetap di antrean dan dikirim ulang.',
  en: "The server's answer does not match the commands sent; they stay queued and are sent again.",
};

export type { StoredSession } from '../../device';
