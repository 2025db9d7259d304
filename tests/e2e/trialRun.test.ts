// Issue 5 acceptance: a drafter tries a draft from the designer ("Uji coba"),
// a clerk completes two steps of the trial case, and the real case list stays
// empty: trial cases live in their own sandbox database.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveProductionBuild, watchPage, type ServedBuild } from './support/servedBuild';

let app: ServedBuild;
let browser: Browser;
let baseUrl: string;
let outDir: string;

beforeAll(async () => {
  app = await serveProductionBuild('trial');
  ({ browser, baseUrl, outDir } = app);
}, 180_000);

afterAll(async () => {
  await app?.close();
});


async function completeStep(page: Page, number: number) {
  await page.getByRole('heading', { level: 3, name: `Langkah ${number}` }).waitFor();
  for (const box of await page.getByRole('checkbox', { name: /wajib diperiksa/ }).all()) {
    if (!(await box.isChecked())) await box.check();
  }
  await page.getByRole('button', { name: `Selesaikan langkah ${number}` }).click();
}

describe('trial run from the designer', () => {
  it('runs two steps of a draft in the sandbox and leaves the real case list empty', async () => {
    const context = await browser.newContext();
    const designer = await context.newPage();
    const designerProblems = await watchPage(designer);
    await designer.goto(new URL('./designer/', baseUrl).href);
    await designer.getByText('Penerbitan Surat Pernyataan Miskin (SPM) OnLine').click();
    const [trial] = await Promise.all([
      context.waitForEvent('page'),
      designer.getByRole('button', { name: 'Uji coba' }).click(),
    ]);
    const trialProblems = await watchPage(trial!);
    await trial!.waitForLoadState();
    expect(trial!.url()).toContain('uji-coba');
    await trial!.getByText(/^UJI COBA: SOP ini masih rancangan/).waitFor();

    await trial!.getByLabel('Nama pemohon').fill('Siti Aminah');
    await trial!.getByLabel('NIK pemohon').fill('3510015507900002');
    await trial!.getByRole('button', { name: 'Mulai kasus' }).click();
    await trial!.getByRole('heading', { level: 2, name: 'Kasus Siti Aminah' }).waitFor();
    await completeStep(trial!, 1);
    await completeStep(trial!, 2);
    await trial!.getByRole('heading', { level: 3, name: 'Langkah 3' }).waitFor();

    const real = await context.newPage();
    const realProblems = await watchPage(real);
    await real.goto(new URL('./runtime/#/kasus', baseUrl).href);
    await real.getByRole('heading', { name: 'Daftar kasus' }).waitFor();
    await real.getByText('Tidak ada kasus yang cocok.').waitFor();
    expect(await real.getByText('Siti Aminah').count()).toBe(0);
    expect(await real.getByText(/^UJI COBA/).count()).toBe(0);

    expect(designerProblems).toEqual([]);
    expect(trialProblems).toEqual([]);
    expect(realProblems).toEqual([]);
    await context.close();
  }, 120_000);
});
