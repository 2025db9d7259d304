// Acceptance: the Banyuwangi SPM sample run end to end through the clerk's UI in Chromium,
// with a "Tidak" loop back to the village, a reload mid-step, and the timeline checked.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { I18nProvider } from '../ui/i18n';
import { App } from './App';
import { RuntimeDb } from './storage/db';
import { caseEvents } from './storage/repository';

const dbName = `sop-studio-acceptance-${Date.now()}`;
let db: RuntimeDb;

function mount(database: RuntimeDb) {
  return render(
    <I18nProvider initialLang="id" persist={false}>
      <App db={database} />
    </I18nProvider>,
  );
}

type Screen = Awaited<ReturnType<typeof mount>>;

async function tickAllRequired(screen: Screen) {
  const boxes = await screen.getByRole('checkbox', { name: /wajib diperiksa/ }).all();
  for (const box of boxes) {
    if (!(box.element() as HTMLInputElement).checked) await box.click();
  }
}

async function expectStep(screen: Screen, number: string) {
  await expect.element(screen.getByRole('heading', { level: 3, name: new RegExp(`^Langkah ${number}(kunjungan|$)`) })).toBeVisible();
}

async function completeStep(screen: Screen, number: string, next: string | null) {
  await expectStep(screen, number);
  await tickAllRequired(screen);
  await screen.getByRole('button', { name: `Selesaikan langkah ${number}` }).click();
  if (next) await expectStep(screen, next);
}

/** Clicks the branch with the SOP's label; the button goes on to say where it leads ("… → langkah 7 (…)"). */
async function choose(screen: Screen, label: string, next: string) {
  await screen.getByRole('button', { name: new RegExp(`^${label} → (kembali ke )?langkah ${next} `) }).click();
  await expectStep(screen, next);
}

beforeEach(() => {
  window.location.hash = '';
  db = new RuntimeDb(dbName);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(dbName);
  await Dexie.delete(`${dbName}.device`);
  window.location.hash = '';
});

