/**
 * What kind of IndexedDB failure an error is, whatever wrapped it. Dexie
 * wraps DOMExceptions in its own errors (`inner`), and a transaction that
 * ran out of space may surface as an AbortError whose cause is the quota
 * error, or as a bare AbortError.
 *
 * - quota: the browser refused the write for lack of space.
 * - closed: the database connection is closed (the browser closed it, site
 *   data was cleared, another tab upgraded it, or code closed it); reopening helps.
 * - aborted: the transaction was aborted without a stated cause; nothing was
 *   written, and a full disk is the usual reason.
 * - other: anything else (the name is kept as a technical code).
 */
export type StorageFailureKind = 'quota' | 'closed' | 'aborted' | 'other';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'QuotaExceeded']);
const CLOSED_NAMES = new Set(['DatabaseClosedError', 'InvalidStateError']);

function chain(error: unknown): { name: string; message: string }[] {
  const found: { name: string; message: string }[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    const name = (e as { name?: unknown }).name;
    const message = (e as { message?: unknown }).message;
    found.push({ name: typeof name === 'string' ? name : '', message: typeof message === 'string' ? message : '' });
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return found;
}

export function storageFailureKind(error: unknown): StorageFailureKind {
  const links = chain(error);
  if (links.some((l) => QUOTA_NAMES.has(l.name) || /quota/i.test(l.message))) return 'quota';
  // InvalidStateError counts only when it says the connection is closing (Chromium's wording).
  if (links.some((l) => l.name === 'DatabaseClosedError' || l.name === 'OpenFailedError' || (CLOSED_NAMES.has(l.name) && /clos/i.test(l.message)))) return 'closed';
  if (links.some((l) => l.name === 'AbortError')) return 'aborted';
  return 'other';
}

/** The innermost error name, shown as a technical code beside the explanation. */
export function storageFailureCode(error: unknown): string {
  const names = chain(error).map((l) => l.name).filter(Boolean);
  return names[names.length - 1] ?? 'Error';
}

/** The part of a Dexie database that reopening needs. */
export interface Reopenable {
  isOpen(): boolean;
  hasBeenClosed(): boolean;
  open(): PromiseLike<unknown>;
}

/**
 * Runs `operation`, reopening the database first when it was closed, and once
 * more after a failure that says the connection closed under it. Retrying is
 * safe: every operation is one transaction, and a closed connection never
 * commits part of one.
 */
export async function withReopen<T>(db: Reopenable, operation: () => Promise<T>): Promise<T> {
  if (!db.isOpen() && db.hasBeenClosed()) await db.open();
  try {
    return await operation();
  } catch (error) {
    if (storageFailureKind(error) !== 'closed') throw error;
    await db.open();
    return operation();
  }
}
