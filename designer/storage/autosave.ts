/**
 * Saves the latest value after the drafter pauses (debounced), and at once
 * when the tab is hidden or the page goes away: `visibilitychange` to hidden
 * is the last event a mobile browser reliably delivers, and `pagehide` covers
 * reloads and closing the tab. Only the newest pending value is written; a
 * value that arrives while a save is running is written after it, never in
 * parallel, so saves reach the database in order.
 */
export interface Autosaver<T> {
  /** Remembers `value` as the one to save, and (re)starts the debounce timer. */
  schedule(value: T): void;
  /** Writes the pending value now. Resolves when everything scheduled so far is written or failed. */
  flush(): Promise<void>;
  /** True while a value waits for its timer or a save is running. */
  readonly pending: boolean;
  /** Stops listening to the page; a pending value is flushed first. */
  dispose(): Promise<void>;
}

export interface AutosaveOptions<T> {
  save: (value: T) => Promise<void>;
  delayMs?: number;
  /** Where to listen for visibilitychange/pagehide; null in tests that drive flush themselves. */
  target?: { document: Document; window: Window } | null;
  onError?: (error: unknown) => void;
}

export const AUTOSAVE_DELAY_MS = 500;

export function createAutosaver<T>({
  save,
  delayMs = AUTOSAVE_DELAY_MS,
  target = { document, window },
  onError = () => {},
}: AutosaveOptions<T>): Autosaver<T> {
  let hasPending = false;
  let pendingValue: T | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let inFlight = 0;

  const writeNow = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!hasPending) return running;
    const value = pendingValue as T;
    hasPending = false;
    pendingValue = undefined;
    inFlight++;
    running = running
      .then(() => save(value))
      .catch(onError)
      .finally(() => {
        inFlight--;
      });
    return running;
  };

  const onHidden = () => {
    if (target?.document.visibilityState === 'hidden') void writeNow();
  };
  const onPageHide = () => void writeNow();
  target?.document.addEventListener('visibilitychange', onHidden);
  target?.window.addEventListener('pagehide', onPageHide);

  return {
    schedule(value) {
      hasPending = true;
      pendingValue = value;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void writeNow(), delayMs);
    },
    flush: writeNow,
    get pending() {
      return hasPending || inFlight > 0;
    },
    async dispose() {
      target?.document.removeEventListener('visibilitychange', onHidden);
      target?.window.removeEventListener('pagehide', onPageHide);
      await writeNow();
    },
  };
}
