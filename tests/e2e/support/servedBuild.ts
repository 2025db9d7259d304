// The production build, served on loopback, with Debian's Chromium to drive it:
// the setup every built-app test shares.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PluginOption } from 'vite';
import { inject } from 'vitest';
import { launchChromium } from '../../../cli/chromium';
import { sharedBuild } from './sharedBuild';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface ServedBuild {
  outDir: string;
  baseUrl: string;
  browser: Browser;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * The production build (`npm run build`) in a temporary folder, never touching dist/. The plain build is made
 * once per test run and shared by every file (read only: a test that changes files copies them first).
 * `plugins` are added to the project's own (a test marking a second version, for instance), in a build of its own.
 */
export async function buildProductionApp(name: string, plugins: PluginOption[] = []): Promise<string> {
  // Absent when the unit project's global setup did not run (another config): build privately.
  const runDir = inject('sharedBuildDir');
  if (plugins.length === 0 && runDir) return sharedBuild(runDir, (outDir) => buildInto(outDir, plugins));
  const outDir = mkdtempSync(join(tmpdir(), `sop-${name}-dist-`));
  await buildInto(outDir, plugins);
  return outDir;
}

async function buildInto(outDir: string, plugins: PluginOption[]): Promise<void> {
  // Vitest sets NODE_ENV=test, which would bundle React's development build; test what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: 'warn', plugins, build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Builds into a temporary folder (never touching dist/), serves it, and launches Chromium. */
export async function serveProductionBuild(name: string): Promise<ServedBuild> {
  const outDir = await buildProductionApp(name);
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const baseUrl = server.resolvedUrls!.local[0]!;
  const browser = await launchChromium();
  return {
    outDir,
    baseUrl,
    browser,
    url: (path) => new URL(path, baseUrl).href,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Collects console errors, uncaught exceptions and CSP violations of a page. */
export async function watchPage(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    // "Failed to load resource" names no resource in its text; the location does.
    if (message.type() !== 'error') return;
    const text = message.text();
    problems.push(text.startsWith('Failed to load resource') ? `${text} (${message.location().url} on ${page.url()})` : text);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

/** Every script an app page loads before the user does anything (entry and modulepreloads). */
export function initialScripts(outDir: string, app: 'designer' | 'runtime'): string[] {
  const html = readFileSync(join(outDir, app, 'index.html'), 'utf8');
  return Array.from(html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g), (m) =>
    normalize(join(outDir, app, m[1]!)),
  );
}
