/**
 * Starting the browser found by `findChromium`, with the flags every run here
 * uses: no sandbox (containers, root), no GPU, and nothing that reaches the
 * network on its own (updates, sync, first-run pages).
 */
import type { Browser } from 'playwright-core';
import { chromium } from './playwright';
import { findChromium } from './findChromium';
import { currentSetupHost, missingChromiumMessage } from './setUpChromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** No browser on this machine; the message is the one line that says what to run. */
export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

let found: string | undefined;

/** The browser's executable, looked up once per process. */
export function chromiumPath(): string {
  if (found) return found;
  const host = currentSetupHost();
  const candidate = findChromium(host);
  // Printing never installs anything: it says what to run, as the test setup does when it may not install.
  if (!candidate) throw new ChromiumNotFoundError(missingChromiumMessage(host));
  found = candidate.path;
  return found;
}

/** Always a promise: a missing browser is a rejection with the one-line message, never a throw. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
