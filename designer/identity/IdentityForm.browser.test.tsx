import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { SAMPLE_LOGO } from '../../print/fixtures/sampleImages';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../../ui/i18n';
import type { EditorStore } from '../editor/editorStore';
import { EditorFixture, sampleDoc } from '../stories/storySupport';
import { IdentityForm } from './IdentityForm';
import { damagedPngFile, dropFile, logoPngFile, oversizePngFile, qrPngFile, svgNamedPngFile } from './testFiles';
import '../designer.css';

let unmount: (() => Promise<void>) | undefined;
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
});

async function renderForm(doc: SopDocument = sampleDoc('bwi-spm-online'), lang: 'id' | 'en' = 'id') {
  let store!: EditorStore;
  const screen = await render(
    <I18nProvider initialLang={lang} persist={false}>
      <EditorFixture doc={doc} onStore={(s) => (store = s)}>
        <div className="designer designer--editor" style={{ width: 420 }}>
          <IdentityForm />
        </div>
      </EditorFixture>
    </I18nProvider>,
  );
  unmount = () => screen.unmount();
  return { screen, store: () => store };
}

describe('identity form: rows present or absent (real Chromium)', () => {
  it('clearing Nomor SOP keeps the row, empty; "Hapus baris" makes it absent; undo and redo go back and forth', async () => {
    const { screen, store } = await renderForm();
    const number = screen.getByRole('textbox', { name: 'Nomor SOP' });
    await number.clear();
    await expect.element(number).toHaveValue('');
    expect(store().doc.identity.number).toBe('');
    await expect.element(screen.getByRole('button', { name: 'Hapus baris Nomor SOP' })).toBeVisible();

    await screen.getByRole('button', { name: 'Hapus baris Nomor SOP' }).click();
    await expect.element(screen.getByRole('button', { name: 'Tambah baris Nomor SOP' })).toBeVisible();
    await expect.element(screen.getByRole('textbox', { name: 'Nomor SOP' })).not.toBeInTheDocument();
    expect('number' in store().doc.identity).toBe(false);
    expect(store().getSnapshot().undoTitle?.id).toBe('Hapus baris identitas');

    store().undo();
    await expect.element(screen.getByRole('textbox', { name: 'Nomor SOP' })).toHaveValue('');
    store().undo();
    await expect.element(screen.getByRole('textbox', { name: 'Nomor SOP' })).toHaveValue('660/04/429.109/2024');
    store().redo();
    store().redo();
    await expect.element(screen.getByRole('button', { name: 'Tambah baris Nomor SOP' })).toBeVisible();

    // Added back, the row is there and unfilled.
    await screen.getByRole('button', { name: 'Tambah baris Nomor SOP' }).click();
    await expect.element(screen.getByRole('textbox', { name: 'Nomor SOP' })).toHaveValue('');
    expect(store().doc.identity.number).toBe('');
  });

  it('adds the absent Tanggal Efektif row and removes a whole block; the last item removed keeps an empty block', async () => {
    const { screen, store } = await renderForm();
    await screen.getByRole('button', { name: 'Tambah baris Tanggal Efektif' }).click();
    await screen.getByRole('textbox', { name: 'Tanggal Efektif' }).fill('1 Maret 2024');
    await expect.element(screen.getByText('Dibaca sebagai 2024-03-01')).toBeVisible();

    const items = store().doc.headerBlocks!.keterkaitan!.length;
    for (let n = items; n >= 1; n--) await screen.getByRole('button', { name: `Hapus Keterkaitan ${n}` }).click();
    expect(store().doc.headerBlocks!.keterkaitan).toEqual([]);
    await expect.element(screen.getByRole('group', { name: 'Keterkaitan' })).toBeVisible();

    await screen.getByRole('button', { name: 'Hapus baris Peringatan' }).click();
    await expect.element(screen.getByRole('group', { name: 'Peringatan' })).not.toBeInTheDocument();
    await expect.element(screen.getByRole('button', { name: 'Tambah baris Peringatan' })).toBeVisible();
    expect(store().doc.headerBlocks!.peringatan).toBeUndefined();
  });
});

