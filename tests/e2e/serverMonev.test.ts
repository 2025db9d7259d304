// Issue 12's hand-over, device → server → office: the monev dashboard of the
// production build reads the server's measures. Two offices sharing the SPM
// SOP (a village and its Kecamatan, which reads the village's cases) each run
// cases on their own device. On the Kecamatan's device the dashboard counts its
// own cases from the device and, with the server as the source, every case the
// office reads, the village's too, as core `monevMeasures` counts the cases the
// server holds. The Kecamatan's device is kept from pulling the village's cases
// (its pull requests are dropped), as a device that has not caught up yet is:
// without that, sync would bring them to the device and both sources would agree.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sopContentHash, type CaseEvent } from '../../core/engine';
import { caseFactsFromEvents, monevMeasures, monevStepsOf, type MonevMeasures } from '../../core/monev';
import { insertRevisionOnce } from '../../server/publication/revisionsRepo';
import { SERVER_MONEV_CALENDAR } from '../../server/monev/monevFacts';
import { freePort, seedAccounts, startPostgres, startServerProcess, withServerDb, type ServerProcess } from '../../server/testing/serverProcess';
import { publishedSample } from '../../server/testing/sopFixtures';
import { launchChromium } from '../../cli/chromium';
import { completeStep } from './support/clerk';
import { buildProductionApp, watchPage } from './support/servedBuild';
import { LONG, queryDb, signInOnRuntime, syncStatus } from './support/serverJourney';

const sop = publishedSample('bwi-spm-online');
const SOP_TITLE = 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine';
const WAIT = { timeout: LONG };

let postgres: Awaited<ReturnType<typeof startPostgres>>;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  const appsDir = await buildProductionApp('server-monev');
  postgres = await startPostgres();
  await withServerDb(postgres.databaseUrl, async (db) => {
    const lanes = (...actors: string[]) => actors.map((actorId) => ({ sopId: sop.id, actorId }));
    const clerk = (login: string, name: string) => ({ login, name, roles: ['clerk' as const] });
    const now = new Date();
    const seeded = await seedAccounts(
      db,
      {
        kecamatan: {
          name: 'Kecamatan Glagah',
          regionCode: '35.10.01',
          lanes: lanes('masyarakat-pemohon', 'desa-kelurahan', 'kecamatan'),
          users: [clerk('budi', 'Budi Kasi Kesra'), { login: 'penerbit', name: 'Penerbit SOP', roles: ['publisher'] }],
        },
        desa: { name: 'Kantor Desa Kemiren', regionCode: '35.10.01.2001', lanes: lanes('masyarakat-pemohon', 'desa-kelurahan'), users: [clerk('rina', 'Rina Operator Desa')] },
      },
      now,
    );
    await insertRevisionOnce(db, {
      sopId: sop.id,
      revision: sop.revision.number,
      contentHash: sopContentHash(sop),
      title: sop.identity.title ?? '',
      documentText: canonicalJson(sop),
      publishedAt: now.toISOString(),
      publishedBy: seeded.kecamatan.users.penerbit!.id,
    });
  });
  server = await startServerProcess({ databaseUrl: postgres.databaseUrl, appsDir, port: await freePort() });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  postgres?.stop();
});

async function signedInDevice(login: string, name: string): Promise<{ page: Page; problems: string[]; context: Awaited<ReturnType<Browser['newContext']>> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = await watchPage(page);
  await signInOnRuntime(page, server.baseUrl, login, name);
  return { context, page, problems };
}

/** Starts a case of the SPM SOP and completes its first `steps` steps. */
async function runCase(page: Page, applicant: string, nik: string, steps: number): Promise<void> {
  await page.goto(`${server.baseUrl}/runtime/#/`);
  await page.getByRole('link', { name: `Mulai kasus: ${SOP_TITLE}` }).click(WAIT);
  await page.getByLabel('Nama pemohon').fill(applicant);
  await page.getByLabel('NIK pemohon').fill(nik);
  await page.getByRole('button', { name: 'Mulai kasus' }).click();
  await page.getByRole('heading', { level: 2, name: `Kasus ${applicant}` }).waitFor(WAIT);
  for (let step = 1; step <= steps; step++) await completeStep(page, step);
  await page.getByRole('heading', { level: 3, name: new RegExp(`^Langkah ${steps + 1}`) }).first().waitFor(WAIT);
}

async function allSent(page: Page): Promise<void> {
  await syncStatus(page).getByText('Semua pekerjaan sudah terkirim').waitFor(WAIT);
}

