/**
 * Where a new version of the app stands, for the update prompt. Plain
 * TypeScript with no React and no service worker code: serviceWorker.ts feeds
 * it from Workbox's events, UpdateNotice.tsx reads it, and tests drive it
 * directly.
 *
 * The rule it keeps: nothing reloads the page unless the user asked for the
 * new version in this tab. A version another tab agreed to is announced,
 * never imposed, because this tab may hold a form in progress.
 */
export type UpdatePhase =
  /** Nothing new. */
  | 'current'
  /** A new version is installed and waits for the user's word. */
  | 'waiting'
  /** The new version already serves this site (agreed in another tab); a reload shows it. */
  | 'activated';

export interface UpdateState {
  phase: UpdatePhase;
  /** "Nanti": the prompt stays out of the way until the next page load. */
  postponed: boolean;
  /** The user asked for the new version here; the page reloads as soon as it takes over. */
  reloading: boolean;
}

export interface OfflineUpdates {
  getState(): UpdateState;
  subscribe(listener: () => void): () => void;
  /** A new version waits; `activate` tells it to take over (Workbox's skip-waiting message). */
  newVersionWaiting(activate: () => void): void;
  /** The new version took over this page's site: reload now if this tab asked for it. */
  newVersionActive(): void;
  /** The user's "Muat ulang". */
  reloadIntoNewVersion(): void;
  /** The user's "Nanti". */
  postpone(): void;
}

export function createOfflineUpdates(reload: () => void = () => window.location.reload()): OfflineUpdates {
  let state: UpdateState = { phase: 'current', postponed: false, reloading: false };
  let activate: (() => void) | undefined;
  const listeners = new Set<() => void>();
  const set = (next: Partial<UpdateState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    newVersionWaiting(activateWaiting) {
      activate = activateWaiting;
      // An even newer version than the one postponed is worth saying again.
      set({ phase: 'waiting', postponed: false });
    },
    newVersionActive() {
      if (state.reloading) reload();
      // Said again even after "Nanti": this tab now runs an older version than the site serves,
      // and a screen it has not loaded yet may no longer be there to fetch.
      else set({ phase: 'activated', postponed: false });
    },
    reloadIntoNewVersion() {
      if (state.phase === 'activated') {
        set({ reloading: true });
        reload();
        return;
      }
      if (state.phase !== 'waiting' || !activate) return;
      set({ reloading: true });
      activate();
    },
    postpone() {
      set({ postponed: true });
    },
  };
}

/** The page's one record of its updates. */
export const offlineUpdates = createOfflineUpdates();
