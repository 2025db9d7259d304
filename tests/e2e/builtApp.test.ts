// The production build, served and opened in Debian's Chromium: the pages
// must work under their strict Content-Security-Policy (no eval: the schema
// validator is compiled ahead of time) and show the samples, validated.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveProductionBuild, type ServedBuild } from './support/servedBuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sampleCount = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.sop.json')).length;
let app: ServedBuild;
let browser: Browser;
let baseUrl: string;
let outDir: string;

beforeAll(async () => {
  app = await serveProductionBuild('app');
  ({ browser, baseUrl, outDir } = app);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

async function openPage(path: string) {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(new URL(path, baseUrl).href);
  return { page, problems };
}

describe('the production build', () => {
  it('contains no eval or new Function anywhere in its scripts', () => {
    const assets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) {
      const code = readFileSync(join(outDir, 'assets', file), 'utf8');
      expect(code, file).not.toMatch(/\bnew Function\s*\(|[^.\w]eval\s*\(/);
    }
  });

  it('serves every page with a CSP that forbids eval', () => {
    for (const page of ['index.html', 'designer/index.html', 'runtime/index.html']) {
      const html = readFileSync(join(outDir, page), 'utf8');
      expect(html, page).toMatch(/http-equiv="Content-Security-Policy"[^>]*script-src 'self'/);
      expect(html, page).not.toContain('unsafe-eval');
    }
  });

  it('validates and lists every sample on the start page, under the CSP, without console errors', async () => {
    const { page, problems } = await openPage('./');
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(new RegExp(`^${sampleCount} dari ${sampleCount} contoh sah`));
    expect(await page.locator('.sample-catalogue__table tbody tr').count()).toBe(sampleCount);
    const banyuwangi = page.getByRole('row', { name: /Surat Pernyataan Miskin \(SPM\) OnLine/ });
    expect(await banyuwangi.textContent()).toContain('4 jam 10 menit');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('opens the designer and the runtime without console errors, in English too', async () => {
    for (const path of ['./designer/', './runtime/']) {
      const { page, problems } = await openPage(path);
      await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
      await page.getByRole('combobox', { name: 'Language' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(problems, path).toEqual([]);
      await page.close();
    }
  }, 60_000);
});
