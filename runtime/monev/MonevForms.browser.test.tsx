// The Permenpan forms in Chromium, on the hand-timed monev cases: the
// monitoring form prefilled from the dashboard's filters (the late step
// marked not running well), autosave surviving a remount, "Tetapkan" refused
// until its problems are fixed, the evaluation form made from the monitoring
// form, the paper chosen for print, and the CSV and XLSX read back.
import readXlsxFile from 'read-excel-file/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { I18nProvider } from '../../ui/i18n';
import '../../ui/theme.css';
import '../runtime.css';
import { hrefs, useRoute } from '../router';
import type { RuntimeDb } from '../storage/db';
import { WithRuntime } from '../storyFixtures';
import { EvaluationFormEditor } from './EvaluationFormEditor';
import { formCsvBlob, formXlsxBlob } from './formDownload';
import { getMonevForm, listMonevForms } from './formStore';
import { MonevFormPage } from './MonevFormPage';
import { MonevPage } from './MonevPage';
import { evaluationFormFixture, monitoringFormFixture, MONEV_SOP_ID, noteStepsFixture } from './monevFormFixtures';
import { monevFormsDb } from './monevFormsDb';

let db: RuntimeDb | undefined;
let unmount: (() => Promise<void> | void) | undefined;

afterEach(async () => {
  await unmount?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await db?.delete();
  db = undefined;
  unmount = undefined;
  window.location.hash = '';
});

/** The two monev pages under the hash router, as the app shows them. */
function Routed() {
  const route = useRoute();
  if (route.name === 'monev') return <MonevPage sopId={route.sopId} query={route.query} />;
  if (route.name === 'monevForm') return <MonevFormPage key={route.formId} sopId={route.sopId} formId={route.formId} />;
  return null;
}

async function open(hash: string, lang: 'id' | 'en' = 'id') {
  window.location.hash = hash;
  const screen = await render(
    <I18nProvider initialLang={lang} persist={false}>
      <WithRuntime db={db!}>
        <Routed />
      </WithRuntime>
    </I18nProvider>,
  );
  unmount = screen.unmount;
  return screen;
}

const formIdInHash = () => decodeURIComponent(window.location.hash.split('/formulir/')[1] ?? '');
const row = (number: string) => page.getByRole('group', { name: `Langkah ${number} berjalan dengan baik` });

