// The designer as built for production, served and driven in Debian's Chromium:
// Monaco (lazy, JSON only, bundled workers) works under the page's strict CSP,
// the up-front JavaScript carries no Monaco, a real page reload restores the
// open SOP, flow and view, and a second tab on the same SOP is warned.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialScripts, serveProductionBuild, watchPage, type ServedBuild } from './support/servedBuild';

let app: ServedBuild;
let browser: Browser;
let baseUrl: string;
let outDir: string;

beforeAll(async () => {
  app = await serveProductionBuild('designer');
  ({ browser, baseUrl, outDir } = app);
}, 180_000);

afterAll(async () => {
  await app?.close();
});



const TITLE = 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine';

describe('the built designer', () => {
  it('loads no Monaco up front', () => {
    const scripts = initialScripts(outDir, 'designer');
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const file of scripts) {
      const code = readFileSync(file);
      total += gzipSync(code, { level: 9 }).length;
      expect(file).not.toMatch(/Monaco|jsonMode/);
      // Markers of Monaco itself and of its workers (the designer's own code only names the .monaco-editor class).
      expect(/MonacoEnvironment|editor\.worker|json\.worker|StandaloneCodeEditor/.test(code.toString('utf8')), file).toBe(false);
    }
    console.log(`designer initial JS: ${scripts.length} files, ${(total / 1000).toFixed(1)} kB gzip`);
  });

  it('runs Monaco with the SOP schema under the CSP and restores the open SOP and view after a real reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(new URL('./designer/', baseUrl).href);
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    await page.locator('.json-view[data-ready="true"]').waitFor({ timeout: 30_000 });
    // Hover documentation comes from the schema, computed in the bundled JSON worker.
    await page.locator('.monaco-editor .view-line', { hasText: '"schemaVersion"' }).first().hover({ position: { x: 40, y: 5 } });
    await page.getByText('Version of this schema the document follows', { exact: false }).waitFor({ timeout: 15_000 });
    // Invalid text is refused and explained.
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(',');
    await page.getByTestId('json-status').getByText('Belum diterapkan').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.getByRole('button', { name: 'JSON', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.locator('.json-view[data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('json-status').textContent()).toContain('JSON sah');

    // A second tab on the same SOP is told.
    const second = await context.newPage();
    await second.goto(new URL('./designer/', baseUrl).href);
    await second.getByRole('heading', { name: TITLE }).waitFor();
    await second.getByText('SOP ini juga terbuka di tab lain').waitFor();
    await page.getByText('SOP ini juga terbuka di tab lain').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('opens a sample from the start page in the designer, and a reload keeps it open without repeating the request', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(baseUrl);
    await page.getByRole('link', { name: `Buka ${TITLE} di Perancang SOP` }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/designer/');
    expect(new URL(page.url()).search).toBe('');
    await page.reload();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
