// What the journeys on the real server share, through the UI of the production
// build: a device (its own browser context, watched for errors), signing in in
// the designer and in the runtime, publishing from the designer, and reading
// the server's database to check what arrived.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { expect } from 'vitest';
import { PASSWORD } from '../../../server/testing/serverProcess';
import { watchPage } from './servedBuild';

/** Generous: a sync round or a publish on 2 shared cores under load. */
export const LONG = 60_000;

export interface Device {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/** A new browser context (a device of its own) with one page on `url`, its console errors collected. */
export async function newDevice(browser: Browser, url: string): Promise<Device> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = await watchPage(page);
  await page.goto(url);
  return { context, page, problems };
}

/** Rows of `sql` on the server's database, on a connection of their own. */
export async function queryDb<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The header's Server button: signs in with the address left empty (this origin serves the apps). */
export async function signInOnDesigner(page: Page, login: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Server: belum masuk' }).click();
  const dialog = page.getByRole('dialog', { name: 'Akun server' });
  await dialog.getByLabel('Nama pengguna').fill(login);
  await dialog.getByLabel('Kata sandi').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Masuk', exact: true }).click();
  await dialog.getByText(name).waitFor();
  await dialog.getByText('Peran: penyusun, penerbit').waitFor();
  await dialog.getByText('Akun ini dapat menerbitkan ke server.').waitFor();
  await dialog.getByRole('button', { name: 'Tutup' }).click();
  await page.getByRole('button', { name: `Server: ${name}` }).waitFor();
}

/** The open SOP through the publish dialog, which says beforehand that the revision goes to the server. */
export async function publishToServer(page: Page, publisherName: string, note: string, revision = 2): Promise<void> {
  await page.getByRole('button', { name: 'Terbitkan…' }).click();
  const dialog = page.getByRole('dialog', { name: `Terbitkan revisi ${revision}` });
  await expect.poll(() => dialog.getByTestId('publish-server').textContent()).toContain(`dikirim ke server atas nama ${publisherName}`);
  await dialog.getByRole('textbox', { name: 'Catatan perubahan' }).fill(note);
  const accept = dialog.getByRole('checkbox', { name: /Saya sudah memeriksa/ });
  if (await accept.count()) await accept.check();
  await dialog.getByRole('button', { name: new RegExp(`^Terbitkan revisi ${revision}`) }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Pengaturan → Server of the runtime at `baseUrl`, the address left empty; waits for the first sync round to finish. */
export async function signInOnRuntime(page: Page, baseUrl: string, login: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/runtime/#/pengaturan`);
  await page.getByLabel('Nama pengguna').fill(login);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('link', { name: `Petugas: ${name}` }).waitFor();
  await syncStatus(page).getByText(/^Sinkron terakhir: /).waitFor({ timeout: LONG });
}

/** The runtime's sync status region. */
export const syncStatus = (page: Page) => page.getByRole('region', { name: 'Sinkronisasi dengan server' });

/** The runtime catalogue's card of the SOP titled `title`. */
export function catalogueCard(page: Page, title: string) {
  return page.locator('.rt-card').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });
}