describe('acceptance: Banyuwangi SPM end to end through the UI (Chromium)', () => {
  it('starts a case, loops once through "tidak memenuhi syarat", survives a reload mid-step, and finishes', async () => {
    let screen = await mount(db);

    // Nobody has said who they are yet: starting a case asks for a profile first.
    await screen.getByRole('link', { name: 'Mulai kasus: Penerbitan Surat Pernyataan Miskin (SPM) OnLine' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/Isi profil Anda dahulu/);
    await screen.getByRole('link', { name: 'Isi profil' }).click();
    await screen.getByLabelText('Nama lengkap').fill('Rina Operator');
    await screen.getByLabelText('NIP (boleh kosong)').fill('19850512 201001 2 003');
    await screen.getByLabelText('Cari lajur, SOP atau organisasi').fill('spm online');
    await screen.getByRole('checkbox', { name: /^DESA\/KELURAHAN — / }).click();
    await screen.getByRole('button', { name: 'Simpan profil' }).click();
    await expect.element(screen.getByRole('link', { name: 'Petugas: Rina Operator' })).toBeVisible();

    // Catalogue → start form (the NIK is checked as it is typed).
    await screen.getByRole('link', { name: 'Katalog SOP' }).click();
    await screen.getByRole('link', { name: 'Mulai kasus: Penerbitan Surat Pernyataan Miskin (SPM) OnLine' }).click();
    await expect.element(screen.getByRole('heading', { name: 'Kasus baru' })).toBeVisible();
    await screen.getByLabelText('Nama pemohon').fill('Siti Aminah');
    await screen.getByLabelText('NIK pemohon').fill('3510015205850000');
    await expect.element(screen.getByText('Nomor urut NIK tidak boleh 0000.')).toBeVisible();
    await screen.getByLabelText('NIK pemohon').fill('3510 0152 0585 0002');
    await expect.element(screen.getByText('NIK sah: perempuan, lahir 12-05-85.')).toBeVisible();
    await screen.getByRole('button', { name: 'Mulai kasus' }).click();

    // The case page: applicant, current step highlighted on the map.
    await expect.element(screen.getByRole('heading', { level: 2, name: 'Kasus Siti Aminah' })).toBeVisible();
    await expect.element(screen.getByRole('img', { name: /Peta alur SOP/ })).toBeVisible();
    expect(document.querySelector('[data-step="s1"]')?.getAttribute('data-status')).toBe('active');

    // A required requirement left unticked is refused with the reason.
    await screen.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent(/Persyaratan wajib belum dicentang/);

    await completeStep(screen, '1', '2');
    expect(document.querySelector('[data-step="s1"]')?.getAttribute('data-status')).toBe('done');
    // Keyboard users land on the new step: the button they pressed is gone.
    await expect.poll(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`).toBe('H3 Langkah 2');
    await completeStep(screen, '2', '3');
    await completeStep(screen, '3', '4');
    await completeStep(screen, '4', '5');
    await completeStep(screen, '5', '6');

    // Kecamatan check: "tidak memenuhi syarat" goes back to the village step, as a second visit.
    await choose(screen, 'tidak memenuhi syarat', '4');
    await expect.element(screen.getByText('kunjungan ke-2', { exact: true }).first()).toBeVisible();

    // Mid-step: tick one document, write the output; the draft autosaves; then reload.
    await screen.getByRole('checkbox', { name: /Kartu Keluarga \(KK\) asli/ }).click();
    await screen.getByLabelText('Output').fill('Foto rumah dan surat keterangan numpang dilengkapi');
    await expect.element(screen.getByText(/Draf tersimpan otomatis pukul/)).toBeVisible();
    // The autosave (not the unmount) must have written what was typed.
    await expect.poll(async () => (await db.drafts.toArray())[0]?.values.output, { timeout: 5000 }).toBe('Foto rumah dan surat keterangan numpang dilengkapi');
    await screen.unmount();
    // Let the unmounted screen's live queries settle before the "browser" closes the database.
    await new Promise((resolve) => setTimeout(resolve, 50));
    db.close();

    db = new RuntimeDb(dbName);
    screen = await mount(db);
    await expectStep(screen, '4');
    await expect.element(screen.getByText('Draf yang belum dikirim dipulihkan.')).toBeVisible();
    await expect.element(screen.getByLabelText('Output')).toHaveValue('Foto rumah dan surat keterangan numpang dilengkapi');
    await expect.element(screen.getByRole('checkbox', { name: /Kartu Keluarga \(KK\) asli/ })).toBeChecked();

    await completeStep(screen, '4', '5');
    await completeStep(screen, '5', '6');
    await choose(screen, 'memenuhi persyaratan', '7');
    await tickAllRequired(screen);
    await choose(screen, 'memenuhi segala persyaratan', '8');
    await completeStep(screen, '8', '9');
    await completeStep(screen, '9', '10');
    await completeStep(screen, '10', null);
    await expect.element(screen.getByText(/^Kasus selesai pada/)).toBeVisible();
    expect(document.querySelector('.rt-case__header .rt-status')?.textContent).toBe('Selesai');

    // The timeline: every step once per visit, in order.
    const rows = Array.from(document.querySelectorAll('.rt-timeline tbody tr')).map((tr) => tr.getAttribute('data-visit'));
    expect(rows).toEqual(['s1#1', 's2#1', 's3#1', 's4#1', 's5#1', 's6#1', 's4#2', 's5#2', 's6#2', 's7#1', 's8#1', 's9#1', 's10#1']);
    const firstCell = Array.from(document.querySelectorAll('.rt-timeline tbody th')).map((th) => th.textContent);
    expect(firstCell).toEqual(['1', '2', '3', '4', '5', '6', '4 (kunjungan ke-2)', '5 (kunjungan ke-2)', '6 (kunjungan ke-2)', '7', '8', '9', '10']);

    // Nothing was lost or duplicated: one completion per visit, the output typed before the reload kept.
    const caseId = (await db.cases.toCollection().first())!.id;
    const events = await caseEvents(db, caseId);
    const completions = events.filter((e) => e.type === 'step.completed').map((e) => (e as { visitId: string }).visitId);
    expect(completions).toEqual(rows);
    const s4second = events.find((e) => e.type === 'step.completed' && e.visitId === 's4#2');
    expect(s4second && 'submission' in s4second && s4second.submission.output).toBe('Foto rumah dan surat keterangan numpang dilengkapi');
    expect((await db.drafts.toArray()).map((d) => `${d.visitId} ${JSON.stringify(d.values)}`)).toEqual([]);
    // Every event names the person who acted, and the case has a number to read over the phone.
    expect(new Set(events.map((e) => e.by?.person?.name))).toEqual(new Set(['Rina Operator']));
    expect(events.every((e) => e.by?.person?.nip === '198505122010012003')).toBe(true);
    expect((await db.cases.get(caseId))!.caseNumber).toMatch(/^SPM-\d{4}-\w{4}-0001$/);

    // The receipt lists the documents received at step 1.
    await screen.getByRole('link', { name: 'Tanda terima & ringkasan' }).click();
    await expect.element(screen.getByRole('heading', { name: 'Tanda Terima Berkas' })).toBeVisible();
    await expect.element(screen.getByRole('listitem').filter({ hasText: 'KK asli beserta photo kopinya' })).toBeVisible();
    await screen.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }, 120_000);
});