/** The dashboard's summary line, as the page words it, for measures. */
function summaryOf(measures: MonevMeasures): string {
  const n = (value: number) => value.toLocaleString('id-ID');
  const { totals } = measures;
  const finished = totals.finished.selesai + totals.finished.dirujuk + totals.finished.ditolak;
  return `${n(totals.started)} kasus dimulai · ${n(finished)} selesai · ${n(totals.returned)} pernah dikembalikan · ${n(totals.cancelled + totals.finished.dibatalkan)} dibatalkan · ${n(totals.open)} masih berjalan`;
}

/** What core `monevMeasures` gives over every case the server holds (the Kecamatan reads them all here). */
async function measuresOfServerCases(): Promise<MonevMeasures> {
  const rows = await queryDb<{ case_id: string; event: CaseEvent }>(postgres.databaseUrl, 'SELECT case_id, event FROM case_events ORDER BY case_id, revision');
  const byCase = new Map<string, CaseEvent[]>();
  for (const { case_id, event } of rows) byCase.set(case_id, [...(byCase.get(case_id) ?? []), event]);
  const facts = [...byCase.values()].map((events) => caseFactsFromEvents(events, SERVER_MONEV_CALENDAR)).sort((a, b) => a.startedAt - b.startedAt);
  return monevMeasures(facts, {}, SERVER_MONEV_CALENDAR, monevStepsOf(sop));
}

describe('the office dashboard reads the server’s monev measures', () => {
  it("counts the other office's cases with the server source, and only the device's own with the device source", async () => {
    const kecamatan = await signedInDevice('budi', 'Budi Kasi Kesra');
    await runCase(kecamatan.page, 'Agus Salim', '3510010101800001', 2);
    await allSent(kecamatan.page);
    // From here the Kecamatan's device receives nothing new: its pulls are dropped.
    await kecamatan.context.route('**/api/v1/sync/pull**', (route) => route.abort());

    const desa = await signedInDevice('rina', 'Rina Operator Desa');
    await runCase(desa.page, 'Budi Santoso', '3510011205850001', 1);
    await runCase(desa.page, 'Citra Dewi', '3510016203880002', 2);
    await allSent(desa.page);

    const page = kecamatan.page;
    await page.goto(`${server.baseUrl}/runtime/#/monev/${encodeURIComponent(sop.id)}`);
    const summary = page.locator('.mv-summary');
    await expect.poll(() => summary.textContent(), WAIT).toMatch(/^1 kasus dimulai/);
    const source = page.getByRole('group', { name: 'Sumber data' });
    await expect(source.getByRole('radio', { name: 'Kasus di perangkat ini' }).isChecked()).resolves.toBe(true);

    await source.getByRole('radio', { name: 'Semua kasus kantor (server)' }).check();
    await page.locator('section.mv-page[data-filters="?sumber=server"]').waitFor(WAIT);
    const expected = await measuresOfServerCases();
    expect(expected.totals.started).toBe(3);
    await expect.poll(() => summary.textContent(), WAIT).toBe(summaryOf(expected));
    expect(page.url()).toContain('sumber=server');
    // No office filter for the server's numbers, and the device-only parts say so.
    expect(await page.getByLabel('Kantor', { exact: true }).count()).toBe(0);
    await page.getByText('hanya tersedia untuk kasus di perangkat ini').waitFor();

    // Offline, a new filter cannot be measured: the server's message, in role=alert, and the last numbers stay.
    await kecamatan.context.setOffline(true);
    await page.getByLabel('Pelaksana', { exact: true }).selectOption('kecamatan');
    await page.getByRole('alert').filter({ hasText: 'Ukuran dari server tidak dapat diambil: Server tidak dapat dihubungi' }).waitFor(WAIT);
    expect(await summary.textContent()).toBe(summaryOf(expected));
    await page.getByText('bukan untuk saringan sekarang').waitFor();
    // Online again, the filter cleared: the server answers, and the alert goes.
    await kecamatan.context.setOffline(false);
    await page.getByLabel('Pelaksana', { exact: true }).selectOption('');
    await page.locator('section.mv-page[data-filters="?sumber=server"]').waitFor(WAIT);
    await page.getByRole('alert').filter({ hasText: 'Ukuran dari server tidak dapat diambil' }).waitFor({ state: 'detached', ...WAIT });
    expect(await summary.textContent()).toBe(summaryOf(expected));

    // Back to the device: its own case only.
    await page.getByRole('group', { name: 'Sumber data' }).getByRole('radio', { name: 'Kasus di perangkat ini' }).check();
    await expect.poll(() => summary.textContent(), WAIT).toMatch(/^1 kasus dimulai/);
    expect(page.url()).not.toContain('sumber=server');
    expect(kecamatan.problems.filter((p) => !/sync\/pull|ERR_FAILED|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p))).toEqual([]);
    expect(desa.problems).toEqual([]);
  }, 180_000);
});
