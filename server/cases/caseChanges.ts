/**
 * Tells open streams that cases changed. Every push commits a NOTIFY naming
 * the case and the offices granted it; one LISTEN connection per server
 * process fans it out to the streams of those offices. A lost LISTEN
 * connection (PostgreSQL restarted) may have missed notices, so on
 * reconnecting every stream is told to pull.
 */
import type { Db } from '../db/db';
import { CASE_CHANNEL, type CaseChangeNotice } from './pushCommands';

type Listener = (cursor: string | null) => void;

export class CaseChanges {
  private readonly byOffice = new Map<string, Set<Listener>>();
  private stopListening: (() => Promise<void>) | undefined;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    this.stopListening ??= await this.db.listen(CASE_CHANNEL, (payload) => this.onNotify(payload));
  }

  async stop(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = undefined;
    await stop?.();
  }

  /** Calls `listener` whenever a case the office was granted changes; returns the unsubscribe function. */
  subscribe(officeId: string, listener: Listener): () => void {
    let listeners = this.byOffice.get(officeId);
    if (!listeners) this.byOffice.set(officeId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.byOffice.delete(officeId);
    };
  }

  private onNotify(payload: string | null): void {
    if (payload === null) {
      for (const listeners of this.byOffice.values()) for (const listener of listeners) listener(null);
      return;
    }
    let notice: CaseChangeNotice;
    try {
      notice = JSON.parse(payload) as CaseChangeNotice;
    } catch {
      return; // not ours: someone else NOTIFYing on the channel
    }
    for (const officeId of notice.officeIds ?? []) {
      for (const listener of this.byOffice.get(officeId) ?? []) listener(notice.cursor ?? null);
    }
  }
}
