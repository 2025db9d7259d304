// The production build under its Content-Security-Policy: every page carries
// exactly the one policy (the CLI's print page too), and what the apps really
// do works under it without a single violation: a whole-database backup of a
// case holding a 20 MB photo, restored on another device; the designer's PNG
// and SVG export; its print tab.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPageHtml } from '../../print/pdf/pdfPrinter';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp';
import { setUpProfile, tickRequired } from './support/clerk';
import { serveProductionBuild, type ServedBuild } from './support/servedBuild';

const TITLE = 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine';
/**
 * The policy written out, not only the constant the build uses: what the pages allow is checked
 * against what we decided. Workers (Monaco's, the service worker) and manifests from our origin only.
 */
const EXPECTED_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'";
let app: ServedBuild;

beforeAll(async () => {
  app = await serveProductionBuild('backup-csp');
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** The policies a page's HTML declares (meta tags). */
function policiesOf(html: string): string[] {
  return [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((m) => m[1]!);
}

/** Console errors, uncaught exceptions and CSP violations of every page of a context, tabs it opens included. */
async function watchContext(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  };
  context.on('page', watch);
  return problems;
}

describe('the Content-Security-Policy', () => {
  it('is exactly the same on every built page and on the page the CLI prints from', () => {
    for (const page of ['index.html', 'designer/index.html', 'runtime/index.html', 'print/index.html']) {
      const html = readFileSync(join(app.outDir, page), 'utf8');
      expect(policiesOf(html), page).toEqual([EXPECTED_POLICY]);
      // Before any script or stylesheet, or those would load unchecked.
      expect(html.indexOf('Content-Security-Policy'), page).toBeLessThan(html.search(/<script|<link rel="stylesheet"/));
    }
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_POLICY);
    expect(policiesOf(printPageHtml())).toEqual([EXPECTED_POLICY]);
  });

  it('lets a case with a 20 MB photo be backed up and restored on another device, without a violation', async () => {
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(20 * 1024 * 1024 - 4)]);
    const photoHash = createHash('sha256').update(photo).digest('hex');
    const runtimeUrl = app.url('./runtime/');

    const office = await app.browser.newContext({ acceptDownloads: true });
    const problems = await watchContext(office);
    const page = await office.newPage();
    await page.goto(runtimeUrl);
    await setUpProfile(page, runtimeUrl, { name: 'Rina Operator' });
    await page.getByRole('link', { name: 'Katalog SOP' }).click();
    await page.getByRole('link', { name: 'Mulai kasus: Penerbitan Surat Pernyataan Miskin (SPM) OnLine' }).click();
    await page.getByLabel('Nama pemohon').fill('Budi Santoso');
    await page.getByLabel('NIK pemohon').fill('3510011205850001');
    await page.getByRole('button', { name: 'Mulai kasus' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kasus Budi Santoso' }).waitFor();
    await page.locator('.rt-step [data-attach-input]').first().setInputFiles({ name: 'foto-ktp.jpg', mimeType: 'image/jpeg', buffer: photo }, { timeout: 120_000 });
    await page.getByText('foto-ktp.jpg').first().waitFor();
    await tickRequired(page);
    await page.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    await page.getByRole('heading', { level: 3, name: 'Langkah 2' }).waitFor();

    await page.goto(`${runtimeUrl}#/kasus`);
    await page.getByText('Cadangan data').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh cadangan seluruh data' }).click()]);
    await page.getByText(/^Cadangan dibuat: sop-studio-cadangan-skema\d+-.*\(kasus 1, peristiwa \d+, SOP 1, lampiran 1, draf \d+\)\.$/).waitFor({ timeout: 60_000 });
    const file = await download.path();
    expect(readFileSync(file).length).toBeGreaterThan(20 * 1024 * 1024);

    // Another device: an empty runtime.
    const other = await app.browser.newContext();
    problems.push(...(await watchContext(other)));
    const second = await other.newPage();
    await second.goto(`${runtimeUrl}#/kasus`);
    await second.getByText('Cadangan data').click();
    // 28 MB through the DevTools protocol: on a loaded machine that alone took more than the default 30 s in CI.
    await second
      .getByLabel('Pulihkan dari cadangan (menggantikan data di perangkat ini)')
      .setInputFiles({ name: 'cadangan.json', mimeType: 'application/json', buffer: readFileSync(file) }, { timeout: 120_000 });
    const confirm = second.getByRole('group', { name: 'Periksa sebelum memulihkan' });
    await confirm.waitFor({ timeout: 60_000 });
    expect(await confirm.getByRole('row', { name: /^Kasus/ }).textContent()).toBe('Kasus01');
    expect(await confirm.getByRole('row', { name: /^Lampiran/ }).textContent()).toBe('Lampiran01');
    await confirm.getByRole('button', { name: 'Ganti data dengan cadangan ini' }).click();
    await second.getByText(/^Cadangan dipulihkan\. Sekarang: kasus 1, peristiwa \d+, SOP 1, lampiran 1/).waitFor({ timeout: 60_000 });
    await second.getByRole('link', { name: /Budi Santoso/ }).first().waitFor();

    // The photo arrived byte for byte.
    const stored = await second.evaluate(
      () =>
        new Promise<{ size: number; hash: string }>((resolve, reject) => {
          const open = indexedDB.open('sop-studio-runtime');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('attachments').objectStore('attachments').getAll();
            get.onsuccess = async () => {
              const blob = get.result[0].blob as Blob;
              const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
              open.result.close();
              resolve({ size: blob.size, hash: [...digest].map((b) => b.toString(16).padStart(2, '0')).join('') });
            };
          };
        }),
    );
    expect(stored).toEqual({ size: photo.length, hash: photoHash });
    expect(problems).toEqual([]);
    await office.close();
    await other.close();
  }, 240_000);

  it("lets the designer export PNG and SVG and open its print tab, without a violation", async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const problems = await watchContext(context);
    const page = await context.newPage();
    await page.goto(app.baseUrl);
    await page.getByRole('link', { name: `Buka ${TITLE} di Perancang SOP` }).click();
    await page.locator('.react-flow__node').first().waitFor();
    for (const name of ['Ekspor PNG', 'Ekspor SVG']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
      expect(readFileSync(await download.path()).length, name).toBeGreaterThan(1000);
    }
    const [printTab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Cetak', exact: true }).click()]);
    await printTab.getByText(TITLE).first().waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