describe('identity form: labels and illegible marks (real Chromium)', () => {
  it('overrides the Nama SOP label (the standard label as placeholder) and resets it', async () => {
    const { screen, store } = await renderForm();
    await screen.getByRole('button', { name: 'Ubah label Nama SOP' }).click();
    const labelField = screen.getByRole('textbox', { name: 'Label baris Nama SOP' });
    await expect.element(labelField).toHaveAttribute('placeholder', 'Nama SOP');
    await labelField.fill('Judul SOP');
    await expect.element(screen.getByRole('textbox', { name: 'Judul SOP' })).toHaveValue('Penerbitan Surat Pernyataan Miskin (SPM) OnLine');
    expect(store().doc.identity.labels).toEqual({ namaSop: 'Judul SOP' });

    await screen.getByRole('button', { name: 'Pakai label bawaan Nama SOP' }).click();
    await expect.element(screen.getByRole('textbox', { name: 'Nama SOP', exact: true })).toBeVisible();
    expect(store().doc.identity.labels).toBeUndefined();
    await expect.element(screen.getByRole('button', { name: 'Pakai label bawaan Nama SOP' })).toBeDisabled();
  });

  it('marks Disahkan Oleh illegible, discreetly, in English too; removing the row drops the mark', async () => {
    const { screen, store } = await renderForm(sampleDoc('bwi-spm-online'), 'en');
    await screen.getByRole('checkbox', { name: 'Approved by: illegible in the source' }).click();
    await expect.element(screen.getByText('illegible', { exact: true })).toBeVisible();
    expect(store().doc.identity.illegible).toEqual(['approver']);
    await screen.getByRole('button', { name: 'Remove row Approved by' }).click();
    await expect.element(screen.getByRole('button', { name: 'Add row Approved by' })).toBeVisible();
    expect(store().doc.identity.illegible).toBeUndefined();
  });
});

describe('identity form: letterhead logo and e-signature (real Chromium)', () => {
  it('takes a PNG from the file button, refuses a disguised SVG and an oversized PNG with what is wrong, and keeps the last good logo', async () => {
    const { screen, store } = await renderForm();
    const input = screen.getByLabelText('Pilih logo');
    await userEvent.upload(input, logoPngFile());
    const preview = screen.getByRole('img', { name: 'Logo kop surat saat ini' });
    await expect.element(preview).toBeVisible();
    expect(preview.element().getAttribute('src')).toBe(`data:image/png;base64,${SAMPLE_LOGO.base64}`);
    // The preview really decodes: the bytes are an image, not text in an image's clothes.
    await expect.poll(() => (preview.element() as HTMLImageElement).naturalWidth).toBeGreaterThan(0);
    expect(store().doc.identity.logo).toEqual({ mediaType: 'image/png', base64: SAMPLE_LOGO.base64 });

    await userEvent.upload(input, svgNamedPngFile());
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Berkas "logo.png" bukan gambar PNG atau JPEG (jenisnya dibaca dari isi berkas, bukan dari namanya). Gambar sebelumnya tetap dipakai.');
    expect(store().doc.identity.logo?.base64).toBe(SAMPLE_LOGO.base64);
    expect(document.querySelector('.identity-form script, .identity-form svg')).toBeNull();

    await userEvent.upload(input, oversizePngFile());
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Berkas "logo-besar.png" berukuran 256,4 KB; paling besar 256,3 KB. Gambar sebelumnya tetap dipakai.');
    expect(store().doc.identity.logo?.base64).toBe(SAMPLE_LOGO.base64);

    await userEvent.upload(input, damagedPngFile());
    await expect.element(screen.getByRole('alert')).toHaveTextContent('Berkas "logo-rusak.png" berawalan seperti PNG/JPEG, tetapi gambarnya rusak');
    expect(store().doc.identity.logo?.base64).toBe(SAMPLE_LOGO.base64);

    // A good file clears the message.
    await userEvent.upload(input, logoPngFile());
    await expect.element(screen.getByRole('alert')).not.toBeInTheDocument();

    await screen.getByRole('button', { name: 'Hapus logo' }).click();
    await expect.element(screen.getByText('Belum ada logo.')).toBeVisible();
    expect(store().doc.identity.logo).toBeUndefined();
  });

  it('takes a logo dropped on the box', async () => {
    const { screen, store } = await renderForm();
    dropFile(document.querySelector('.identity-logo .image-upload')!, logoPngFile());
    await expect.element(screen.getByRole('img', { name: 'Logo kop surat saat ini' })).toBeVisible();
    expect(store().doc.identity.logo?.mediaType).toBe('image/png');
    store().undo();
    await expect.element(screen.getByText('Belum ada logo.')).toBeVisible();
  });

  it('starts the e-signature with its QR, then takes the statement and the footer option', async () => {
    const { screen, store } = await renderForm();
    await userEvent.upload(screen.getByLabelText('Pilih kode QR'), qrPngFile());
    await expect.element(screen.getByRole('img', { name: 'Kode QR tanda tangan elektronik saat ini' })).toBeVisible();
    await screen.getByRole('textbox', { name: 'Pernyataan penandatanganan' }).fill('Ditandatangani secara elektronik (BSrE)');
    await screen.getByRole('checkbox', { name: 'Cetak juga di kaki setiap halaman' }).click();
    expect(store().doc.electronicSignature).toMatchObject({ statement: 'Ditandatangani secara elektronik (BSrE)', inEveryFooter: true, qr: { mediaType: 'image/png' } });
    await screen.getByRole('button', { name: 'Hapus tanda tangan elektronik' }).click();
    expect(store().doc.electronicSignature).toBeUndefined();
    await expect.element(screen.getByText(/tidak ditandatangani secara elektronik/)).toBeVisible();
  });
});
