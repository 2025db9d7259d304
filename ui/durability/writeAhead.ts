/**
 * A write-ahead copy of what the user has on screen, kept in localStorage.
 *
 * IndexedDB writes are asynchronous: a reload or a closed tab within a few
 * hundred milliseconds of a keystroke tears the page down before the write's
 * transaction commits (a `get` is issued, its `put` never is). localStorage
 * writes are synchronous and survive the page going away, so each change is
 * copied here first, replayed into IndexedDB at the next load, and removed
 * once IndexedDB holds it. The copy is small and per document; when it cannot
 * be stored (too large, quota full, storage disabled) `put` says so and the
 * caller keeps the page from closing instead (see leaveGuard.ts).
 */

/** The part of `Storage` the journal needs; tests pass a fake that fills up. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * Beyond this many characters the copy is not attempted: browsers give an
 * origin about 5 M characters of localStorage, shared by every tab, and
 * serialising a multi-megabyte document on every keystroke would make typing lag.
 */
export const WRITE_AHEAD_MAX_CHARS = 1_000_000;

export interface WriteAheadJournal<T> {
  /** Stores `value` under `id`; false when it could not be stored (too large, full, unavailable). */
  put(id: string, value: T): boolean;
  get(id: string): T | undefined;
  remove(id: string): void;
  /** Every entry of this journal, ids without the journal's prefix. */
  entries(): { id: string; value: T }[];
}

function defaultStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled by the browser's settings: reading `localStorage` throws.
    return null;
  }
}

/** A journal of JSON values under `prefix` (one journal per app database). */
export function createWriteAheadJournal<T>(
  prefix: string,
  store: KeyValueStore | null = defaultStore(),
  maxChars = WRITE_AHEAD_MAX_CHARS,
): WriteAheadJournal<T> {
  return {
    put(id, value) {
      if (!store) return false;
      try {
        const text = JSON.stringify(value);
        if (text.length > maxChars) {
          // An older, smaller copy must not be replayed as if it were the latest.
          store.removeItem(prefix + id);
          return false;
        }
        store.setItem(prefix + id, text);
        return true;
      } catch {
        try {
          store.removeItem(prefix + id);
        } catch {
          // Nothing more can be done; the caller guards the page instead.
        }
        return false;
      }
    },
    get(id) {
      try {
        const text = store?.getItem(prefix + id);
        return text ? (JSON.parse(text) as T) : undefined;
      } catch {
        return undefined;
      }
    },
    remove(id) {
      try {
        store?.removeItem(prefix + id);
      } catch {
        // Unavailable storage holds no copy to remove.
      }
    },
    entries() {
      if (!store) return [];
      const found: { id: string; value: T }[] = [];
      try {
        const keys: string[] = [];
        for (let i = 0; i < store.length; i++) {
          const key = store.key(i);
          if (key?.startsWith(prefix)) keys.push(key);
        }
        for (const key of keys) {
          const id = key.slice(prefix.length);
          const value = this.get(id);
          if (value !== undefined) found.push({ id, value });
          else store.removeItem(key);
        }
      } catch {
        return found;
      }
      return found;
    },
  };
}
