import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import { openDesignerDb, SopRepository, type DesignerDatabase } from '../storage';
import { LibraryScreen } from './LibraryScreen';
import v1Bwi from '../../core/migrations/fixtures/bwi-spm-online.v1.sop.json';

const seed = () => ['oku-01-sktm', 'bwi-spm-online', 'lmj-06-tetirah'].map((id) => structuredClone(loadSample(id)!));
let db: DesignerDatabase;
let repository: SopRepository;
let opened: string[];

beforeEach(() => {
  db = openDesignerDb({ name: `library-test-${Date.now()}-${Math.random()}`, seed });
  repository = new SopRepository(db);
  opened = [];
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function renderLibrary(lang: 'id' | 'en' = 'id') {
  return render(
    <I18nProvider initialLang={lang} persist={false}>
      <LibraryScreen repository={repository} samples={seed()} onOpen={(id) => opened.push(id)} />
    </I18nProvider>,
  );
}

function fileOf(name: string, text: string): File {
  return new File([text], name, { type: 'application/json' });
}

async function importFiles(screen: Awaited<ReturnType<typeof renderLibrary>>, files: File[]) {
  await screen.getByTestId('import-input').upload(files);
}

describe('SOP library (real Chromium, IndexedDB)', () => {
  it('lists the SOPs with title, number, date and status, and finds them by title or number', async () => {
    const screen = await renderLibrary();
    await expect.element(screen.getByRole('button', { name: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine', exact: true })).toBeVisible();
    expect(screen.getByRole('row').all()).toHaveLength(4);
    await expect.element(screen.getByRole('row', { name: /SPM\) OnLine/ })).toHaveTextContent('660/04/429.109/2024');
    await expect.element(screen.getByRole('row', { name: /SPM\) OnLine/ })).toHaveTextContent('Terbit, revisi 1');
    await screen.getByLabelText('Cari judul, Nomor SOP, atau instansi').fill('429.109');
    expect(screen.getByRole('row').all()).toHaveLength(2);
    await screen.getByLabelText('Cari judul, Nomor SOP, atau instansi').fill('tertirah');
    await expect.element(screen.getByRole('button', { name: 'PENGIRIMAN PESERTA TERTIRAH', exact: true })).toBeVisible();
    await screen.getByLabelText('Cari judul, Nomor SOP, atau instansi').fill('tidak ada');
    await expect.element(screen.getByText('Tidak ada SOP yang cocok dengan "tidak ada".')).toBeVisible();
  }, 30_000);

  it('shows each SOP\'s agency, so two SOPs with the same title can be told apart, and finds SOPs by agency', async () => {
    const lumajangSktm = structuredClone(loadSample('oku-01-sktm')!);
    lumajangSktm.id = 'sktm-lumajang';
    lumajangSktm.identity = { ...lumajangSktm.identity, government: 'Pemerintah Kabupaten Lumajang', office: 'Dinas Sosial Kabupaten Lumajang', unit: 'Seksi Jaminan Sosial' };
    await repository.createDraft(lumajangSktm);
    const screen = await renderLibrary();
    const sktm = screen.getByRole('row', { name: /SURAT KETERANGAN TIDAK MAMPU \(SKTM\)/ });
    await expect.poll(() => sktm.all().map((row) => row.element().querySelector('.sop-table__agency')?.textContent).sort()).toEqual([
      'Dinas Sosial Kabupaten LumajangSeksi Jaminan Sosial',
      'Dinas Sosial Kabupaten OKU Selatan',
    ]);
    await expect.element(screen.getByRole('columnheader', { name: 'Instansi' })).toBeVisible();

    await screen.getByLabelText('Cari judul, Nomor SOP, atau instansi').fill('oku selatan');
    await expect.poll(() => screen.getByRole('row').all().length).toBe(2);
    await expect.element(screen.getByRole('row', { name: /SKTM/ })).toHaveTextContent('Dinas Sosial Kabupaten OKU Selatan');
    await screen.getByLabelText('Cari judul, Nomor SOP, atau instansi').fill('jaminan sosial');
    await expect.poll(() => screen.getByRole('row').all().length).toBe(3); // header, the Lumajang SKTM, and Banyuwangi's unit
    await expect.element(screen.getByRole('row', { name: /SKTM/ })).toHaveTextContent('Seksi Jaminan Sosial');
  }, 30_000);

  it('creates a blank SOP and opens it', async () => {
    const screen = await renderLibrary();
    await screen.getByRole('button', { name: 'SOP baru' }).click();
    await screen.getByRole('button', { name: 'Buat SOP' }).click();
    await expect.element(screen.getByText('Isi nama SOP.')).toBeVisible();
    await screen.getByRole('textbox', { name: 'Nama SOP' }).fill('Penerbitan Rekomendasi Baru');
    await screen.getByRole('button', { name: 'Buat SOP' }).click();
    await vi.waitFor(() => expect(opened).toEqual(['penerbitan-rekomendasi-baru']));
    const created = await repository.loadDraft('penerbitan-rekomendasi-baru');
    expect(created?.doc.identity.title).toBe('Penerbitan Rekomendasi Baru');
    expect(created?.doc.revision).toEqual({ number: 0, status: 'draft' });
    expect(created?.doc.schemaVersion).toBe(2);
    // The applicant's data is there from the start, with the ids the runtime reads as name and NIK.
    expect(created?.doc.caseFields?.map((f) => [f.id, f.label, f.type, f.required, f.step])).toEqual([
      ['nama', 'Nama pemohon', 'text', true, undefined],
      ['nik', 'NIK pemohon', 'nik', true, undefined],
      ['alamat', 'Alamat', 'longText', false, undefined],
      ['telepon', 'Nomor telepon', 'phone', false, undefined],
    ]);
  }, 30_000);

  it('creates an SOP from a sample as an unpublished copy', async () => {
    const screen = await renderLibrary();
    await screen.getByRole('button', { name: 'SOP baru' }).click();
    await screen.getByLabelText('Salinan contoh SOP').click();
    await screen.getByRole('combobox', { name: 'Contoh SOP' }).selectOptions('lmj-06-tetirah');
    await screen.getByRole('textbox', { name: 'Nama SOP' }).fill('Tetirah Kabupaten Kami');
    await screen.getByRole('button', { name: 'Buat SOP' }).click();
    await vi.waitFor(() => expect(opened).toEqual(['tetirah-kabupaten-kami']));
    const created = (await repository.loadDraft('tetirah-kabupaten-kami'))!.doc;
    expect(created.flows).toEqual(loadSample('lmj-06-tetirah')!.flows);
    expect(created.revision.status).toBe('draft');
  }, 30_000);

  it('duplicates, renames and deletes with undo', async () => {
    const screen = await renderLibrary();
    await screen.getByRole('button', { name: /^Salin STANDAR PELAYANAN SURAT KETERANGAN/ }).click();
    await expect.element(screen.getByRole('button', { name: /^STANDAR.*SKTM\) \(salinan\)$/ })).toBeVisible();
    await screen.getByRole('button', { name: /^Ubah nama .*\(salinan\)$/ }).click();
    await screen.getByRole('textbox', { name: 'Nama SOP' }).fill('SKTM versi kecamatan');
    await screen.getByRole('button', { name: 'Simpan nama' }).click();
    await expect.element(screen.getByRole('button', { name: 'SKTM versi kecamatan', exact: true })).toBeVisible();
    await screen.getByRole('button', { name: 'Hapus SKTM versi kecamatan' }).click();
    await expect.element(screen.getByText('SOP "SKTM versi kecamatan" dihapus.')).toBeVisible();
    await expect.element(screen.getByRole('button', { name: 'SKTM versi kecamatan', exact: true })).not.toBeInTheDocument();
    await screen.getByRole('button', { name: 'Urungkan' }).click();
    await expect.element(screen.getByRole('button', { name: 'SKTM versi kecamatan', exact: true })).toBeVisible();
  }, 30_000);

  it('refuses a file that is not a valid SOP and says where the problem is', async () => {
    const screen = await renderLibrary();
    await importFiles(screen, [fileOf('rusak.sop.json', '{\n  "id": "x",\n  oops\n}')]);
    await expect.element(screen.getByRole('heading', { name: '1 berkas tidak dapat diimpor' })).toBeVisible();
    await expect.element(screen.getByText(/baris 3, kolom 3/)).toHaveTextContent(
      'Teks bukan JSON yang sah (baris 3, kolom 3): Di sini harus ada nama properti dalam tanda kutip ganda ("), bukan "oops".',
    );
    await screen.getByRole('button', { name: 'Tutup', exact: true }).click();

    const missing = { ...seed()[0]!, id: 'tanpa-identitas' } as Partial<SopDocument>;
    delete missing.identity;
    await importFiles(screen, [fileOf('tanpa-identitas.sop.json', JSON.stringify(missing))]);
    await expect.element(screen.getByRole('heading', { name: '1 berkas tidak dapat diimpor' })).toBeVisible();
    await expect.element(screen.getByText(/identity/)).toBeVisible();
    expect(await repository.exists('tanpa-identitas')).toBe(false);
  }, 30_000);

  it('refuses 100 000-deep extensions with a located message, and a 30 MB file by its true size, before anything is stored', async () => {
    const screen = await renderLibrary();
    const deep = { ...seed()[0]!, id: 'sangat-dalam' };
    const text = JSON.stringify(deep).replace(/}$/, `,"extensions":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`);
    await importFiles(screen, [fileOf('dalam.sop.json', text)]);
    await expect.element(screen.getByRole('heading', { name: '1 berkas tidak dapat diimpor' })).toBeVisible();
    await expect
      .element(screen.getByText(/bersarang lebih dalam/))
      .toHaveTextContent('extensions bersarang lebih dalam dari 64 tingkat di /extensions/a/a/a/a/a/…; dokumen tidak dapat dibuka.');
    expect(document.body.textContent).not.toContain('RangeError');
    expect(await repository.exists('sangat-dalam')).toBe(false);
    await screen.getByRole('button', { name: 'Tutup', exact: true }).click();

    await importFiles(screen, [new File([new Uint8Array(30 * 1024 * 1024).fill(32)], 'besar.sop.json')]);
    await expect.element(screen.getByText(/Berkas terlalu besar/)).toHaveTextContent('Berkas terlalu besar (30.0 MB); batasnya 20.0 MB.');
  }, 60_000);

  it('imports a new SOP, and asks before replacing one with the same id', async () => {
    const screen = await renderLibrary();
    const fresh = { ...seed()[0]!, id: 'sop-impor', identity: { ...seed()[0]!.identity, title: 'SOP hasil impor' } };
    await importFiles(screen, [fileOf('sop-impor.sop.json', JSON.stringify(fresh))]);
    await expect.element(screen.getByRole('button', { name: 'SOP hasil impor', exact: true })).toBeVisible();

    const clash = { ...seed()[2]!, identity: { ...seed()[2]!.identity, title: 'Tetirah dari berkas' } };
    await importFiles(screen, [fileOf('tetirah.sop.json', JSON.stringify(clash))]);
    await expect.element(screen.getByRole('heading', { name: 'SOP dengan id yang sama sudah ada' })).toBeVisible();
    await screen.getByRole('button', { name: 'Batal' }).click();
    expect((await repository.loadDraft('lmj-06-tetirah'))!.doc.identity.title).not.toBe('Tetirah dari berkas');

    await importFiles(screen, [fileOf('tetirah.sop.json', JSON.stringify(clash))]);
    await screen.getByRole('button', { name: 'Simpan sebagai SOP terpisah' }).click();
    await expect.element(screen.getByRole('button', { name: 'Tetirah dari berkas', exact: true })).toBeVisible();
    expect((await repository.loadDraft('lmj-06-tetirah'))!.doc.identity.title).not.toBe('Tetirah dari berkas');
    expect((await repository.loadDraft('lmj-06-tetirah-2'))!.doc.identity.title).toBe('Tetirah dari berkas');

    await importFiles(screen, [fileOf('tetirah.sop.json', JSON.stringify(clash))]);
    await screen.getByRole('button', { name: 'Ganti SOP yang ada' }).click();
    await vi.waitFor(async () => expect((await repository.loadDraft('lmj-06-tetirah'))!.doc.identity.title).toBe('Tetirah dari berkas'));
  }, 30_000);

  it('imports a file written in schema v1 as the current version and says it was upgraded', async () => {
    const screen = await renderLibrary();
    const v1 = { ...structuredClone(v1Bwi), id: 'spm-lama', identity: { ...v1Bwi.identity, title: 'SPM dari berkas lama' } };
    await importFiles(screen, [fileOf('spm-lama.sop.json', JSON.stringify(v1))]);
    await expect.element(screen.getByRole('button', { name: 'SPM dari berkas lama', exact: true })).toBeVisible();
    await expect.element(screen.getByText('1 SOP diimpor. 1 di antaranya ditulis dengan skema versi lama dan diperbarui ke versi 2; berkas aslinya tidak diubah.')).toBeVisible();
    const stored = (await repository.loadDraft('spm-lama'))!.doc;
    expect(stored.schemaVersion).toBe(2);
    expect(stored.flows[0]!.steps.at(-1)!.outcome).toBe('selesai');
  });

  it('says in English that an imported file was upgraded', async () => {
    const screen = await renderLibrary('en');
    await importFiles(screen, [fileOf('spm-lama.sop.json', JSON.stringify({ ...structuredClone(v1Bwi), id: 'spm-lama' }))]);
    await expect.element(screen.getByText('1 SOPs imported. 1 of them were written in an older schema version and were upgraded to version 2; the original files are unchanged.')).toBeVisible();
  });

  it('exports the stored document as a .sop.json file', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('bwi-spm-online.sop.json');
    });
    const screen = await renderLibrary();
    await screen.getByRole('button', { name: /^Ekspor Penerbitan Surat Pernyataan Miskin/ }).click();
    await vi.waitFor(() => expect(blobs).toHaveLength(1));
    expect(JSON.parse(await blobs[0]!.text())).toEqual(loadSample('bwi-spm-online'));
    create.mockRestore();
    click.mockRestore();
  }, 30_000);

  it('explains a broken file in English when English is chosen, with line and column', async () => {
    const screen = await renderLibrary('en');
    await importFiles(screen, [fileOf('broken.sop.json', '{\n  "id": "x",\n  "title": \'SKTM\'\n}')]);
    await expect.element(screen.getByText(/line 3, column 12/)).toHaveTextContent(
      'The text is not valid JSON (line 3, column 12): Text must be in double quotes ("), not single quotes (\').',
    );
    expect(await repository.exists('x')).toBe(false);
  }, 30_000);

  it('speaks English', async () => {
    const screen = await renderLibrary('en');
    await expect.element(screen.getByRole('heading', { name: 'SOP library' })).toBeVisible();
    await expect.element(screen.getByRole('columnheader', { name: 'SOP number' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'New SOP' }));
    await expect.element(screen.getByRole('heading', { name: 'New SOP' })).toBeVisible();
  }, 30_000);
});
