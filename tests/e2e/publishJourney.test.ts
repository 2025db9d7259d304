// Issue 10 acceptance: the hand-over from the designer to the clerks, through
// the UI of the production build only, on the real server (its own process)
// and real PostgreSQL. Nothing about the SOP is written into the database: a
// publisher signs in in the DESIGNER, opens the Banyuwangi SPM sample and
// publishes it; a second device reusing the revision number with other content
// is refused (409), nothing changes on the server, and that device's runtime
// keeps its own revision 2 without its sync failing. Clerks then sign in on
// the RUNTIME: offices with a lane on the SOP get the published revision in
// their catalogue, keep it with the network cut, and a case started and worked
// offline reaches the server under the clerk's name and office. A clerk already
// signed in sees the next revision the publisher publishes within seconds,
// without a reload (the live stream's `catalogue` event, not the 5-minute
// catalogue poll). An office with no lane on the SOP does not get it, and its
// runtime offers no way to start a case on it (not even on the bundled sample).
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../cli/chromium';
import { freePort, seedAccounts, startPostgres, startServerProcess, withServerDb, type SeededAccounts, type ServerProcess } from '../../server/testing/serverProcess';
import { completeStep } from './support/clerk';
import { buildProductionApp, watchPage } from './support/servedBuild';
import {
  LONG,
  catalogueCard,
  newDevice as openDevice,
  publishToServer,
  queryDb,
  signInOnDesigner,
  signInOnRuntime as signInOnRuntimeAt,
  syncStatus,
  type Device,
} from './support/serverJourney';

const SOP_ID = 'bwi-spm-online';
const SOP_TITLE = 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine';
const SAMPLE_FILE = fileURLToPath(new URL(`../../samples/${SOP_ID}.sop.json`, import.meta.url));

type OfficeKey = 'dinsos' | 'desa' | 'dinkes' | 'lumajang';

let postgres: Awaited<ReturnType<typeof startPostgres>>;
let accounts: SeededAccounts<OfficeKey>;
let server: ServerProcess;
let browser: Browser;
let appsDir: string;

beforeAll(async () => {
  appsDir = await buildProductionApp('publish-journey');
  postgres = await startPostgres();
  const spm = (...actors: string[]) => actors.map((actorId) => ({ sopId: SOP_ID, actorId }));
  // Accounts only, as an admin would set them up: no SOP revision is put in the database.
  accounts = await withServerDb(postgres.databaseUrl, (db) =>
    seedAccounts<OfficeKey>(db, {
      dinsos: {
        name: 'Dinas Sosial Kabupaten Banyuwangi',
        regionCode: '35.10',
        lanes: spm('dinas-sosial'),
        users: [
          { login: 'penerbit', name: 'Penerbit Dinsos', roles: ['drafter', 'publisher'] },
          { login: 'sari', name: 'Sari Petugas Dinsos', roles: ['clerk'] },
        ],
      },
      desa: { name: 'Kantor Desa Kemiren', regionCode: '35.10.01.2001', lanes: spm('masyarakat-pemohon', 'desa-kelurahan'), users: [{ login: 'rina', name: 'Rina Operator Desa', roles: ['clerk'] }] },
      dinkes: { name: 'Dinas Kesehatan Kabupaten Banyuwangi', regionCode: '35.10', lanes: spm('dinas-kesehatan'), users: [{ login: 'dewi', name: 'Dewi Verifikator Dinkes', roles: ['clerk'] }] },
      // Plays a lane in another SOP (Lumajang's own SPM), none in Banyuwangi's.
      lumajang: {
        name: 'Dinas Sosial Kabupaten Lumajang',
        regionCode: '35.08',
        lanes: [{ sopId: 'lmj-16-spm', actorId: 'pengelola' }],
        users: [{ login: 'lina', name: 'Lina Petugas Lumajang', roles: ['clerk'] }],
      },
    }),
  );
  const port = await freePort();
  server = await startServerProcess({ databaseUrl: postgres.databaseUrl, appsDir, port });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  postgres?.stop();
});

const query = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => queryDb<T>(postgres.databaseUrl, sql, params);

interface RevisionRow {
  revision: number;
  content_hash: string;
  title: string;
  published_by: string;
  published_at: Date;
  document: string;
}

const revisionsOnServer = () =>
  query<RevisionRow>('SELECT revision, content_hash, title, published_by, published_at, document FROM sop_revisions WHERE sop_id = $1 ORDER BY revision', [SOP_ID]);

