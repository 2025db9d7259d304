// The clerk's app as built for production, served and driven in Debian's Chromium:
// the JavaScript it loads up front stays small and free of the designer's editors,
// a real page reload mid-step loses nothing, and a second tab sees the first tab's commit.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpProfile } from './support/clerk';
import { initialScripts, serveProductionBuild, watchPage, type ServedBuild } from './support/servedBuild';

const BUDGET_GZIP_BYTES = 250_000;
let app: ServedBuild;
let browser: Browser;
let baseUrl: string;
let outDir: string;

beforeAll(async () => {
  app = await serveProductionBuild('runtime');
  ({ browser, baseUrl, outDir } = app);
}, 180_000);

afterAll(async () => {
  await app?.close();
});


async function tickRequired(page: Page) {
  for (const box of await page.getByRole('checkbox', { name: /wajib diperiksa/ }).all()) {
    if (!(await box.isChecked())) await box.check();
  }
}

describe('the built runtime', () => {
  it(`loads at most ${BUDGET_GZIP_BYTES / 1000} kB of gzipped JavaScript up front, without React Flow, Monaco, the SOP validator, sync or backups`, () => {
    const scripts = initialScripts(outDir, 'runtime');
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const file of scripts) {
      const code = readFileSync(file);
      total += gzipSync(code, { level: 9 }).length;
      expect(code.toString('utf8'), file).not.toMatch(/@xyflow|react-flow__|monaco-editor|MonacoEnvironment/);
      // Loaded when a screen needs them, not up front: the SOP validator (Ajv's standalone code and its messages;
      // the largest piece of code, needed only to import a file or a bundle), the sync loop (a device linked to a
      // server) and backups. The schema's address alone is no sign of the validator: the v1 → v2 migration, which
      // reads stored revisions, names it.
      expect(code.toString('utf8'), file).not.toMatch(/must have required property|sop-studio-sync:|sop-studio-cadangan/);
    }
    console.log(`runtime initial JS: ${scripts.length} files, ${(total / 1000).toFixed(1)} kB gzip`);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    expect(dirname(scripts[0]!)).toContain('assets');
  });

  it('keeps a step draft across a real page reload and shows a second tab the first tab\'s commit', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(new URL('./runtime/', baseUrl).href);
    await setUpProfile(page, new URL('./runtime/', baseUrl).href, { name: 'Rina Operator' });
    await page.getByRole('link', { name: 'Katalog SOP' }).click();
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
    const secondProblems = await watchPage(second);
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
