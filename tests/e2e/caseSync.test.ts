// Issue 10 acceptance: case sync through the UI of the production build, served
// by the real server (its own process) on real PostgreSQL. Four offices of the
// Banyuwangi SPM SOP, each a browser profile of its own, work offline and sync
// when back online; the case finishes with the same timeline everywhere. Then
// two offices act on the same step offline: one wins, the other's input is kept
// for review ("Perlu tinjauan"). Then the faults: PostgreSQL restarts under
// the running apps, and the server is killed in the middle of a push.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/engine';
import { BACKOFF_CAP_MS } from '../../core/sync/backoff';
import { launchChromium } from '../../cli/chromium';
import { chooseBranch, completeStep } from './support/clerk';
import { PASSWORD, freePort, seedSpm, startPostgres, startServerProcess, type ServerProcess, type SpmOffices } from '../../server/testing/serverProcess';
import { buildProductionApp } from './support/servedBuild';

const SOP_TITLE = 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine';
const LONG = 60_000;

let postgres: Awaited<ReturnType<typeof startPostgres>>;
let seeded: SpmOffices;
let server: ServerProcess;
let browser: Browser;
let appsDir: string;
let port: number;

beforeAll(async () => {
  appsDir = await buildProductionApp('case-sync');
  postgres = await startPostgres();
  seeded = await seedSpm(postgres.databaseUrl);
  port = await freePort();
  server = await startServerProcess({ databaseUrl: postgres.databaseUrl, appsDir, port, logLevel: 'info' });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  postgres?.stop();
});

interface Office {
  context: BrowserContext;
  page: Page;
  offline(): Promise<void>;
  online(): Promise<void>;
}

const offices = new Map<string, Office>();

async function signedInOffice(key: keyof SpmOffices['clerks']): Promise<Office> {
  const known = offices.get(key);
  if (known) return known;
  const { login, name } = seeded.clerks[key];
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/runtime/#/pengaturan`);
  // The server address stays empty: the server serves this app, one origin.
  await page.getByLabel('Nama pengguna').fill(login);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('link', { name: `Petugas: ${name}` }).waitFor();
  const office: Office = {
    context,
    page,
    offline: () => context.setOffline(true),
    async online() {
      await context.setOffline(false);
      await allSent(page);
    },
  };
  offices.set(key, office);
  return office;
}

/** The sync status says everything queued reached the server. */
async function allSent(page: Page, timeout = LONG): Promise<void> {
  const status = page.getByRole('region', { name: 'Sinkronisasi dengan server' });
  await explained(page, 'Not everything was sent', () => status.getByText('Semua pekerjaan sudah terkirim').waitFor({ timeout }));
}

/** Runs a wait; when it fails, says what the clerk's sync status showed and what the server logged last: a timeout alone does not tell a stuck loop from a slow one. */
async function explained(page: Page, what: string, wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait();
  } catch (error) {
    const shown = await page.getByRole('region', { name: 'Sinkronisasi dengan server' }).innerText({ timeout: 2_000 }).catch(() => '(no sync status)');
    throw new Error(`${what}. Sync status: ${shown}\nServer log (tail): ${server.output().slice(-6000)}`, { cause: error });
  }
}

/** Opens the case from the case list, waiting for sync to bring it when it is not here yet. */
async function openCase(page: Page, applicant: string, stepHeading?: string, timeout = LONG): Promise<void> {
  await page.goto(`${server.baseUrl}/runtime/#/kasus`);
  await explained(page, `The case of ${applicant} did not arrive`, () => page.getByRole('link', { name: new RegExp(applicant) }).first().click({ timeout }));
  await page.getByRole('heading', { level: 2, name: `Kasus ${applicant}` }).waitFor({ timeout: LONG });
  if (stepHeading) await page.getByRole('heading', { level: 3, name: new RegExp(`^${stepHeading}`) }).first().waitFor({ timeout: LONG });
}

async function startCase(page: Page, applicant: string, nik: string): Promise<string> {
  await page.goto(`${server.baseUrl}/runtime/#/`);
  await page.getByRole('link', { name: `Mulai kasus: ${SOP_TITLE}` }).click({ timeout: LONG });
  await page.getByLabel('Nama pemohon').fill(applicant);
  await page.getByLabel('NIK pemohon').fill(nik);
  await page.getByRole('button', { name: 'Mulai kasus' }).click();
  await page.getByRole('heading', { level: 2, name: `Kasus ${applicant}` }).waitFor({ timeout: LONG });
  return decodeURIComponent(new URL(page.url()).hash.replace(/^#\/kasus\//, ''));
}

/** The case's events as a device holds them (IndexedDB), canonical and in order. */
async function deviceTimeline(page: Page, caseId: string): Promise<string[]> {
  const events = await page.evaluate(
    (id) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('sop-studio-runtime');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => {
            resolve((request.result as { caseId: string; event: unknown }[]).filter((r) => r.caseId === id).map((r) => r.event));
            open.result.close();
          };
        };
      }),
    caseId,
  );
  return events.map((e) => canonicalJson(e)).sort();
}

async function serverTimeline(caseId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: postgres.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ event: unknown }>('SELECT event FROM case_events WHERE case_id = $1', [caseId]);
    return rows.map((r) => canonicalJson(r.event)).sort();
  } finally {
    await client.end();
  }
}

/** Waits until the device holds exactly the server's timeline of the case. */
async function expectSameTimeline(page: Page, caseId: string): Promise<void> {
  const server = await serverTimeline(caseId);
  const until = Date.now() + LONG;
  let device = await deviceTimeline(page, caseId);
  while (JSON.stringify(device) !== JSON.stringify(server) && Date.now() < until) {
    await page.waitForTimeout(500);
    device = await deviceTimeline(page, caseId);
  }
  expect(device).toEqual(server);
}

