// Issue 11 (schema v2) acceptance: a v2 field authored in the designer changes
// what a clerk sees, through the production build and the real server on real
// PostgreSQL, with nothing written into the database but accounts. A publisher
// opens the Lumajang SPM sample, whose "tidak" branch only loops back to step
// 1, and gives it an end of its own: an end step after the check, its outcome
// "Ditolak", the "tidak" arrow aimed at it; step 2's Waktu becomes a deadline.
// Published to the server, it reaches a clerk of the office that runs the SOP:
// step 2 shows the deadline, and a case taken down "tidak" is finished as
// rejected on the case page, on the receipt and in the server's events.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../cli/chromium';
import { freePort, seedAccounts, startPostgres, startServerProcess, withServerDb, type SeededAccounts, type ServerProcess } from '../../server/testing/serverProcess';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { chooseBranch, completeStep } from './support/clerk';
import { buildProductionApp } from './support/servedBuild';
import { LONG, catalogueCard, newDevice, publishToServer, queryDb, signInOnDesigner, signInOnRuntime, syncStatus } from './support/serverJourney';

const SOP_ID = 'lmj-16-spm';
const SOP_TITLE = 'SOP PENERBITAN SURAT PERNYATAAN MISKIN (SPM)';
const REJECTION = 'Permohonan ditolak karena dokumen persyaratan belum lengkap; berkas dikembalikan kepada pemohon';

let postgres: Awaited<ReturnType<typeof startPostgres>>;
let accounts: SeededAccounts<'lumajang'>;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  const appsDir = await buildProductionApp('outcome-journey');
  postgres = await startPostgres();
  accounts = await withServerDb(postgres.databaseUrl, (db) =>
    seedAccounts(db, {
      lumajang: {
        name: 'Dinas Sosial Kabupaten Lumajang',
        regionCode: '35.08',
        lanes: ['pengelola', 'pemohon'].map((actorId) => ({ sopId: SOP_ID, actorId })),
        users: [
          { login: 'penerbit', name: 'Penerbit Dinsos Lumajang', roles: ['drafter', 'publisher'] },
          { login: 'lina', name: 'Lina Petugas Lumajang', roles: ['clerk'] },
        ],
      },
    }),
  );
  server = await startServerProcess({ databaseUrl: postgres.databaseUrl, appsDir, port: await freePort() });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  postgres?.stop();
});

const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDb<T>(postgres.databaseUrl, sql, params);

/** Clicks a step on the canvas until the properties panel shows it. */
async function selectStep(page: Page, label: string, kind: string): Promise<void> {
  await page.locator(`.react-flow__node[aria-label^="${label},"]`).click();
  await page.getByRole('heading', { name: `${label} · ${kind}` }).waitFor();
}

/** Aims an arrow of the selected step at the step whose option reads `target` (as a drafter picks it from the list). */
async function aimArrow(page: Page, n: number, target: string): Promise<void> {
  const select = page.getByRole('combobox', { name: `Tujuan panah ${n}` });
  const option = select.locator('option', { hasText: target });
  await select.selectOption((await option.getAttribute('value'))!);
}

