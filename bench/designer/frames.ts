/**
 * "Shown on screen", as the designer benchmark measures it: a condition on
 * the DOM, checked after each painted frame. `afterPaint` resolves in the task
 * that follows a requestAnimationFrame callback, i.e. once the browser has
 * done that frame's style, layout and paint; the first such moment at which
 * the condition holds is when the user sees the result.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    }),
  );
}

/** performance.now() at the first painted frame after which `shown()` holds. */
export async function whenShown(shown: () => boolean, what: string, timeoutMs = 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await afterPaint();
    if (shown()) return performance.now();
    if (performance.now() > deadline) throw new Error(`not shown within ${timeoutMs} ms: ${what}`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What the edit benchmark types: a sentence, so lines wrap (and rows grow) as often as in real typing. */
export const TYPED = ' lalu menyerahkan berkas kepada petugas loket untuk diperiksa kelengkapannya,';
