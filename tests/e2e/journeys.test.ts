// Issue 8 acceptance: from drafter to clerk on one device, through the UI of the
// production build only. A drafter draws and publishes an SOP; a runtime tab that
// is already open lists it at once; a clerk says who they are, runs a case down
// the negative branch and back, and prints the receipt. Then a draft sample is
// published and run, a second revision leaves the running case on the first, and
// a revision file moves to another device's runtime, where bad files are refused.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages, squash } from './printSupport';
import { chooseBranch, completeStep, finishCase, setUpProfile } from './support/clerk';
import { serveProductionBuild, watchPage, type ServedBuild } from './support/servedBuild';

let app: ServedBuild;
let browser: Browser;
let files: string;

beforeAll(async () => {
  app = await serveProductionBuild('journeys');
  browser = app.browser;
  files = mkdtempSync(join(tmpdir(), 'sop-journeys-'));
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const TITLE = 'Penerbitan Surat Keterangan Usaha';

async function openDesigner(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(app.url('./designer/'));
  return page;
}

async function publishOpenSop(designer: Page, note: string): Promise<void> {
  await designer.getByRole('button', { name: 'Terbitkan…' }).click();
  const dialog = designer.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Catatan perubahan' }).fill(note);
  const accept = dialog.getByRole('checkbox', { name: /Saya sudah memeriksa/ });
  if (await accept.count()) await accept.check();
  await dialog.getByRole('button', { name: /^Terbitkan revisi \d+/ }).click();
  await designer.getByText(/^Revisi \d+ diterbitkan/).first().waitFor();
}

/** Draws the SOP only through the designer's UI: 3 lanes, a decision looping back, Waktu and a required document. */
async function drawNewSop(designer: Page): Promise<void> {
  await designer.getByRole('button', { name: 'SOP baru' }).click();
  await designer.getByRole('textbox', { name: 'Nama SOP' }).fill(TITLE);
  await designer.getByRole('button', { name: 'Buat SOP' }).click();
  await designer.getByRole('heading', { name: TITLE }).waitFor();

  await designer.getByRole('tab', { name: 'Pelaksana' }).click();
  for (const [label, kind] of [['Pemohon', 'citizen'], ['Petugas Loket', 'role'], ['Kepala Seksi', 'role']] as const) {
    await designer.getByRole('textbox', { name: 'Nama pelaksana' }).fill(label);
    await designer.getByRole('combobox', { name: 'Jenis pelaksana', exact: true }).selectOption(kind);
    await designer.getByRole('button', { name: 'Tambah lajur', exact: true }).click();
  }
  await designer.getByRole('textbox', { name: 'Nama lajur 3' }).waitFor();

  const steps: [string, string, string, string][] = [
    ['Mulai', 'Pemohon mengajukan permohonan SKU', 'Pemohon', ''],
    ['Proses', 'Petugas memeriksa kelengkapan berkas', 'Petugas Loket', '15 menit'],
    ['Keputusan', 'Berkas lengkap dan benar?', 'Kepala Seksi', '1 jam'],
    ['Proses', 'Kepala Seksi menandatangani SKU', 'Kepala Seksi', '30 menit'],
    ['Selesai', 'SKU diserahkan kepada pemohon', 'Petugas Loket', '5 menit'],
  ];
  for (const [kind, text, lane, waktu] of steps) {
    await designer.getByRole('button', { name: kind, exact: true }).click();
    await designer.getByRole('textbox', { name: 'Kegiatan' }).fill(text);
    await designer.getByRole('combobox', { name: 'Pelaksana 1', exact: true }).selectOption(lane);
    if (waktu) await designer.getByRole('textbox', { name: 'Waktu' }).fill(waktu);
    if (text.startsWith('Petugas memeriksa')) {
      await designer.getByRole('button', { name: '+ Kelengkapan' }).click();
      await designer.getByRole('textbox', { name: 'Kelengkapan 1' }).fill('Fotokopi KTP pemohon');
      await designer.getByRole('checkbox', { name: 'wajib dicentang' }).check();
    }
  }

  // The decision: Ya onward, Tidak back to step 2.
  await designer.locator('.react-flow__node[aria-label^="Langkah 3,"]').click();
  await designer.getByRole('heading', { name: 'Langkah 3 · Keputusan' }).waitFor();
  await designer.getByRole('textbox', { name: 'Label panah 1' }).fill('Ya');
  await designer.getByRole('combobox', { name: 'Sambungkan ke langkah' }).selectOption('s2');
  await designer.getByRole('button', { name: 'Sambungkan', exact: true }).click();
  await designer.getByRole('textbox', { name: 'Label panah 2' }).fill('Tidak');

  await designer.getByRole('tab', { name: 'Identitas' }).click();
  const identity: [string, string][] = [
    ['Nomor SOP', '500/12/435.101/2026'],
    ['Pemerintah (Kabupaten/Kota/Provinsi)', 'Pemerintah Kabupaten Contoh'],
    ['Dinas/Badan', 'Dinas Penanaman Modal dan PTSP'],
    ['Tanggal Pembuatan', '2 Desember 2026'],
    ['Tanggal Pengesahan', '2 Desember 2026'],
    ['Jabatan', 'Kepala Dinas'],
  ];
  for (const [label, value] of identity) await designer.getByRole('textbox', { name: label, exact: true }).fill(value);
  await designer.getByRole('group', { name: 'Disahkan oleh' }).getByRole('textbox', { name: 'Nama', exact: true }).fill('Drs. Bambang Sutrisno');
  await designer.getByText('Tidak ada masalah. SOP ini sah.').waitFor();
}

async function pdfTextOf(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pages = await pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  return pages.map((p) => p.squashed).join('');
}

describe('issue 8 journeys on the production build', () => {
  it('a new SOP drawn and published in the designer runs in the runtime, down the negative branch and back, to a printed receipt', async () => {
    const context = await browser.newContext();
    const designer = await openDesigner(context);
    const designerProblems = await watchPage(designer);
    // A clerk's runtime tab is already open: it must update without a reload.
    const runtime = await context.newPage();
    const runtimeProblems = await watchPage(runtime);
    await runtime.goto(app.url('./runtime/'));
    await runtime.getByRole('heading', { name: 'SOP yang telah disahkan' }).waitFor();
    expect(await runtime.getByRole('link', { name: `Mulai kasus: ${TITLE}` }).count()).toBe(0);

    await drawNewSop(designer);
    await publishOpenSop(designer, 'Terbitan pertama');

    const start = runtime.getByRole('link', { name: `Mulai kasus: ${TITLE}` });
    await start.waitFor({ timeout: 10_000 });
    const card = runtime.locator('.rt-card').filter({ has: start });
    await expect.poll(() => card.innerText()).toMatch(/Revisi 1 · diterbitkan \d+ \S+ \d{4}/);

    await setUpProfile(runtime, app.url('./runtime/'), {
      name: 'Rina Operator',
      nip: '19850512 201001 2 003',
      office: 'Mal Pelayanan Publik',
      laneSearch: 'keterangan usaha',
      lanes: [/^Petugas Loket — /, /^Kepala Seksi — /],
    });
    await runtime.getByRole('link', { name: 'Katalog SOP' }).click();
    await runtime.getByRole('link', { name: `Mulai kasus: ${TITLE}` }).click();
    await runtime.getByLabel('Nama pemohon').fill('Siti Aminah');
    await runtime.getByLabel('NIK pemohon').fill('3510015205850002');
    await runtime.getByRole('button', { name: 'Mulai kasus' }).click();
    await runtime.getByRole('heading', { level: 2, name: 'Kasus Siti Aminah' }).waitFor();

    await completeStep(runtime, 1);
    await runtime.getByRole('heading', { level: 3, name: /^Langkah 2/ }).waitFor();
    await runtime.getByLabel('Catatan', { exact: true }).fill('KTP buram, diminta fotokopi ulang');
    await completeStep(runtime, 2);
    await runtime.getByRole('heading', { level: 3, name: /^Langkah 3/ }).waitFor();
    await chooseBranch(runtime, 'Tidak');
    await completeStep(runtime, 2);
    await runtime.getByRole('heading', { level: 3, name: /^Langkah 3/ }).waitFor();
    await chooseBranch(runtime, 'Ya');
    await completeStep(runtime, 4);
    await completeStep(runtime, 5);
    await runtime.getByText(/^Kasus selesai pada/).waitFor();

    // The timeline names the person on every row, and shows the clerk's note.
    const timeline = await runtime.locator('.rt-timeline tbody').innerText();
    expect(timeline.match(/Rina Operator/g)?.length).toBeGreaterThanOrEqual(7);
    expect(timeline).toContain('KTP buram, diminta fotokopi ulang');

    await runtime.getByRole('link', { name: 'Tanda terima & ringkasan' }).click();
    await runtime.getByRole('heading', { level: 2, name: 'Tanda Terima Berkas' }).waitFor();
    const number = (await runtime.getByRole('row', { name: /Nomor kasus/ }).getByRole('cell').innerText()).trim();
    expect(number).toMatch(/^[A-Z0-9]{2,6}-\d{4}-[0-9A-Z]{4}-0001$/);
    const pdf = await pdfTextOf(runtime);
    for (const text of [number, 'Siti Aminah', TITLE, 'Rina Operator', '3510015205850002']) expect(pdf, text).toContain(squash(text));

    expect(designerProblems).toEqual([]);
    expect(runtimeProblems).toEqual([]);
    await context.close();
  }, 240_000);

  it('a draft sample (lmj-01) is published from the designer and run; revision 2 leaves the running case on revision 1', async () => {
    const context = await browser.newContext();
    const designer = await openDesigner(context);
    const problems = await watchPage(designer);
    const runtime = await context.newPage();
    problems.push(...(await watchPage(runtime)));
    await setUpProfile(runtime, app.url('./runtime/'), { name: 'Budi Santoso' });
    await runtime.getByRole('link', { name: 'Katalog SOP' }).click();
    await runtime.getByRole('heading', { name: 'SOP yang telah disahkan' }).waitFor();
    const sopTitle = 'REKOMENDASI UNDIAN GRATIS BERHADIAH (UGB)';
    // A draft: not in the catalogue until it is published.
    expect(await runtime.getByRole('link', { name: `Mulai kasus: ${sopTitle}` }).count()).toBe(0);

    await designer.getByRole('button', { name: sopTitle, exact: true }).click();
    await designer.getByRole('button', { name: 'Terbitkan…' }).waitFor();
    await publishOpenSop(designer, 'Diterbitkan dari transkripsi');

    const start = runtime.getByRole('link', { name: `Mulai kasus: ${sopTitle}` });
    await start.waitFor({ timeout: 10_000 });
    await start.click();
    await runtime.getByLabel('Nama pemohon / lembaga').fill('Kelompok Usaha Maju');
    await runtime.getByRole('button', { name: 'Mulai kasus' }).click();
    await runtime.locator('.rt-case').waitFor();
    const runningUrl = runtime.url();
    await completeStep(runtime, 1);
    expect(await runtime.locator('.rt-case__header').innerText()).toMatch(/revisi 1/);

    // Revision 2 while that case runs: new cases start on 2, the running case stays on 1.
    await designer.getByRole('tab', { name: 'Identitas' }).click();
    await designer.getByRole('textbox', { name: 'Nomor SOP', exact: true }).fill('460/77/427.48/2026');
    await publishOpenSop(designer, 'Nomor SOP diperbarui');
    await runtime.getByRole('link', { name: 'Katalog SOP' }).click();
    const card = runtime.locator('.rt-card').filter({ has: runtime.getByRole('link', { name: `Mulai kasus: ${sopTitle}` }) });
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toMatch(/Revisi 2 · diterbitkan/);
    await runtime.getByRole('link', { name: `Mulai kasus: ${sopTitle}` }).click();
    await runtime.getByLabel('Nama pemohon / lembaga').fill('Kelompok Tani Sejahtera');
    await runtime.getByRole('button', { name: 'Mulai kasus' }).click();
    await runtime.locator('.rt-case').waitFor();
    expect(await runtime.locator('.rt-case__header').innerText()).toMatch(/revisi 2/);

    await runtime.goto(runningUrl);
    await runtime.locator('.rt-case').waitFor();
    expect(await runtime.locator('.rt-case__header').innerText()).toMatch(/revisi 1/);
    await finishCase(runtime);
    expect(await runtime.locator('.rt-case__header').innerText()).toMatch(/Selesai/);

    // An old link to revision 1 no longer starts cases; archiving revision 2 withdraws the SOP.
    await runtime.goto(app.url(`./runtime/#/sop/${encodeURIComponent('lmj-01-ugb@1')}/mulai`));
    await runtime.getByText(/sudah digantikan revisi 2/).waitFor();
    await designer.getByRole('tab', { name: 'Riwayat' }).click();
    await designer.getByRole('button', { name: 'Arsipkan revisi 2' }).click();
    await designer.getByRole('button', { name: 'Ya, arsipkan revisi 2' }).click();
    await runtime.getByRole('link', { name: 'Katalog SOP' }).click();
    await runtime.getByRole('heading', { name: 'SOP yang telah disahkan' }).waitFor();
    await expect.poll(() => runtime.getByRole('link', { name: `Mulai kasus: ${sopTitle}` }).count(), { timeout: 10_000 }).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('a revision file moves to another device; drafts, invalid, truncated and changed-number files are refused and nothing is written', async () => {
    // Device A: publish lmj-06 and export revision 1 and the draft.
    const deviceA = await browser.newContext({ acceptDownloads: true });
    const designer = await openDesigner(deviceA);
    const sopTitle = 'PENGIRIMAN PESERTA TERTIRAH';
    await designer.getByRole('button', { name: sopTitle, exact: true }).click();
    await designer.getByRole('button', { name: 'Terbitkan…' }).waitFor();
    const [draftDownload] = await Promise.all([designer.waitForEvent('download'), designer.getByRole('button', { name: 'Ekspor .sop.json' }).click()]);
    const draftPath = join(files, 'draft.sop.json');
    await draftDownload.saveAs(draftPath);
    await publishOpenSop(designer, 'Terbitan pertama');
    await designer.getByRole('tab', { name: 'Riwayat' }).click();
    const [download] = await Promise.all([designer.waitForEvent('download'), designer.getByRole('button', { name: /Ekspor berkas revisi 1/ }).click()]);
    const validPath = join(files, download.suggestedFilename());
    await download.saveAs(validPath);
    expect(download.suggestedFilename()).toMatch(/-rev1\.sop\.json$/);
    const valid = readFileSync(validPath, 'utf8');
    await deviceA.close();

    const bad = {
      draft: draftPath,
      invalid: join(files, 'invalid.sop.json'),
      truncated: join(files, 'truncated.sop.json'),
      changed: join(files, 'changed.sop.json'),
    };
    const invalidDoc = JSON.parse(valid);
    invalidDoc.flows[0].steps = [];
    writeFileSync(bad.invalid, JSON.stringify(invalidDoc));
    writeFileSync(bad.truncated, valid.slice(0, Math.floor(valid.length * 0.7)));

    // Device B: a runtime that never saw that designer.
    const deviceB = await browser.newContext();
    const runtime = await deviceB.newPage();
    const problems = await watchPage(runtime);
    await runtime.goto(app.url('./runtime/'));
    await runtime.getByRole('heading', { name: 'SOP yang telah disahkan' }).waitFor();
    const startLinks = runtime.getByRole('link', { name: /^Mulai kasus: / });
    await expect.poll(() => startLinks.count()).toBeGreaterThan(10);
    const before = await startLinks.count();
    expect(await runtime.getByRole('link', { name: `Mulai kasus: ${sopTitle}` }).count()).toBe(0);

    const chooser = runtime.getByLabel('Pilih berkas revisi (.sop.json)');
    const refusals: [string, RegExp][] = [
      [bad.draft, /draf, bukan revisi yang diterbitkan/],
      [bad.invalid, /\/flows\/0/],
      [bad.truncated, /bukan JSON yang sah/],
    ];
    for (const [file, why] of refusals) {
      await chooser.setInputFiles(file);
      const alert = runtime.locator('.rt-import [role="alert"]');
      await expect.poll(() => alert.innerText()).toMatch(why);
      expect(await alert.innerText()).toMatch(/ditolak; katalog tidak diubah/);
      expect(await startLinks.count()).toBe(before);
    }

    await chooser.setInputFiles(validPath);
    await runtime.locator('.rt-import [role="status"]').getByText(/revisi 1 ditambahkan ke katalog/).waitFor();
    await expect.poll(() => startLinks.count()).toBe(before + 1);

    // The same number with other content, after the real one: refused, the catalogue unchanged.
    const changed = JSON.parse(valid);
    changed.identity.title = `${changed.identity.title} (diubah)`;
    writeFileSync(bad.changed, JSON.stringify(changed));
    await chooser.setInputFiles(bad.changed);
    await expect.poll(() => runtime.locator('.rt-import [role="alert"]').innerText()).toMatch(/sudah ada di perangkat ini dengan isi yang berbeda/);
    expect(await startLinks.count()).toBe(before + 1);
    expect(await runtime.getByRole('link', { name: /\(diubah\)/ }).count()).toBe(0);

    expect(problems).toEqual([]);
    await deviceB.close();
  }, 240_000);

  it('every draft sample becomes runnable through the UI: open, publish, run a case to its end', async () => {
    const drafts: [string, Record<string, string>][] = [
      ['REKOMENDASI PENGUMPULAN UANG & BARANG (PUB)', { 'Nama pemohon / lembaga': 'Panitia Bakti Sosial' }],
      ['Pelayanan Anak Terlantar, Jalanan, Cacat Dan Nakal', {}],
      ['PENGIRIMAN PESERTA TERTIRAH', {}],
      ['PENERBITAN REKOMENDASI KERINGANAN / PEMBEBASAN BIAYA KESEHATAN DI RUMAH SAKIT PEMERINTAH', { 'Nama pemohon': 'Slamet Riyadi', 'NIK pemohon': '3508011205850001' }],
    ];
    const context = await browser.newContext();
    const designer = await openDesigner(context);
    const runtime = await context.newPage();
    const problems = [...(await watchPage(designer)), ...(await watchPage(runtime))];
    await setUpProfile(runtime, app.url('./runtime/'), { name: 'Ani Rahayu' });
    for (const [title, fields] of drafts) {
      const library = designer.getByRole('button', { name: /Pustaka SOP/ });
      if (await library.count()) await library.first().click();
      await designer.getByRole('button', { name: title, exact: true }).click();
      await publishOpenSop(designer, 'Diterbitkan untuk dijalankan');
      await runtime.goto(app.url('./runtime/'));
      await runtime.getByRole('link', { name: `Mulai kasus: ${title}` }).click();
      await runtime.getByRole('heading', { level: 2, name: 'Kasus baru' }).waitFor();
      for (const [label, value] of Object.entries(fields)) await runtime.getByLabel(new RegExp(`^${label.replace(/[/()]/g, '\\$&')}\\s*\\*?$`)).fill(value);
      await runtime.getByRole('button', { name: 'Mulai kasus' }).click();
      await runtime.locator('.rt-case').waitFor();
      await finishCase(runtime);
      expect(await runtime.locator('.rt-case__header').innerText(), title).toMatch(/Selesai/);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