const newDevice = (path: string) => openDevice(browser, `${server.baseUrl}${path}`);
const signInOnRuntime = (page: Page, login: string, name: string) => signInOnRuntimeAt(page, server.baseUrl, login, name);
/** The catalogue's card of the SPM SOP. */
const spmCard = (page: Page) => catalogueCard(page, SOP_TITLE);

describe('designer → server → runtime, through the UI of the production build', () => {
  let published: RevisionRow;
  /** The publisher's designer stays open: it publishes the next revision while a clerk watches. */
  let publisher: Device;

  it('a publisher signs in in the designer, publishes the SPM sample and sees the server accept revision 2', async () => {
    expect(await revisionsOnServer()).toEqual([]);
    publisher = await newDevice('/designer/');
    const { page, problems } = publisher;
    await signInOnDesigner(page, 'penerbit', 'Penerbit Dinsos');
    // The sample catalogue of a fresh designer holds the SPM SOP (revision 1 came with it).
    await page.getByRole('button', { name: SOP_TITLE, exact: true }).click();
    await page.getByRole('heading', { name: SOP_TITLE }).waitFor();

    await publishToServer(page, 'Penerbit Dinsos', 'Diterbitkan untuk kantor-kantor di Banyuwangi');
    await page.getByText('Revisi 2 diterbitkan. Anda kini menyunting draf berikutnya. Revisi 2 terkirim ke server.').waitFor({ timeout: LONG });
    await page.getByRole('tab', { name: 'Riwayat' }).click();
    await expect.poll(() => page.getByTestId('server-status-2').textContent()).toMatch(/^terkirim \(/);
    // Revision 1 came with the sample and was never sent: the server holds only what was published here.
    expect(await page.getByTestId('server-status-1').textContent()).toBe('belum dikirim');

    const rows = await revisionsOnServer();
    expect(rows.map((r) => r.revision)).toEqual([2]);
    published = rows[0]!;
    expect(published.title).toBe(SOP_TITLE);
    expect(published.published_by).toBe(accounts.dinsos.users.penerbit!.id);
    const document = JSON.parse(published.document) as { revision: { number: number; status: string; changeNote?: string; notes?: unknown } };
    expect(document.revision).toMatchObject({ number: 2, status: 'published' });
    expect(JSON.stringify(document.revision)).toContain('Diterbitkan untuk kantor-kantor di Banyuwangi');
    expect(problems).toEqual([]);
  }, 240_000);

  it('a second device publishing other content as revision 2 is refused in Indonesian, and the server keeps the first', async () => {
    const { context, page, problems } = await newDevice('/designer/');
    // The drafter brings the sample in as a file (replacing the bundled copy) and changes its Nomor SOP.
    await page.getByTestId('import-input').setInputFiles(SAMPLE_FILE);
    await page.getByRole('button', { name: 'Ganti SOP yang ada' }).click();
    await page.getByText('1 SOP diimpor.').waitFor();
    await page.getByRole('button', { name: SOP_TITLE, exact: true }).click();
    await page.getByRole('heading', { name: SOP_TITLE }).waitFor();
    await page.getByRole('tab', { name: 'Identitas' }).click();
    await page.getByRole('textbox', { name: 'Nomor SOP', exact: true }).fill('400/77/429.114/2026');
    await signInOnDesigner(page, 'penerbit', 'Penerbit Dinsos');

    await publishToServer(page, 'Penerbit Dinsos', 'Nomor SOP diperbarui');
    const refusal = page.getByText(/^Revisi 2 diterbitkan\. .*Server menolak revisi 2: Revisi 2 dari bwi-spm-online sudah diterbitkan dengan isi lain\./);
    await refusal.waitFor({ timeout: LONG });
    expect(await refusal.textContent()).toContain('Nomor revisi ini sudah dipakai di server untuk isi lain');
    await page.getByRole('tab', { name: 'Riwayat' }).click();
    await expect.poll(() => page.getByTestId('server-status-2').textContent()).toMatch(/^ditolak: Revisi 2 dari bwi-spm-online sudah diterbitkan dengan isi lain/);

    // Nothing changed on the server: one revision 2, the first device's, as it was.
    expect(await revisionsOnServer()).toEqual([published]);
    // The browser logs the refused request itself; nothing else went wrong.
    expect(problems.filter((p) => !/status of 409 \(Conflict\)/.test(p))).toEqual([]);

    // The runtime on this computer (same account) keeps its own revision 2: it says so, and syncing still works.
    const runtime = await context.newPage();
    const runtimeProblems = await watchPage(runtime);
    await runtime.goto(`${server.baseUrl}/runtime/#/`);
    await syncStatus(runtime).getByText(/^Sinkron terakhir: /).waitFor({ timeout: LONG });
    await syncStatus(runtime)
      .getByText(`SOP "${SOP_TITLE}" revisi 2 di perangkat ini berbeda isinya dengan revisi 2 di server, jadi revisi dari server tidak disimpan di sini.`, { exact: false })
      .waitFor();
    expect(await syncStatus(runtime).getByText(/Sinkronisasi gagal/).count()).toBe(0);
    // Its own revision 2 is not the server's, so no case starts on it here (the server would run it on other content).
    await runtime.getByRole('note').getByText('Perangkat ini tertaut ke server.', { exact: false }).waitFor();
    expect(await spmCard(runtime).count()).toBe(0);
    expect(runtimeProblems).toEqual([]);
    await context.close();
  }, 240_000);

  it('a clerk of an office with a lane gets revision 2, keeps it offline, works a case offline, and it reaches the server as theirs', async () => {
    const desa = await newDevice('/runtime/');
    const { page } = desa;
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: LONG });
    await signInOnRuntime(page, 'rina', 'Rina Operator Desa');

    await page.goto(`${server.baseUrl}/runtime/#/`);
    await spmCard(page).getByText(/^Revisi 2 · diterbitkan /).waitFor({ timeout: LONG });

    // The network goes; a reload still opens the app and the SOP (the service worker and this device's catalogue).
    await desa.context.setOffline(true);
    await page.reload();
    await spmCard(page).getByText(/^Revisi 2 · diterbitkan /).waitFor();
    await syncStatus(page).getByText('Tidak tersambung (luring)').waitFor();

    await page.getByRole('link', { name: `Mulai kasus: ${SOP_TITLE}` }).click();
    await page.getByLabel('Nama pemohon').fill('Siti Rohmah');
    await page.getByLabel('NIK pemohon').fill('3510014501900001');
    await page.getByRole('button', { name: 'Mulai kasus' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kasus Siti Rohmah' }).waitFor();
    const caseId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/kasus\//, ''));
    await completeStep(page, 1);
    await page.getByRole('heading', { level: 3, name: /^Langkah 2/ }).first().waitFor();
    await syncStatus(page).getByText('2 perintah menunggu dikirim').waitFor();
    expect(await query('SELECT 1 FROM cases WHERE id = $1', [caseId])).toEqual([]);

    await desa.context.setOffline(false);
    await syncStatus(page).getByText('Semua pekerjaan sudah terkirim').waitFor({ timeout: LONG });
    await syncStatus(page).getByText('Tersambung').waitFor();

    const [onServer] = await query<{ sop_id: string; sop_revision: number; sop_content_hash: string; region_code: string }>(
      'SELECT sop_id, sop_revision, sop_content_hash, region_code FROM cases WHERE id = $1',
      [caseId],
    );
    expect(onServer).toEqual({ sop_id: SOP_ID, sop_revision: 2, sop_content_hash: published.content_hash, region_code: '35.10.01.2001' });
    const events = await query<{ type: string; user_id: string; office_id: string; person: { id: string; name: string; office: string } }>(
      `SELECT event->>'type' AS type, user_id, office_id, event->'by'->'person' AS person FROM case_events WHERE case_id = $1 ORDER BY revision, seq`,
      [caseId],
    );
    const rina = accounts.desa.users.rina!;
    expect(events.map((e) => e.type).filter((t) => t !== 'step.activated')).toEqual(['case.started', 'step.completed']);
    for (const event of events) {
      expect(event.user_id).toBe(rina.id);
      expect(event.office_id).toBe(accounts.desa.office.id);
      expect(event.person).toMatchObject({ id: rina.id, name: 'Rina Operator Desa', office: 'Kantor Desa Kemiren' });
    }
    expect(desa.problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(p))).toEqual([]);

    // A second office with a lane (Dinas Kesehatan) gets the same revision, and the case once it reaches its lane.
    await completeStep(page, 2);
    await syncStatus(page).getByText('Semua pekerjaan sudah terkirim').waitFor({ timeout: LONG });
    const dinkes = await newDevice('/runtime/');
    await signInOnRuntime(dinkes.page, 'dewi', 'Dewi Verifikator Dinkes');
    await dinkes.page.goto(`${server.baseUrl}/runtime/#/`);
    await spmCard(dinkes.page).getByText(/^Revisi 2 · diterbitkan /).waitFor({ timeout: LONG });
    await dinkes.page.goto(`${server.baseUrl}/runtime/#/kasus`);
    await dinkes.page.getByRole('link', { name: /Siti Rohmah/ }).first().click({ timeout: LONG });
    await dinkes.page.getByRole('heading', { level: 3, name: /^Langkah 3/ }).first().waitFor({ timeout: LONG });
    expect(dinkes.problems).toEqual([]);
    await desa.context.close();
    await dinkes.context.close();
  }, 300_000);

  it('a clerk already signed in sees the next revision the publisher publishes within seconds, without a reload', async () => {
    const { context, page, problems } = await newDevice('/runtime/');
    await signInOnRuntime(page, 'sari', 'Sari Petugas Dinsos');
    await page.goto(`${server.baseUrl}/runtime/#/`);
    await spmCard(page).getByText(/^Revisi 2 · diterbitkan /).waitFor({ timeout: LONG });
    // Settled: the catalogue was read at sign-in, and its next poll is 5 minutes away.
    await syncStatus(page).getByText('Tersambung').waitFor({ timeout: LONG });
    // A mark on this very page: a reload would wipe it.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    await publishToServer(publisher.page, 'Penerbit Dinsos', 'Persyaratan diperjelas', 3);
    await publisher.page.getByText('Revisi 3 diterbitkan. Anda kini menyunting draf berikutnya. Revisi 3 terkirim ke server.').waitFor({ timeout: LONG });
    const publishedAt = Date.now();
    expect((await revisionsOnServer()).map((r) => r.revision)).toEqual([2, 3]);
    // Well under the 5-minute catalogue poll (and under the 60 s sync poll): the stream announced it.
    await spmCard(page).getByText(/^Revisi 3 · diterbitkan /).waitFor({ timeout: 20_000 });
    expect(Date.now() - publishedAt).toBeLessThan(20_000);
    expect(await spmCard(page).count()).toBe(1);
    // The same page all along: no reload brought it.
    expect(await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    expect(problems).toEqual([]);
    expect(publisher.problems).toEqual([]);
    await context.close();
    await publisher.context.close();
  }, 240_000);

  it('a clerk of an office with no lane on the SOP does not get it, and has no way to start a case on it', async () => {
    const { context, page, problems } = await newDevice('/runtime/');
    await signInOnRuntime(page, 'lina', 'Lina Petugas Lumajang');
    await page.goto(`${server.baseUrl}/runtime/#/`);
    await page.getByRole('heading', { level: 2, name: 'SOP yang telah disahkan' }).waitFor();
    // Signed in, the device starts cases only on what the server publishes for the office: nothing here. The bundled
    // samples (revision 1 of the SPM sample among them) are no longer offered, nor is the server's revision.
    await page.getByText('Server belum menerbitkan SOP yang dijalankan kantor Anda.').waitFor({ timeout: LONG });
    await page.getByRole('note').getByText('Kasus baru hanya dapat dimulai pada SOP yang diterbitkan server untuk kantor Anda.', { exact: false }).waitFor();
    expect(await spmCard(page).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Mulai kasus: / }).count()).toBe(0);
    // The sample's start page, from a bookmark made while trying the app out, refuses and says why.
    await page.goto(`${server.baseUrl}/runtime/#/sop/${encodeURIComponent(`${SOP_ID}@1`)}/mulai`);
    await page.getByRole('alert').getByText(/^Revisi 1 SOP ini tidak berasal dari server\./).waitFor();
    expect(await page.getByRole('button', { name: 'Mulai kasus' }).count()).toBe(0);
    // The examples are in the trial sandbox, marked as such, where nothing goes to the server.
    await page.getByRole('link', { name: 'Coba contoh SOP bawaan di ruang uji coba' }).click();
    await page.getByText(/^UJI COBA: /).waitFor();
    await spmCard(page).getByText('Contoh', { exact: true }).waitFor();
    const fromServer = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('sop-studio-device');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('catalogue').objectStore('catalogue').getAll();
            request.onsuccess = () => {
              resolve((request.result as { source: string }[]).filter((r) => r.source === 'server').length);
              open.result.close();
            };
          };
        }),
    );
    expect(fromServer).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
