/**
 * Asks the browser to confirm leaving the page while `isUnsaved()` is true:
 * only when something the user did is neither in IndexedDB nor in the
 * write-ahead copy (the copy did not fit, or storage is failing). While the
 * prompt is open the pending IndexedDB write goes on and usually finishes.
 * Returns the function that removes the guard.
 */
export function installLeaveGuard(isUnsaved: () => boolean, target: Window = window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!isUnsaved()) return;
    event.preventDefault();
    // Older Chromium and Safari show the prompt only when returnValue is set.
    event.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}

/**
 * Runs `listener` on every moment the page may be about to go away: it is
 * hidden (the last event a phone reliably delivers), unloaded, or reloaded.
 */
export function onPageLeaving(listener: () => void, target: { document: Document; window: Window } = { document, window }): () => void {
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') listener();
  };
  target.document.addEventListener('visibilitychange', onVisibility);
  target.window.addEventListener('pagehide', listener);
  return () => {
    target.document.removeEventListener('visibilitychange', onVisibility);
    target.window.removeEventListener('pagehide', listener);
  };
}
