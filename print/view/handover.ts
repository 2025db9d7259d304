/**
 * Hands a document to the print page in a new tab. The document waits in a
 * small IndexedDB database under a one-time key named in the URL, and the
 * print page takes it out (so it is not left behind). IndexedDB, not
 * localStorage: a valid SOP may be many megabytes (localStorage holds about
 * five for the whole site and refused a 5.8 MB SOP). A BroadcastChannel tells
 * a print page that opened before the write finished that the document is
 * there, or that it never will be. Used by the designer ("Cetak") and the
 * runtime (printing a published revision).
 */
import { translate, type MessageKey } from '../../core/i18n';
import type { LocalizedText } from '../../core/validation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { storageFailureKind } from '../../ui/durability/storageFailure';

const DB_NAME = 'sop-studio-print-handover';
const STORE = 'documents';
const CHANNEL = 'sop-studio-print-handover';
/** A hand-over nobody took within a day (the tab was blocked or closed) is removed at the next one. */
const STALE_MS = 24 * 60 * 60 * 1000;
/** How long a print page waits for a document still being written. */
export const HAND_OVER_WAIT_MS = 60_000;

interface HandOverRecord {
  key: string;
  json: string;
  createdAt: number;
}

/** `ask`: a print page asking the opener how its hand-over went (it may have missed the news). */
type ChannelMessage = { key: string; state: 'ready' | 'failed' | 'ask' };

/** A hand-over that failed, with what to do, in both languages. */
export class HandOverError extends Error {
  constructor(readonly localized: LocalizedText, options?: { cause?: unknown }) {
    super(localized.en, options);
    this.name = 'HandOverError';
  }
}

const both = (key: MessageKey): LocalizedText => ({ id: translate('id', key), en: translate('en', key) });

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openHandOverDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'key' }).createIndex('createdAt', 'createdAt');
  };
  return request(req);
}

/** Runs `work` in one transaction and resolves once it is committed. */
async function inTransaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T> | T): Promise<T> {
  const db = await openHandOverDb();
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
      tx.onerror = () => reject(tx.error);
    });
    const result = await work(tx.objectStore(STORE));
    await done;
    return result;
  } finally {
    db.close();
  }
}

function newKey(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** How this tab's recent hand-overs went, for print pages that ask. */
const outcomes = new Map<string, 'ready' | 'failed'>();
let responder: BroadcastChannel | null = null;

function post(message: ChannelMessage): void {
  if (typeof BroadcastChannel !== 'function') return;
  if (message.state !== 'ask') outcomes.set(message.key, message.state);
  // One channel stays open in the opening tab: a print page that opened after the news
  // was posted asks again, and is answered.
  if (!responder) {
    responder = new BroadcastChannel(CHANNEL);
    responder.onmessage = (event: MessageEvent<ChannelMessage>) => {
      const outcome = event.data?.state === 'ask' ? outcomes.get(event.data.key) : undefined;
      if (outcome) responder?.postMessage({ key: event.data.key, state: outcome } satisfies ChannelMessage);
    };
  }
  responder.postMessage(message);
}

/** Stores `doc` for the print page under a new key; stale hand-overs are removed on the way. */
export async function handOverDocument(doc: SopDocument, key = newKey()): Promise<string> {
  const json = JSON.stringify(doc);
  try {
    await inTransaction('readwrite', (store) => {
      const stale = store.index('createdAt').openCursor(IDBKeyRange.upperBound(Date.now() - STALE_MS));
      stale.onsuccess = () => {
        const cursor = stale.result;
        if (cursor) {
          cursor.delete();
          cursor.continue();
        }
      };
      store.put({ key, json, createdAt: Date.now() } satisfies HandOverRecord);
    });
  } catch (error) {
    throw new HandOverError(both(storageFailureKind(error) === 'quota' ? 'durability.print.full' : 'durability.print.failed'), { cause: error });
  }
  return key;
}

/**
 * Opens the print view (identity page, flowchart table) of `doc` in a new tab.
 * The tab is opened first, while the click still counts as the user's (a
 * popup blocker allows it), then the document is written; the print page
 * waits for it. Rejects with a HandOverError the caller shows; the print tab
 * is told too, so it says so instead of waiting.
 */
export async function openPrintView(doc: SopDocument, printPageUrl = '../print/'): Promise<void> {
  const key = newKey();
  window.open(`${printPageUrl}?doc=${encodeURIComponent(key)}`, '_blank', 'noopener');
  try {
    await handOverDocument(doc, key);
  } catch (error) {
    post({ key, state: 'failed' });
    throw error;
  }
  post({ key, state: 'ready' });
}

async function take(key: string): Promise<string | undefined> {
  return inTransaction('readwrite', async (store) => {
    const record = (await request(store.get(key))) as HandOverRecord | undefined;
    if (record) store.delete(key);
    return record?.json;
  });
}

/**
 * Takes the document handed over under `key` out of storage (it is read
 * once). Waits up to `waitMs` for one still being written. Resolves to null
 * when there is none (a reload of the print page, a wrong key); rejects with
 * a HandOverError when the hand-over failed or storage cannot be read.
 */
export async function takeHandedOverDocument(key: string, waitMs = HAND_OVER_WAIT_MS): Promise<unknown> {
  if (!/^[a-z0-9]{1,40}$/.test(key)) return null;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  let signal: (() => void) | undefined;
  let failed = false;
  if (channel) {
    channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
      if (event.data?.key !== key || event.data.state === 'ask') return;
      if (event.data.state === 'failed') failed = true;
      signal?.();
    };
  }
  const ask = () => channel?.postMessage({ key, state: 'ask' } satisfies ChannelMessage);
  try {
    const deadline = Date.now() + waitMs;
    for (;;) {
      let json: string | undefined;
      ask();
      try {
        json = await take(key);
      } catch (error) {
        throw new HandOverError(both('durability.print.unreadable'), { cause: error });
      }
      if (json !== undefined) return JSON.parse(json) as unknown;
      if (failed) throw new HandOverError(both('durability.print.failedInTab'));
      if (Date.now() >= deadline) return null;
      // Woken by the opener's news, or every half second to look (and ask) again.
      await new Promise<void>((resolve) => {
        signal = resolve;
        setTimeout(resolve, 500);
      });
    }
  } finally {
    channel?.close();
  }
}
