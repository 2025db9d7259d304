/**
 * The signed-in users this process has just checked, by session token hash, for a few seconds. A busy sync
 * server answers hundreds of pushes a second from the same clerks; looking each one up again was a round trip
 * to PostgreSQL per request, as much CPU as the push itself on two cores (docs/scaling.md "Group commit").
 *
 * Correctness rests on three things:
 * - every change to who may do what, in any process, NOTIFYs `sop_accounts_changed` (migration 0009, triggers),
 *   and the cache forgets everything when it hears it, or when its listening connection was lost and made again;
 * - this process forgets everything at once when one of its own requests may have changed accounts (app.ts),
 *   so a token signed out here is refused here on the very next request;
 * - an entry lives `ttlMs` at most, the bound on staleness should a notice ever be lost.
 * Only a session that is live and needs no renewal is served from here (`isLiveWithoutRenewal`); expiry and the
 * once-a-minute renewal still go to the database.
 */
import type { Db } from '../db/db';
import type { findSignedIn } from '../accounts/accountsRepo';

export const ACCOUNTS_CHANNEL = 'sop_accounts_changed';

export type SignedIn = NonNullable<Awaited<ReturnType<typeof findSignedIn>>>;

export interface SignedInCacheOptions {
  ttlMs?: number;
  /** Entries kept at most (the oldest go first). */
  maxEntries?: number;
}

export class SignedInCache {
  private readonly entries = new Map<string, { signedIn: SignedIn; until: number }>();
  private stopListening: (() => Promise<void>) | undefined;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly db: Db,
    options: SignedInCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10_000;
    this.maxEntries = options.maxEntries ?? 20_000;
  }

  /** Listens for account changes; until it does, nothing is cached. */
  async start(): Promise<void> {
    this.stopListening ??= await this.db.listen(ACCOUNTS_CHANNEL, () => this.forgetAll());
  }

  async stop(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = undefined;
    this.forgetAll();
    await stop?.();
  }

  get(tokenHash: string, nowMs: number): SignedIn | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > nowMs && this.stopListening) return entry.signedIn;
    this.entries.delete(tokenHash);
    return undefined;
  }

  remember(tokenHash: string, signedIn: SignedIn, nowMs: number): void {
    if (!this.stopListening) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { signedIn, until: nowMs + this.ttlMs });
  }

  forgetAll(): void {
    this.entries.clear();
  }
}