describe('the monitoring form', () => {
  it('is prefilled from the filtered measures and opens with the late step not running well', async () => {
    db = await monevFormsDb();
    await open(hrefs.monev(MONEV_SOP_ID, '?dari=2026-03-16&sampai=2026-03-31&lajur=kasi'));
    await page.getByRole('button', { name: 'Isi formulir monitoring' }).click();
    await expect.poll(formIdInHash).not.toBe('');
    await expect.element(page.getByRole('heading', { name: 'Formulir Monitoring Pelaksanaan SOP (Draf)' })).toBeVisible();
    // The header: the SOP, the lane and the period filtered on.
    await expect.element(page.getByRole('row', { name: 'Nama SOP SOP Uji Monev' }).first()).toBeVisible();
    await expect.element(page.getByRole('row', { name: 'Pelaksana Kasi Pelayanan' }).first()).toBeVisible();
    await expect.element(page.getByRole('row', { name: 'Periode 16 Mar 2026 s.d. 31 Mar 2026' }).first()).toBeVisible();
    // Only the lane's steps; step 2 (1 jam) took 90 minutes in two of three visits: not running well, with the measured reason and an action.
    await expect.element(row('1')).not.toBeInTheDocument();
    await expect.element(row('2').getByRole('radio', { name: 'Tidak' })).toBeChecked();
    expect((page.getByRole('textbox', { name: 'Catatan hasil penilaian langkah 2' }).element() as HTMLTextAreaElement).value).toMatch(/Melewati Waktu \(1 jam\)/);
    expect((page.getByRole('textbox', { name: 'Tindakan yang harus diambil langkah 2' }).element() as HTMLTextAreaElement).value).toMatch(/Tinjau Waktu langkah ini/);
    // Step 3 (no Waktu, one visit) is judged running well.
    await expect.element(row('3').getByRole('radio', { name: 'Ya' })).toBeChecked();
    // The evaluator is the acting person.
    await expect.element(page.getByRole('textbox', { name: 'Nama evaluator' })).toHaveValue('Rina Operator');
    const saved = await getMonevForm(db, formIdInHash());
    expect(saved).toMatchObject({ kind: 'monitoring', status: 'draft', subject: { sopId: MONEV_SOP_ID, lane: 'Kasi Pelayanan', period: { from: '2026-03-16', to: '2026-03-31' } } });
    // Back on the dashboard, the form is listed.
    await page.getByRole('link', { name: 'Kembali ke monev SOP ini' }).click();
    await expect.element(page.getByRole('link', { name: 'Formulir monitoring' })).toBeVisible();
  });

  it('saves edits as the evaluator types; they are there after a remount, marked amended', async () => {
    db = await monevFormsDb({ forms: true });
    const form = monitoringFormFixture();
    const screen = await open(hrefs.monevForm(MONEV_SOP_ID, form.id));
    await page.getByRole('textbox', { name: 'Tindakan yang harus diambil langkah 1' }).fill('Tambah satu petugas loket pada Senin pagi');
    await row('1').getByRole('radio', { name: 'Tidak' }).click();
    await expect.element(page.getByText('Tersimpan otomatis di perangkat ini.')).toBeVisible();
    await screen.unmount();
    await open(hrefs.monevForm(MONEV_SOP_ID, form.id));
    await expect.element(page.getByRole('textbox', { name: 'Tindakan yang harus diambil langkah 1' })).toHaveValue('Tambah satu petugas loket pada Senin pagi');
    await expect.element(row('1').getByRole('radio', { name: 'Tidak' })).toBeChecked();
    await expect.element(page.getByText('Diubah evaluator').first()).toBeVisible();
    expect(await getMonevForm(db, form.id)).toMatchObject({ rows: expect.arrayContaining([expect.objectContaining({ stepId: 's1', amended: true, runsWell: false })]) });
  });

  it('is not made final while it has problems; each problem takes the evaluator to its field', async () => {
    db = await monevFormsDb({ forms: true });
    const form = monitoringFormFixture();
    await open(hrefs.monevForm(MONEV_SOP_ID, form.id));
    await page.getByRole('textbox', { name: 'Nama evaluator' }).fill('');
    await page.getByRole('textbox', { name: 'Tindakan yang harus diambil langkah 2' }).fill('');
    await page.getByRole('button', { name: 'Tetapkan' }).click();
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent('Nama evaluator belum diisi.');
    await expect.element(alert).toHaveTextContent('Langkah 2: tidak berjalan baik, tetapi tindakan yang harus diambil belum diisi.');
    await page.getByRole('button', { name: /^Langkah 2: tidak berjalan baik/ }).click();
    await expect.element(page.getByRole('textbox', { name: 'Tindakan yang harus diambil langkah 2' })).toHaveFocus();
    await page.getByRole('textbox', { name: 'Tindakan yang harus diambil langkah 2' }).fill('Tambah petugas verifikasi');
    await expect.element(alert).not.toHaveTextContent('Langkah 2');
    await page.getByRole('button', { name: 'Nama evaluator belum diisi.' }).click();
    await expect.element(page.getByRole('textbox', { name: 'Nama evaluator' })).toHaveFocus();
    await page.getByRole('textbox', { name: 'Nama evaluator' }).fill('Drs. Bambang');
    expect((await getMonevForm(db, form.id))!.status).toBe('draft');
    await page.getByRole('button', { name: 'Tetapkan' }).click();
    await expect.element(page.getByText('Formulir ini sudah ditetapkan dan tidak dapat diubah lagi.')).toBeVisible();
    await expect.poll(async () => (await getMonevForm(db!, form.id))!.status).toBe('final');
    await expect.element(row('2').getByRole('radio', { name: 'Ya' })).toBeDisabled();
  });

  it('prints on A4 landscape by default, on F4 when chosen', async () => {
    db = await monevFormsDb({ forms: true });
    const form = monitoringFormFixture();
    await open(hrefs.monevForm(MONEV_SOP_ID, form.id));
    await expect.element(page.getByRole('button', { name: 'Cetak' })).toBeVisible();
    const sheet = () => document.querySelector('.mv-print')!;
    expect(getComputedStyle(sheet()).getPropertyValue('page')).toBe('mv-a4-landscape');
    // On screen the paper layout is hidden; the editor is what is seen.
    expect(getComputedStyle(document.querySelector('.mv-form-page__print')!).display).toBe('none');
    await page.getByRole('combobox', { name: 'Ukuran kertas' }).selectOptions('f4');
    await expect.poll(() => getComputedStyle(sheet()).getPropertyValue('page')).toBe('mv-f4-landscape');
    expect(sheet().textContent).toContain('NIP 19850512 201001 2 003');
  });
});

