// A large SOP prints: the designer hands a valid ~15 MB document to the print tab
// (through IndexedDB: localStorage, which holds about 5 MB for the whole site,
// refused a 5.8 MB SOP and nothing happened), and the print view renders it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../core/text/richText';
import { largeSop } from './support/largeSop';
import { serveProductionBuild, watchPage, type ServedBuild } from './support/servedBuild';

let app: ServedBuild;

beforeAll(async () => {
  app = await serveProductionBuild('print-large');
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('printing a large SOP from the built designer', () => {
  it('hands a valid 15 MB SOP to the print tab, which renders it', async () => {
    const doc = largeSop(15_100_000);
    doc.id = 'sop-besar';
    doc.identity.title = 'SOP Besar Lima Belas Megabita';
    const json = JSON.stringify(doc);
    expect(Buffer.byteLength(json)).toBeGreaterThanOrEqual(15_000_000);

    const context = await app.browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.goto(app.url('./designer/'));
    await page.getByRole('heading', { name: 'Pustaka SOP' }).or(page.getByRole('button', { name: 'SOP baru' })).first().waitFor();
    await page.locator('input[type="file"]').first().setInputFiles({ name: 'sop-besar.sop.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await page.getByRole('button', { name: doc.identity.title, exact: true }).click({ timeout: 60_000 });
    await page.getByRole('heading', { name: doc.identity.title }).waitFor({ timeout: 60_000 });

    const opened = context.waitForEvent('page', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Cetak', exact: true }).click();
    const print = await opened;
    const printProblems = await watchPage(print);
    await print.getByRole('status').filter({ hasText: /Siap dicetak: \d+ halaman/ }).waitFor({ timeout: 240_000 });
    // The printout is this document: its title and the long text of its first step.
    expect(await print.getByText(doc.identity.title!).count()).toBeGreaterThan(0);
    expect(await print.locator('.print-page').count()).toBeGreaterThan(5);
    const firstStep = plainTextOf(doc.flows[0]!.steps[0]!.text).slice(0, 60);
    expect(await print.getByText(firstStep, { exact: false }).count()).toBeGreaterThan(0);
    // Taken once: nothing of the 15 MB is left behind in the hand-over store.
    const left = await print.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('sop-studio-print-handover');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('documents').objectStore('documents').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(left).toBe(0);
    // Nothing of it went through localStorage either.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sop-studio.print.')))).toEqual([]);
    expect(problems).toEqual([]);
    expect(printProblems).toEqual([]);
    await context.close();
  }, 600_000);
});
