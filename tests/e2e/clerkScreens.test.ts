// The clerk's screens as built for production, in Debian's Chromium: what the
// runtime prints (the applicant's receipt, the case page, the SOP from the
// catalogue) carries its content on paper, and at 1280×720 the active step's
// main action is on screen without scrolling, for every published sample.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSamples } from '../../samples/loadSamples.node';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { pdfPages, squash } from './printSupport';
import { serveProductionBuild, watchPage, type ServedBuild } from './support/servedBuild';
import { plainTextOf } from '../../core/text/richText';

let app: ServedBuild;
let browser: Browser;

const samples = loadSamples();
const published = samples.filter((doc) => doc.revision.status === 'published');
const bwi = samples.find((doc) => doc.id === 'bwi-spm-online')!;

beforeAll(async () => {
  app = await serveProductionBuild('clerk');
  ({ browser } = app);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

function startUrl(doc: SopDocument): string {
  return app.url(`./runtime/#/sop/${encodeURIComponent(`${doc.id}@${doc.revision.number}`)}/mulai`);
}

const profiled = new WeakSet<BrowserContext>();

/**
 * Says who works on this device, once per browser profile, where the build asks
 * for it (a runtime that records the person on every event); a build without
 * profiles shows "page not found" here and the helper does nothing.
 */
async function ensureProfile(page: Page): Promise<void> {
  if (profiled.has(page.context())) return;
  profiled.add(page.context());
  await page.goto(app.url('./runtime/#/profil'));
  const name = page.getByLabel('Nama lengkap');
  await name.or(page.getByText('Halaman tidak ditemukan.')).first().waitFor();
  if (!(await name.isVisible())) return;
  await name.fill('Rina Operator');
  await page.getByRole('button', { name: 'Simpan profil' }).click();
  await page.getByRole('link', { name: 'Petugas: Rina Operator' }).waitFor();
}

/** Starts a case through the start form; returns the case page's URL. */
async function startCase(page: Page, doc: SopDocument, name: string, nik: string): Promise<string> {
  await ensureProfile(page);
  await page.goto(startUrl(doc));
  await page.getByRole('heading', { level: 2, name: 'Kasus baru' }).waitFor();
  const fields = (doc.caseFields ?? []).filter((f) => !f.step);
  if (fields.some((f) => f.id === 'nama')) await page.getByLabel('Nama pemohon').fill(name);
  if (fields.some((f) => f.id === 'nik')) await page.getByLabel('NIK pemohon').fill(nik);
  await page.getByRole('button', { name: 'Mulai kasus' }).click();
  await page.waitForURL(/#\/kasus\/[^/]+$/);
  await page.locator('.rt-case').waitFor();
  return page.url();
}

async function tickRequired(page: Page) {
  for (const box of await page.locator('.rt-step').first().getByRole('checkbox', { name: /wajib diperiksa/ }).all()) {
    if (!(await box.isChecked())) await box.check();
  }
}

/**
 * Pixels of a screenshot darker than paper: a blank printout has none. Decoded
 * by Chromium in a blank page of the same context (the app's CSP forbids data: fetches).
 */
async function inkPixels(page: Page, png: Buffer): Promise<number> {
  const scratch = await page.context().newPage();
  const ink = await scratch.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.min(data[i]!, data[i + 1]!, data[i + 2]!) < 160) ink++;
    return ink;
  }, png.toString('base64'));
  await scratch.close();
  return ink;
}

async function pdfText(page: Page): Promise<{ pages: number; text: string }> {
  const pages = await pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
  return { pages: pages.length, text: pages.map((p) => p.squashed).join('') };
}