describe('the evaluation form', () => {
  it('is made from the monitoring form, with the late step noted and "direvisi" proposed, and needs every criterion judged', async () => {
    db = await monevFormsDb({ forms: true });
    const monitoring = monitoringFormFixture();
    await open(hrefs.monevForm(MONEV_SOP_ID, monitoring.id));
    await page.getByRole('button', { name: 'Buat formulir evaluasi' }).click();
    await expect.element(page.getByRole('heading', { name: 'Formulir Evaluasi Penerapan SOP (Draf)' })).toBeVisible();
    const id = formIdInHash();
    expect(id).not.toBe(monitoring.id);
    await expect.element(page.getByRole('radio', { name: 'SOP direvisi' })).toBeChecked();
    // Step 1 repeats too often (the evaluator's words of the row), step 2 is late and sent back (sentences from the numbers).
    await expect.element(page.getByRole('textbox', { name: 'Isi catatan 3' })).toBeVisible();
    expect((page.getByRole('textbox', { name: 'Isi catatan 2' }).element() as HTMLTextAreaElement).value).toMatch(/^Langkah 2 melebihi Waktu-nya pada 67% kasus; pertimbangkan 90 menit/);
    await expect.element(page.getByRole('link', { name: 'Formulir monitoring yang menjadi dasar' })).toBeVisible();
    // Notes: one added, on step 6, and the first removed.
    await page.getByRole('button', { name: 'Tambah catatan langkah' }).click();
    await page.getByRole('combobox', { name: 'Langkah catatan 4' }).selectOptions('s6');
    await page.getByRole('textbox', { name: 'Isi catatan 4' }).fill('Serahkan surat lewat WhatsApp juga');
    await page.getByRole('button', { name: 'Hapus catatan 1' }).click();
    await expect.element(page.getByRole('textbox', { name: 'Isi catatan 3' })).toHaveValue('Serahkan surat lewat WhatsApp juga');
    await expect.element(page.getByRole('textbox', { name: 'Isi catatan 4' })).not.toBeInTheDocument();
    // Final is refused until the seven criteria are judged.
    await page.getByRole('button', { name: 'Tetapkan' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('Kriteria "Mudah dipahami" belum dinilai.');
    for (const group of await page.getByRole('group', { name: /^Kriteria ".*" terpenuhi$/ }).all()) await group.getByRole('radio', { name: 'Ya' }).click();
    await page.getByRole('button', { name: 'Tetapkan' }).click();
    await expect.element(page.getByText('Formulir ini sudah ditetapkan dan tidak dapat diubah lagi.')).toBeVisible();
    await expect.poll(async () => (await getMonevForm(db!, id)) as unknown).toMatchObject({ kind: 'evaluation', status: 'final', monitoringId: monitoring.id, stepNotes: [{ stepId: 's2' }, { stepId: 's2' }, { stepId: 's6', text: 'Serahkan surat lewat WhatsApp juga' }] });
    expect((await listMonevForms(db, MONEV_SOP_ID, 'evaluation')).length).toBe(2);
  });

  it('shows "Buka draf revisi di Perancang" only when the designer hand-off is given, and hands it the form', async () => {
    const form = evaluationFormFixture('en');
    let opened: unknown;
    const screen = await render(
      <I18nProvider initialLang="en" persist={false}>
        <EvaluationFormEditor form={form} steps={noteStepsFixture()} onChange={() => {}} onOpenRevisionDraft={(f) => (opened = f)} />
      </I18nProvider>,
    );
    unmount = screen.unmount;
    await page.getByRole('button', { name: 'Open a revision draft in the Designer' }).click();
    expect(opened).toBe(form);
    await screen.rerender(
      <I18nProvider initialLang="en" persist={false}>
        <EvaluationFormEditor form={form} steps={noteStepsFixture()} onChange={() => {}} />
      </I18nProvider>,
    );
    await expect.element(page.getByRole('button', { name: 'Open a revision draft in the Designer' })).not.toBeInTheDocument();
  });
});

describe('the exports', () => {
  it('CSV: BOM, ";" between cells, the step rows', async () => {
    const bytes = new Uint8Array(await formCsvBlob(monitoringFormFixture(), 'id').arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('No;Kegiatan;Pelaksana;Waktu (Mutu Baku);Hasil pengukuran;Berjalan dengan baik;Catatan hasil penilaian;Tindakan yang harus diambil\r\n');
    // The measured cell holds ';' and is quoted.
    expect(text).toMatch(/\r\n2;Berkas lengkap\?;Kasi Pelayanan;1 jam;"4 kunjungan; tepat waktu 33%; [^"]*";Tidak;/);
  });

  it('XLSX: read back, the header block, the table and the evaluator are in their cells', async () => {
    const form = monitoringFormFixture();
    form.rows[0] = { ...form.rows[0]!, action: '=SUM(1;2)' };
    const [sheet] = await readXlsxFile(await formXlsxBlob(form, 'id'));
    const rows = sheet!.data.map((r) => r.map((c) => (c === null ? '' : String(c))));
    expect(sheet!.sheet).toBe('Monitoring');
    expect(rows[0]![0]).toBe('Formulir Monitoring Pelaksanaan SOP');
    expect(rows.find((r) => r[0] === 'Nama SOP')?.[1]).toBe('SOP Uji Monev');
    const heading = rows.findIndex((r) => r[0] === 'No');
    expect(rows[heading]!.slice(0, 8)).toEqual(['No', 'Kegiatan', 'Pelaksana', 'Waktu (Mutu Baku)', 'Hasil pengukuran', 'Berjalan dengan baik', 'Catatan hasil penilaian', 'Tindakan yang harus diambil']);
    expect(rows[heading + 1]!.slice(0, 4)).toEqual(['1', 'Menerima berkas', 'Petugas Loket', '30 menit']);
    expect(rows[heading + 1]![7]).toBe("'=SUM(1;2)");
    expect(rows[heading + 2]![5]).toBe('Tidak');
    expect(rows.find((r) => r[0] === 'NIP evaluator')?.[1]).toBe('19850512 201001 2 003');
  });
});