describe('a schema v2 end outcome, authored in the designer, decides how a clerk\'s case ends', () => {
  it('the publisher gives the "tidak" branch a rejecting end and publishes it to the server', async () => {
    const { context, page, problems } = await newDevice(browser, `${server.baseUrl}/designer/`);
    await signInOnDesigner(page, 'penerbit', 'Penerbit Dinsos Lumajang');
    await page.getByRole('button', { name: SOP_TITLE, exact: true }).click();
    await page.getByRole('heading', { name: SOP_TITLE }).waitFor();

    // Step 2 (the check of the documents): its 15 minutes become a deadline, not an estimate.
    await selectStep(page, 'Langkah 2', 'Keputusan');
    await page.getByRole('combobox', { name: 'Jenis waktu' }).selectOption({ label: 'Batas waktu penyelesaian' });
    // An end step after it, saying what happens, finishing the case as rejected.
    await page.getByRole('group', { name: 'Tambah langkah' }).getByRole('button', { name: 'Selesai', exact: true }).click();
    await page.getByRole('heading', { name: 'Baris 3 · Selesai' }).waitFor();
    await page.getByRole('textbox', { name: 'Kegiatan' }).fill(REJECTION);
    const outcome = page.getByRole('combobox', { name: 'Hasil akhir' });
    expect(await outcome.inputValue()).toBe('selesai');
    await outcome.selectOption({ label: 'Ditolak' });
    // The new step took step 2's first arrow ("Ya"): aim it back at step 3, and "tidak" at the new end.
    await selectStep(page, 'Langkah 2', 'Keputusan');
    await aimArrow(page, 1, '→ Langkah 3: ');
    await aimArrow(page, 2, `→ Baris 3: ${REJECTION.slice(0, 20)}`);
    expect(await page.getByRole('textbox', { name: 'Label panah 2' }).inputValue()).toBe('tidak');
    await page.getByRole('button', { name: 'Nomori ulang' }).click();
    await selectStep(page, 'Langkah 3', 'Selesai');
    expect(await page.getByRole('combobox', { name: 'Hasil akhir' }).inputValue()).toBe('ditolak');

    await publishToServer(page, 'Penerbit Dinsos Lumajang', 'Cabang "tidak" berakhir ditolak');
    await page.getByText('Revisi 2 diterbitkan. Anda kini menyunting draf berikutnya. Revisi 2 terkirim ke server.').waitFor({ timeout: LONG });

    // What the server holds is what was drawn: the "tidak" arrow ends at a rejecting end.
    const [row] = await query<{ document: string }>('SELECT document FROM sop_revisions WHERE sop_id = $1 AND revision = 2', [SOP_ID]);
    const flow = (JSON.parse(row!.document) as SopDocument).flows[0]!;
    const no = flow.edges.find((e) => e.from === 's2' && e.label === 'tidak')!;
    expect(flow.steps.find((s) => s.id === no.to)).toMatchObject({ number: '3.', kind: 'end', outcome: 'ditolak', text: REJECTION });
    expect(flow.steps.find((s) => s.id === 's2')!.waktu?.measure).toBe('limit');
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('a clerk takes a case down "tidak": the runtime, the receipt and the server all say it was rejected', async () => {
    const { context, page, problems } = await newDevice(browser, `${server.baseUrl}/runtime/`);
    await signInOnRuntime(page, server.baseUrl, 'lina', 'Lina Petugas Lumajang');
    await page.goto(`${server.baseUrl}/runtime/#/`);
    await catalogueCard(page, SOP_TITLE).getByText(/^Revisi 2 · diterbitkan /).waitFor({ timeout: LONG });

    await page.getByRole('link', { name: `Mulai kasus: ${SOP_TITLE}` }).click();
    await page.getByLabel('Nama pemohon').fill('Sutrisno');
    await page.getByLabel('NIK pemohon').fill('3508011203800002');
    await page.getByRole('button', { name: 'Mulai kasus' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kasus Sutrisno' }).waitFor();
    const caseId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/kasus\//, ''));
    await completeStep(page, 1);

    // Step 2 carries the deadline the publisher set; its branches are the published ones.
    await page.getByRole('heading', { level: 3, name: /^Langkah 2/ }).first().waitFor();
    await page.locator('.rt-step').first().getByText(/^Batas penyelesaian: .* \(Waktu SOP: paling lambat 15 menit\)$/).waitFor();
    await chooseBranch(page, 'tidak');
    await completeStep(page, 3);

    const finished = page.getByRole('status').filter({ hasText: /^Permohonan ditolak pada / });
    await finished.waitFor();
    expect(await finished.textContent()).toContain(`Berakhir di langkah 3: ${REJECTION}`);
    expect(await page.getByText(/^Kasus selesai pada/).count()).toBe(0);
    expect(await page.locator('.rt-case__header .rt-status').first().textContent()).toBe('Ditolak');
    // The case's history says where it ended and how.
    await page.getByText('hasil: Ditolak').first().waitFor();

    await page.getByRole('link', { name: 'Tanda terima & ringkasan' }).click();
    const result = page.getByRole('row', { name: /^Hasil / });
    await result.waitFor();
    expect(await result.getByRole('cell').textContent()).toBe('Ditolak: permohonan tidak dapat dikabulkan');

    // The server got the case as Lina's office worked it, and it ends rejected at the drawn end.
    await page.goto(`${server.baseUrl}/runtime/#/`);
    await syncStatus(page).getByText('Semua pekerjaan sudah terkirim').waitFor({ timeout: LONG });
    const events = await query<{ event: { type: string; outcome?: string; endStepId?: string }; office_id: string }>(
      'SELECT event, office_id FROM case_events WHERE case_id = $1 ORDER BY revision, seq',
      [caseId],
    );
    expect(events.at(-1)!.event).toMatchObject({ type: 'case.finished', outcome: 'ditolak' });
    expect(events.every((e) => e.office_id === accounts.lumajang.office.id)).toBe(true);
    const [onServer] = await query<{ sop_revision: number }>('SELECT sop_revision FROM cases WHERE id = $1', [caseId]);
    expect(onServer).toEqual({ sop_revision: 2 });
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