describe('case sync between offices, through the UI, on the real server', () => {
  let caseId: string;

  it('runs the SPM case across four offices, each working offline, to one identical timeline', async () => {
    const desa = await signedInOffice('desa');
    const dinkes = await signedInOffice('dinkes');
    const kecamatan = await signedInOffice('kecamatan');
    const dinsos = await signedInOffice('dinsos');

    // The village office takes the application while the network is down.
    await desa.page.goto(`${server.baseUrl}/runtime/#/`);
    await desa.page.getByRole('link', { name: `Mulai kasus: ${SOP_TITLE}` }).waitFor({ timeout: LONG });
    await desa.offline();
    caseId = await startCase(desa.page, 'Budi Santoso', '3510011205850001');
    await completeStep(desa.page, 1);
    await completeStep(desa.page, 2);
    await desa.page.getByRole('heading', { level: 3, name: /^Langkah 3/ }).first().waitFor();
    await desa.online();

    // Dinas Kesehatan (35.10) receives it once it reaches its lane.
    await openCase(dinkes.page, 'Budi Santoso', 'Langkah 3');
    await dinkes.offline();
    await completeStep(dinkes.page, 3);
    await dinkes.online();

    await openCase(desa.page, 'Budi Santoso', 'Langkah 4');
    await desa.offline();
    await completeStep(desa.page, 4);
    await desa.online();

    await openCase(kecamatan.page, 'Budi Santoso', 'Langkah 5');
    await kecamatan.offline();
    await completeStep(kecamatan.page, 5);
    await kecamatan.page.getByRole('heading', { level: 3, name: /^Langkah 6/ }).first().waitFor();
    await chooseBranch(kecamatan.page, 'memenuhi persyaratan');
    await kecamatan.online();

    await openCase(dinsos.page, 'Budi Santoso', 'Langkah 7');
    await dinsos.offline();
    await chooseBranch(dinsos.page, 'memenuhi segala persyaratan');
    await dinsos.online();

    await openCase(desa.page, 'Budi Santoso', 'Langkah 8');
    await desa.offline();
    await completeStep(desa.page, 8);
    await completeStep(desa.page, 9);
    await completeStep(desa.page, 10);
    await desa.page.getByText(/^Kasus selesai pada/).waitFor();
    await desa.online();

    const onServer = await serverTimeline(caseId);
    expect(onServer.some((e) => e.includes('"type":"case.finished"'))).toBe(true);
    for (const office of [desa, dinkes, kecamatan, dinsos]) await expectSameTimeline(office.page, caseId);
    // Every event names the person the server saw act, with their office.
    for (const text of onServer) expect(JSON.parse(text).recordedAt).toEqual(expect.any(String));
  }, 600_000);

  it('keeps the losing office’s input for review when two offices do the same step offline', async () => {
    const desa = await signedInOffice('desa');
    const kecamatan = await signedInOffice('kecamatan');
    const second = await startCase(desa.page, 'Ani Lestari', '3510014501900001');
    await completeStep(desa.page, 1);
    await desa.page.getByRole('heading', { level: 3, name: /^Langkah 2/ }).first().waitFor();
    await allSent(desa.page);
    // The Kecamatan also plays the village's lane, and sees the case from step 2 on.
    await openCase(kecamatan.page, 'Ani Lestari', 'Langkah 2');

    await desa.offline();
    await kecamatan.offline();
    await completeStep(desa.page, 2);
    await kecamatan.page.getByLabel(/^Catatan/).first().fill('Dicek dari kecamatan');
    await completeStep(kecamatan.page, 2);
    await desa.online();
    await kecamatan.context.setOffline(false);

    // The Kecamatan's command came back stale; rebased, it no longer applies: kept, marked, nothing lost.
    await kecamatan.page.goto(`${server.baseUrl}/runtime/#/kasus`);
    await explained(kecamatan.page, 'The losing command was not marked for review', () =>
      kecamatan.page.getByRole('row', { name: /Ani Lestari/ }).getByText('Perlu tinjauan').waitFor({ timeout: LONG }),
    );
    await openCase(kecamatan.page, 'Ani Lestari');
    const panel = kecamatan.page.getByRole('region', { name: 'Perlu tinjauan' });
    await panel.getByText('Dicek dari kecamatan').waitFor();
    await allSent(kecamatan.page);

    const onServer = (await serverTimeline(second)).map((t) => JSON.parse(t) as { type: string; stepId?: string; by?: { person?: { name: string } } });
    const completions = onServer.filter((e) => e.type === 'step.completed' && e.stepId === 's2');
    expect(completions).toHaveLength(1);
    expect(completions[0]!.by?.person?.name).toBe(seeded.clerks.desa.name);
    await expectSameTimeline(desa.page, second);
    await expectSameTimeline(kecamatan.page, second);
  }, 300_000);

  it('resumes by itself after PostgreSQL restarts under the running apps', async () => {
    const desa = await signedInOffice('desa');
    const dinkes = await signedInOffice('dinkes');
    postgres.restart();
    const third = await startCase(desa.page, 'Citra Dewi', '3510016203880002');
    await completeStep(desa.page, 1);
    await completeStep(desa.page, 2);
    // A device whose round failed while PostgreSQL was down waits before trying again, up to the backoff's cap
    // (a minute) when the restart was slow; it must still come back by itself, within that wait and a round.
    const afterBackoff = BACKOFF_CAP_MS + LONG;
    await allSent(desa.page, afterBackoff);
    // The other office hears of it (the server's LISTEN connection came back) and pulls it.
    await openCase(dinkes.page, 'Citra Dewi', 'Langkah 3', afterBackoff);
    await expectSameTimeline(dinkes.page, third);
  }, 300_000);
});
