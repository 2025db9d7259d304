/**
 * Which tab wrote a write-ahead copy, and whether that tab is still open.
 *
 * The id lives in sessionStorage, which survives a reload of the same tab: a
 * reloaded page recognises its own copies and replays them at once. Every
 * page holds a Web Lock named after its id for as long as it lives, so
 * another tab can tell a copy left by a closed tab (replay it) from one whose
 * tab is still open and still saving it (leave it alone). A duplicated tab
 * inherits the id; finding the lock taken, it picks a new one.
 */
const SESSION_KEY = 'sop-studio.tabId';
const LOCK_PREFIX = 'sop-studio.tab.';

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

function readSessionId(): string | null {
  try {
    return sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

function writeSessionId(id: string): void {
  try {
    sessionStorage.setItem(SESSION_KEY, id);
  } catch {
    // Without sessionStorage a reload gets a new id and replays through the lock check.
  }
}

export interface TabIdentity {
  /** This page's id (the one its write-ahead copies carry). */
  readonly id: string;
  /** The id this tab had before a reload (copies with it are this tab's own). */
  readonly previousId: string | null;
  /** True when the tab that wrote copies with `id` is open now (not this page). */
  isOtherTabOpen(id: string): Promise<boolean>;
}

let current: Promise<TabIdentity> | null = null;

/** This page's identity; the lock is taken once per page. */
export function tabIdentity(): Promise<TabIdentity> {
  current ??= claimIdentity();
  return current;
}

async function claimIdentity(): Promise<TabIdentity> {
  const previousId = readSessionId();
  const locks = globalThis.navigator?.locks;
  let id = previousId ?? randomId();
  if (locks) {
    // ifAvailable: a duplicated tab finds its inherited id held by the original tab.
    const claim = (name: string) =>
      new Promise<boolean>((resolve) => {
        void locks
          .request(LOCK_PREFIX + name, { ifAvailable: true }, (lock) => {
            resolve(lock !== null);
            // Held until the page goes away.
            return lock ? new Promise<void>(() => {}) : undefined;
          })
          .catch(() => resolve(false));
      });
    if (!(await claim(id))) {
      id = randomId();
      await claim(id);
    }
  }
  writeSessionId(id);
  return {
    id,
    previousId,
    async isOtherTabOpen(other) {
      if (other === id || other === previousId || !locks) return false;
      try {
        const { held = [] } = await locks.query();
        return held.some((lock) => lock.name === LOCK_PREFIX + other);
      } catch {
        return false;
      }
    },
  };
}
