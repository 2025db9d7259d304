import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { SAMPLE_LOGO, SAMPLE_QR } from '../../print/fixtures/sampleImages';
import type { SopDocument } from '../../schemas/generated/sop.types';
import '../designer.css';
import { sampleDoc, withEditor } from '../stories/storySupport';
import { IdentityForm } from './IdentityForm';
import { svgNamedPngFile } from './testFiles';

const meta = {
  title: 'Designer/Panels/IdentityForm',
  component: IdentityForm,
  decorators: [withEditor('bwi-spm-online')],
} satisfies Meta<typeof IdentityForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Banyuwangi's SPM SOP with its own labels, a logo, an illegible row and an electronic signature. */
function signedBwi(): SopDocument {
  const doc = sampleDoc('bwi-spm-online');
  doc.identity.labels = { namaSop: 'Judul SOP', disahkanOleh: 'Ditetapkan Oleh', peringatan: 'Risiko' };
  doc.identity.logo = SAMPLE_LOGO;
  doc.identity.illegible = ['number'];
  doc.electronicSignature = {
    qr: SAMPLE_QR,
    statement: 'Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh BSrE',
    inEveryFooter: true,
  };
  return doc;
}

/** An SOP with only some rows: no number, only Tanggal Efektif, no approver, two blocks. */
function sparseBwi(): SopDocument {
  const doc = sampleDoc('bwi-spm-online');
  delete doc.identity.number;
  delete doc.identity.approver;
  doc.identity.dates = { efektif: { raw: '1 Februari 2024', iso: '2024-02-01', precision: 'day' } };
  doc.headerBlocks = { dasarHukum: doc.headerBlocks!.dasarHukum!, peringatan: [] };
  return doc;
}

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('textbox', { name: 'Nomor SOP' })).toHaveValue('660/04/429.109/2024');
    await expect(canvas.getAllByText('Dibaca sebagai 2024-01-16')).toHaveLength(2);
    await expect(canvas.getByRole('group', { name: 'Dasar Hukum' })).toBeVisible();
    // Tanggal Efektif is not in this SOP: it says so and offers the row.
    await expect(canvas.getByRole('button', { name: 'Tambah baris Tanggal Efektif' })).toBeVisible();
    await userEvent.click(canvas.getAllByRole('button', { name: '+ Butir' })[0]!);
    await expect(canvas.getByRole('textbox', { name: 'Dasar Hukum 2' })).toHaveValue('');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'SOP identity' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Approved by' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Add row Date effective' })).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'SOP number: illegible in the source' })).not.toBeChecked();
  },
};

/** Rows the SOP does not have: each says "Tidak ada di SOP ini" with a button to add it. */
export const AbsentRows: Story = {
  globals: { locale: 'id' },
  decorators: [withEditor(sparseBwi)],
  play: async ({ canvas }) => {
    for (const label of ['Nomor SOP', 'Tanggal Pembuatan', 'Tanggal Revisi', 'Tanggal Pengesahan', 'Disahkan oleh', 'Keterkaitan', 'Pencatatan dan Pendataan']) {
      await expect(canvas.getByRole('button', { name: `Tambah baris ${label}` })).toBeVisible();
    }
    await expect(canvas.getAllByText('Tidak ada di SOP ini')).toHaveLength(9);
    // A block that is there but empty is not absent.
    await expect(canvas.getByRole('group', { name: 'Peringatan' })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Tanggal Efektif' })).toHaveValue('1 Februari 2024');
  },
};

/** The SOP's own labels (open, with the standard label as placeholder), a logo, an illegible Nomor SOP and a TTE block. */
export const OverriddenLabelsLogoAndSignature: Story = {
  globals: { locale: 'id' },
  decorators: [withEditor(signedBwi)],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Judul SOP' })).toHaveValue('Penerbitan Surat Pernyataan Miskin (SPM) OnLine');
    const labelField = canvas.getByRole('textbox', { name: 'Label baris Nama SOP' });
    await expect(labelField).toHaveValue('Judul SOP');
    await expect(labelField).toHaveAttribute('placeholder', 'Nama SOP');
    await expect(canvas.getByRole('group', { name: 'Risiko' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Ditetapkan Oleh' })).toBeVisible();
    await expect(canvas.getByText('tidak terbaca')).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'Nomor SOP: tidak terbaca di sumber' })).toBeChecked();
    const logo = canvas.getByRole('img', { name: SAMPLE_LOGO.alt! });
    await expect(logo.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    await expect(canvas.getByRole('img', { name: SAMPLE_QR.alt! })).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'Cetak juga di kaki setiap halaman' })).toBeChecked();
  },
};

/** An SVG named ".png" is refused with what is wrong, and the logo stays. */
export const RefusedLogoFile: Story = {
  globals: { locale: 'id' },
  decorators: [withEditor(signedBwi)],
  play: async ({ canvas, userEvent }) => {
    await userEvent.upload(canvas.getByLabelText('Pilih logo'), svgNamedPngFile());
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('Berkas "logo.png" bukan gambar PNG atau JPEG'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('Gambar sebelumnya tetap dipakai.');
    await expect(canvas.getByRole('img', { name: SAMPLE_LOGO.alt! })).toBeVisible();
  },
};