describe('printing from the runtime', () => {
  it('prints the applicant\'s receipt and the case summary with their content, on screen emulation and to PDF', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page);
    await startCase(page, bwi, 'Siti Aminah', '3510015205850002');
    await tickRequired(page);
    await page.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    await page.getByRole('heading', { level: 3, name: 'Langkah 2' }).waitFor();

    await page.getByRole('link', { name: 'Tanda terima & ringkasan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tanda Terima Berkas' }).waitFor();
    const number = (await page.getByRole('row', { name: /Nomor kasus/ }).getByRole('cell').innerText()).trim();
    expect(number.length).toBeGreaterThan(4);

    await page.emulateMedia({ media: 'print' });
    const shot = await page.screenshot({ fullPage: true });
    expect(await inkPixels(page, shot)).toBeGreaterThan(3000);
    // What the clerk sees on screen but the applicant must not get on paper.
    expect(await page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Navigasi pelaksanaan kasus' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: null });

    const { pages, text } = await pdfText(page);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(squash('TANDA TERIMA BERKAS'));
    expect(text).toContain(squash('Siti Aminah'));
    expect(text).toContain(squash(bwi.identity.title!));
    expect(text).toContain(squash(number));
    expect(text).toContain(squash('KK asli beserta photo kopinya'));
    expect(text).toContain(squash('Ringkasan kasus'));
    expect(text).not.toContain(squash('Kembali ke kasus'));
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('prints the case page (header, timeline, applicant data) without its controls', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page);
    await startCase(page, bwi, 'Budi Santoso', '3510011205850001');
    await tickRequired(page);
    await page.getByLabel('Catatan').fill('Berkas asli dibawa pulang pemohon');
    await page.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    await page.getByRole('heading', { level: 3, name: 'Langkah 2' }).waitFor();

    await page.emulateMedia({ media: 'print' });
    expect(await inkPixels(page, await page.screenshot({ fullPage: true }))).toBeGreaterThan(3000);
    await page.emulateMedia({ media: null });
    const { text } = await pdfText(page);
    expect(text).toContain(squash('Kasus Budi Santoso'));
    expect(text).toContain(squash(bwi.identity.title!));
    expect(text).toContain(squash('Riwayat'));
    expect(text).toContain(squash('Berkas asli dibawa pulang pemohon'));
    expect(text).toContain(squash('3510011205850001'));
    // The return/cancel panel and the buttons are of no use on paper.
    expect(text).not.toContain(squash('Kembalikan atau batalkan'));
    expect(text).not.toContain(squash('Selesaikan langkah 2'));
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('prints a published SOP from the catalogue\'s print button', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url('./runtime/'));
    const [printView] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: new RegExp(`^Cetak SOP: ${bwi.identity.title!.replace(/[()]/g, '\\$&')}`) }).click(),
    ]);
    const problems = await watchPage(printView!);
    await printView!.waitForLoadState();
    await printView!.locator('.print-page').first().waitFor();
    await printView!.emulateMedia({ media: 'print' });
    expect(await inkPixels(printView!, await printView!.screenshot({ fullPage: true }))).toBeGreaterThan(3000);
    await printView!.emulateMedia({ media: null });
    const { text } = await pdfText(printView!);
    expect(text.toLowerCase()).toContain(squash(bwi.identity.title!).toLowerCase());
    expect(text).toContain(squash(plainTextOf(bwi.flows[0]!.steps[0]!.text).split('\n')[0]!).slice(0, 30));
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});

/** The active step's main action(s) at 1280×720, measured where the page opens (no scrolling). */
async function expectActionOnScreen(page: Page, what: string) {
  const step = page.locator('.rt-step').first();
  await step.waitFor();
  const buttons = await step.locator('.rt-actions button').all();
  expect(buttons.length, `${what}: no action`).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollY), what).toBe(0);
  for (const button of buttons) {
    const box = (await button.boundingBox())!;
    const label = `${what}: "${await button.innerText()}" at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;
    expect(box.y, label).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, label).toBeLessThanOrEqual(720);
    expect(box.x, label).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, label).toBeLessThanOrEqual(1280);
  }
}

describe('the step form at 1280×720', () => {
  it('shows the main action without scrolling on the first two steps of every published sample', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const problems = await watchPage(page);
    for (const [i, doc] of published.entries()) {
      const url = await startCase(page, doc, 'Siti Aminah', `35100152058500${String(10 + i)}`);
      await page.reload();
      await expectActionOnScreen(page, `${doc.id} step 1`);
      await tickRequired(page);
      const first = page.locator('.rt-step').first();
      const heading = await first.getByRole('heading', { level: 3 }).innerText();
      await first.locator('.rt-actions button').first().click();
      await page.locator('.rt-step h3').filter({ hasNotText: heading }).first().waitFor();
      await page.goto(url);
      await page.reload();
      await expectActionOnScreen(page, `${doc.id} step 2`);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('shows every decision button without scrolling (Banyuwangi step 6)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const url = await startCase(page, bwi, 'Dewi Lestari', '3510015205850077');
    for (const n of [1, 2, 3, 4, 5]) {
      await page.getByRole('heading', { level: 3, name: `Langkah ${n}` }).waitFor();
      await tickRequired(page);
      await page.getByRole('button', { name: `Selesaikan langkah ${n}` }).click();
    }
    await page.getByRole('heading', { level: 3, name: 'Langkah 6' }).waitFor();
    await page.goto(url);
    await page.reload();
    await expectActionOnScreen(page, 'bwi step 6');
    expect(await page.locator('.rt-step .rt-actions button').count()).toBe(2);
    await context.close();
  }, 90_000);
});
