// Issue 12 (monev) acceptance, through the production build in Chromium:
// six months of Banyuwangi SPM cases made in the demo database, the SOP's
// dashboard filtered to one office, its worst step found, the monitoring form
// prefilled from the measures, printed (the PDF's text read back) and exported
// as XLSX (read back), then the evaluation, and from it a revision draft in the
// designer with the evaluator's notes on the steps they concern.
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from './printSupport';
import { setUpProfile } from './support/clerk';
import { serveProductionBuild, watchPage, type ServedBuild } from './support/servedBuild';

const TITLE = 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine';
const LONG = { timeout: 60_000 };

let app: ServedBuild;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  app = await serveProductionBuild('monev-journey');
  context = await app.browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  problems = await watchPage(page);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await app?.close();
});

describe('monev of the Banyuwangi SPM, from demo case histories to a revision draft', () => {
  let worstRow = '';
  let office = '';

  it('makes six months of demo cases apart from the real ones and opens the SOP dashboard', async () => {
    await setUpProfile(page, app.url('./runtime/'), { name: 'Dra. Sri Wahyuni', nip: '197001011995032001', office: 'Bagian Organisasi Setda Banyuwangi' });
    await page.getByRole('link', { name: 'Monev', exact: true }).click();
    await page.getByRole('link', { name: 'Coba dasbor dengan data contoh' }).click();
    await page.getByRole('region', { name: /^Data contoh monev/ }).waitFor();
    await page.getByLabel('SOP', { exact: true }).selectOption({ label: TITLE });
    await page.getByLabel('Lama (bulan)').fill('6');
    await page.getByRole('button', { name: 'Buat data contoh' }).click();
    const done = page.getByRole('status').filter({ hasText: /kasus contoh dibuat untuk/ });
    await done.waitFor(LONG);
    const made = Number((await done.textContent())!.match(/^([\d.]+) kasus/)![1]!.replace(/\./g, ''));
    expect(made).toBeGreaterThan(500);
    await done.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: `Monev: ${TITLE}` }).waitFor(LONG);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /kasus dimulai/ }).textContent()).toMatch(new RegExp(`^${made.toLocaleString('id-ID')} kasus dimulai`));

    // The real database holds none of them: its dashboard shows no case for this SOP.
    const real = await context.newPage();
    await real.goto(app.url('./runtime/#/monev'));
    await real.getByRole('heading', { name: 'Monitoring dan evaluasi SOP' }).waitFor();
    await expect.poll(() => real.getByRole('listitem').filter({ hasText: TITLE }).textContent(), LONG).toContain('0 kasus');
    await real.close();
  }, 240_000);

  it('filters to one office, keeps the filter in the URL and names the worst step', async () => {
    const offices = page.getByLabel('Kantor', { exact: true });
    const options = await offices.locator('option').allTextContents();
    office = options.find((o) => /Dinas Sosial/i.test(o)) ?? options[1]!;
    const before = await page.locator('.mv-summary').textContent();
    await offices.selectOption({ label: office });
    await expect.poll(() => page.url()).toContain(`kantor=${encodeURIComponent(office).replace(/%20/g, '+')}`);
    await expect.poll(() => page.locator('.mv-summary').textContent()).not.toBe(before);
    const worst = await page.getByRole('note').textContent();
    worstRow = worst!.match(/langkah (\d+)/)![1]!;
    // The ranking's first row is that step, and its cases are one click away.
    const ranking = page.getByRole('table', { name: 'Peringkat hambatan' });
    await expect.poll(() => ranking.getByRole('row').nth(1).textContent()).toMatch(new RegExp(`^1${worstRow}\\.`));
    await page.getByRole('button', { name: `Lihat kasus langkah ${worstRow}` }).click();
    await page.getByRole('heading', { name: new RegExp(`^Kasus langkah ${worstRow}:`) }).waitFor();
    await page.getByLabel('Tampilkan').selectOption('late');
    await expect.poll(() => page.url()).toContain('kasus=late');
    await expect.poll(() => page.locator('.mv-drill tbody tr').count()).toBeGreaterThan(0);
    // The URL alone brings the same view back.
    await page.reload();
    await page.getByRole('heading', { name: new RegExp(`^Kasus langkah ${worstRow}:`) }).waitFor(LONG);
    expect(await page.getByLabel('Kantor', { exact: true }).inputValue()).toBe(office);
  }, 120_000);

  it('prefills the monitoring form, which marks the worst step as not running well, and makes it final', async () => {
    await page.getByRole('button', { name: 'Isi formulir monitoring' }).click();
    await page.getByRole('heading', { name: 'Formulir Monitoring Pelaksanaan SOP' }).first().waitFor(LONG);
    const notWell = page.getByRole('group', { name: `Langkah ${worstRow} berjalan dengan baik` }).getByRole('radio', { name: 'Tidak' });
    expect(await notWell.isChecked()).toBe(true);
    expect(await page.getByLabel(`Catatan hasil penilaian langkah ${worstRow}`).inputValue()).toMatch(/Melewati Waktu/);
    expect(await page.getByLabel('Nama evaluator').inputValue()).toBe('Dra. Sri Wahyuni');
    // Every other step that was judged "not well" gets an action if the prefill left it empty.
    for (const field of await page.getByLabel(/^Tindakan yang harus diambil langkah/).all()) if (!(await field.inputValue())) await field.fill('Dipantau pada periode berikutnya.');
    await page.getByRole('button', { name: 'Tetapkan' }).click();
    await page.getByText('Formulir ini sudah ditetapkan dan tidak dapat diubah lagi.').first().waitFor();
  }, 120_000);

  it('prints the form (the PDF says what the screen said) and exports it as XLSX', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    // Headings may be set in capitals on paper: compare without case.
    const text = (await pdfPages(pdf)).map((p) => p.squashed).join('').toLowerCase();
    for (const expected of ['FormulirMonitoringPelaksanaanSOP', TITLE.replace(/\s/g, ''), 'Tindakanyangharusdiambil', 'Dra.SriWahyuni', '197001011995032001', "MelewatiWaktu(", office.replace(/\s/g, '')])
      expect(text).toContain(expected.toLowerCase());
    // Demo data says so on paper too; the app's buttons and filters are not printed.
    expect(text).toContain('datacontohmonev');
    expect(text).not.toContain('hapusdatacontoh');
    expect(text).not.toContain('unduhxlsx');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh XLSX' }).click()]);
    const [sheet] = await readXlsxFile(readFileSync((await download.path())!));
    const rows = sheet!.data;
    const cells = rows.flat().map((c) => String(c ?? ''));
    expect(cells).toContain(TITLE);
    const worstLine = rows.find((row) => String(row[0]) === worstRow);
    expect(worstLine?.map(String)).toContain('Tidak');
    expect(worstLine?.some((c) => /Melewati Waktu/.test(String(c)))).toBe(true);
  }, 120_000);

  it('makes the evaluation and opens the revision draft in the designer with the notes on the steps', async () => {
    await page.getByRole('button', { name: 'Buat formulir evaluasi' }).click();
    await page.getByRole('heading', { name: 'Formulir Evaluasi Penerapan SOP' }).first().waitFor(LONG);
    const note = page.getByLabel(/^Isi catatan 1$/);
    const noteText = await note.inputValue();
    expect(noteText).toMatch(new RegExp(`^Langkah ${worstRow} melebihi Waktu-nya pada \\d+% kasus; pertimbangkan`));
    for (const group of await page.getByRole('group', { name: /^Kriteria ".*" terpenuhi$/ }).all()) await group.getByRole('radio', { name: 'Ya' }).check();
    await page.getByRole('button', { name: 'Tetapkan' }).click();
    await page.getByText('Formulir ini sudah ditetapkan dan tidak dapat diubah lagi.').first().waitFor();

    await page.getByRole('button', { name: 'Buka draf revisi di Perancang' }).click();
    await page.waitForURL(/\/designer\/\?evaluasi=/, LONG);
    await page.getByText(/dibuat dengan catatan dari "Evaluasi SOP/).or(page.getByText(/ditambahkan ke draf Anda/)).first().waitFor(LONG);
    await page.getByRole('heading', { name: new RegExp(`^${TITLE.slice(0, 20).replace(/[()]/g, '\\$&')}`) }).first().waitFor();
    // The worst step carries the evaluator's note on the canvas, and in its properties.
    const node = page.locator(`.react-flow__node[aria-label^="Langkah ${worstRow},"]`);
    expect(await node.getAttribute('aria-label')).toMatch(/catatan/i);
    // The whole diagram first, as a drafter would: the opening view can leave the step outside the canvas, where a
    // click lands on something else (once in CI: no properties opened).
    await page.locator('.react-flow__controls-fitview').click();
    const notes = page.getByRole('heading', { name: 'Catatan tinjauan' });
    // Clicked again while the panel does not show it: the view may still be moving when the first click lands.
    for (let tries = 0; tries < 3 && !(await notes.isVisible()); tries++) {
      await node.click();
      await notes.waitFor({ timeout: 10_000 }).catch(() => undefined);
    }
    await notes.waitFor();
    await page.getByText(noteText).first().waitFor();
    expect(problems).toEqual([]);
  }, 180_000);
});
