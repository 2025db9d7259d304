// The clerk's app as built for production, served and driven in Debian's Chromium:
// the JavaScript it loads up front stays small and free of the designer's editors,
// a real page reload mid-step loses nothing, and a second tab sees the first tab's commit.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../bench/chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'sop-runtime-dist-'));
const BUDGET_GZIP_BYTES = 250_000;
let server: PreviewServer;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  // Vitest sets NODE_ENV=test, which would bundle React's development build; measure what clerks get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  baseUrl = server.resolvedUrls!.local[0]!;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every script runtime/index.html loads before the user does anything (entry and modulepreloads). */
export function initialScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'runtime', 'index.html'), 'utf8');
  return Array.from(html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g), (m) =>
    normalize(join(distDir, 'runtime', m[1]!)),
  );
}

function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

async function tickRequired(page: Page) {
  for (const box of await page.getByRole('checkbox', { name: /wajib diperiksa/ }).all()) {
    if (!(await box.isChecked())) await box.check();
  }
}

describe('the built runtime', () => {
  it(`loads at most ${BUDGET_GZIP_BYTES / 1000} kB of gzipped JavaScript up front, without React Flow or Monaco`, () => {
    const scripts = initialScripts(outDir);
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const file of scripts) {
      const code = readFileSync(file);
      total += gzipSync(code, { level: 9 }).length;
      expect(code.toString('utf8'), file).not.toMatch(/@xyflow|react-flow__|monaco-editor|MonacoEnvironment/);
    }
    console.log(`runtime initial JS: ${scripts.length} files, ${(total / 1000).toFixed(1)} kB gzip`);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    expect(dirname(scripts[0]!)).toContain('assets');
  });

  it('keeps a step draft across a real page reload and shows a second tab the first tab\'s commit', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(new URL('./runtime/', baseUrl).href);
    await page.getByRole('link', { name: 'Mulai kasus: Penerbitan Surat Pernyataan Miskin (SPM) OnLine' }).click();
    await page.getByLabel('Nama pemohon').fill('Budi Santoso');
    await page.getByLabel('NIK pemohon').fill('3510011205850001');
    await page.getByRole('button', { name: 'Mulai kasus' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kasus Budi Santoso' }).waitFor();
    await tickRequired(page);
    await page.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    await page.getByRole('heading', { level: 3, name: 'Langkah 2' }).waitFor();

    await page.getByLabel('Catatan').fill('Data cocok dengan SIAK');
    await page.getByText(/Draf tersimpan otomatis pukul/).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 3, name: 'Langkah 2' }).waitFor();
    expect(await page.getByLabel('Catatan').inputValue()).toBe('Data cocok dengan SIAK');

    const second = await context.newPage();
    const secondProblems = watch(second);
    await second.goto(page.url());
    await second.getByRole('heading', { level: 3, name: 'Langkah 2' }).waitFor();
    await page.getByRole('button', { name: 'Selesaikan langkah 2' }).click();
    // Live queries carry the commit to the other tab without a reload.
    await second.getByRole('heading', { level: 3, name: 'Langkah 3' }).waitFor({ timeout: 10_000 });
    expect(problems).toEqual([]);
    expect(secondProblems).toEqual([]);
    await context.close();
  }, 90_000);
});
