/**
 * Registers the site's service worker and turns its life cycle into the
 * update states of offlineUpdates.ts. Loaded on demand by
 * startOfflineSupport.ts in production builds only, so neither `npm start`
 * nor the up-front JavaScript carries it.
 *
 * Workbox's window library is used directly (vite-plugin-pwa's
 * `virtual:pwa-register` wraps the same calls) because the worker's URL
 * depends on where the page sits in the site; see scripts/pwa/offlineSupport.ts.
 */
import { Workbox } from 'workbox-window';
import { offlineUpdates, type OfflineUpdates } from './offlineUpdates';

/** The file scripts/pwa/offlineSupport.ts writes at the site root. */
const SERVICE_WORKER_FILE = 'sw.js';

/**
 * A tab left open all day never navigates (the apps route by hash), so the
 * browser would not look for a new version on its own; ask now and then, and
 * when the network comes back. A failed check (offline) is simply tried later.
 */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function registerServiceWorker(siteRoot: URL, updates: OfflineUpdates = offlineUpdates): void {
  const workbox = new Workbox(new URL(SERVICE_WORKER_FILE, siteRoot).href, { scope: siteRoot.href });

  // A worker that installed while an older one serves the site waits for the user's word.
  workbox.addEventListener('waiting', () => updates.newVersionWaiting(() => workbox.messageSkipWaiting()));

  // A new controller replacing an old one is a new version taking over (this tab's "Muat ulang",
  // or another tab's). The very first worker claiming an uncontrolled page is not an update.
  let controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const wasControlled = controlled;
    controlled = true;
    if (wasControlled) updates.newVersionActive();
  });

  void workbox.register().catch(() => {
    // No worker (private mode, storage refused): the app still works online, as before.
  });

  const checkForUpdate = () => void workbox.update().catch(() => undefined);
  window.setInterval(checkForUpdate, UPDATE_CHECK_INTERVAL_MS);
  window.addEventListener('online', checkForUpdate);
}
