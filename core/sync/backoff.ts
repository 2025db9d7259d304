/**
 * Waiting between failed sync attempts: doubling from one second up to a
 * minute, with jitter so that a whole office's devices coming back online
 * after an outage do not knock on the server in step.
 */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;

/** Delay before attempt `failures + 1`: somewhere in the upper half of min(cap, base·2^failures). */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(failures, 30)));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
