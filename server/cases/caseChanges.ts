/**
 * Tells open streams that cases changed. Every push commits a NOTIFY naming
 * the case and the offices granted it; one LISTEN connection per server
 * process fans it out to the streams of those offices. A publication commits
 * one on the same channel (`kind: 'catalogue'`) naming the offices with a lane
 * in the SOP. A lost LISTEN connection (PostgreSQL restarted) may have missed
 * notices, so on reconnecting every stream is told to pull and to read its
 * catalogue again.
 */
import type { CatalogueNotice } from '../../core/sync/protocol';
import type { Db } from '../db/db';
import type { CatalogueChangeNotice } from '../publication/catalogueNotice';
import { CASE_CHANNEL, type CaseChangeNotice } from './pushCommands';

type Listener = (cursor: string | null) => void;
type CatalogueListener = (notice: CatalogueNotice) => void;

export class CaseChanges {
  private readonly byOffice = new Map<string, Set<Listener>>();
  private readonly catalogueByOffice = new Map<string, Set<CatalogueListener>>();
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
    return subscribeIn(this.byOffice, officeId, listener);
  }

  /** Calls `listener` whenever a revision of an SOP the office has a lane in is published; returns the unsubscribe function. */
  subscribeCatalogue(officeId: string, listener: CatalogueListener): () => void {
    return subscribeIn(this.catalogueByOffice, officeId, listener);
  }

  private onNotify(payload: string | null): void {
    if (payload === null) {
      for (const listeners of this.byOffice.values()) for (const listener of listeners) listener(null);
      for (const listeners of this.catalogueByOffice.values()) for (const listener of listeners) listener({});
      return;
    }
    let notice: CaseChangeNotice | CatalogueChangeNotice;
    try {
      notice = JSON.parse(payload) as CaseChangeNotice | CatalogueChangeNotice;
    } catch {
      return; // not ours: someone else NOTIFYing on the channel
    }
    if (!notice || typeof notice !== 'object') return;
    if (isCatalogueNotice(notice)) {
      const published: CatalogueNotice = { sopId: notice.sopId, revision: notice.revision };
      for (const officeId of notice.officeIds ?? []) for (const listener of this.catalogueByOffice.get(officeId) ?? []) listener(published);
      return;
    }
    for (const officeId of notice.officeIds ?? []) {
      for (const listener of this.byOffice.get(officeId) ?? []) listener(notice.cursor ?? null);
    }
  }
}

const isCatalogueNotice = (notice: CaseChangeNotice | CatalogueChangeNotice): notice is CatalogueChangeNotice => (notice as CatalogueChangeNotice).kind === 'catalogue';

function subscribeIn<L>(byOffice: Map<string, Set<L>>, officeId: string, listener: L): () => void {
  let listeners = byOffice.get(officeId);
  if (!listeners) byOffice.set(officeId, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) byOffice.delete(officeId);
  };
}
