/**
 * Called by each page's entry with the page's way back to the site root
 * (`'./'` from the start page, `'../'` from an app folder, as its links do).
 * Production builds only: `vite` dev builds no worker (and must keep serving
 * every edit fresh), and the chunk holding Workbox is loaded only here.
 */
export function startOfflineSupport(siteRootFromPage: string): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const siteRoot = new URL(siteRootFromPage, window.location.href);
  void import('./serviceWorker').then(({ registerServiceWorker }) => registerServiceWorker(siteRoot));
}
