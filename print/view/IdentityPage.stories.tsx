import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { createTranslator } from '../../core/i18n';
import { loadSample } from '../../samples';
import { identityV2Doc } from '../fixtures/craftedV2';
import { IdentityPage } from './IdentityPage';
import './print.css';

const meta = {
  title: 'Print/IdentityPage',
  component: IdentityPage,
  decorators: [
    (Story) => (
      <div className="print-document" style={{ display: 'block', padding: 16, background: '#fff', width: 1040 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof IdentityPage>;

export default meta;
type Story = StoryObj<typeof meta>;

const bwi = loadSample('bwi-spm-online')!;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  args: { doc: bwi, t: createTranslator('id') },
  play: async ({ canvas, canvasElement }) => {
    // As written, not upper-cased.
    await expect(canvas.getByText('Pemerintah Kabupaten Banyuwangi')).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: 'Nomor SOP' })).toBeVisible();
    await expect(canvas.getByText('660/04/429.109/2024')).toBeVisible();
    await expect(canvas.getByText('HENIK SETYORINI, AP, M.Si')).toBeVisible();
    await expect(canvas.getByText('NIP. 19751111 199412 2 001')).toBeVisible();
    // The six blocks in three rows of two, in the Permenpan order.
    const labels = Array.from(canvasElement.querySelectorAll('.header-block__label')).map((el) => el.textContent);
    await expect(labels).toEqual(['Dasar Hukum', 'Kualifikasi Pelaksana', 'Keterkaitan', 'Peralatan/Perlengkapan', 'Peringatan', 'Pencatatan dan Pendataan']);
    // Peringatan is empty in this SOP: the cell stays, labelled and empty.
    const peringatan = canvasElement.querySelector('[data-block="peringatan"]')!;
    await expect(peringatan.querySelector('.header-block__items')).toBeNull();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { doc: bwi, t: createTranslator('en') },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('rowheader', { name: 'SOP number' })).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: 'Approved by' })).toBeVisible();
    await expect(canvas.getByText('Legal basis')).toBeVisible();
    await expect(canvas.getByText('NIP 19751111 199412 2 001')).toBeVisible();
  },
};

/** A stub SOP without header blocks: none are printed (schema v2: absent means the SOP has none), and the page says why it is incomplete. */
export const IncompleteDocument: Story = {
  globals: { locale: 'id' },
  args: { doc: loadSample('lmj-09-pkh-mekanisme')!, t: createTranslator('id') },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('note')).toHaveTextContent('Dokumen ini belum lengkap');
    await expect(canvasElement.querySelectorAll('.header-block')).toHaveLength(0);
  },
};

/**
 * Schema v2: only the rows the SOP has (no Nomor SOP, no Tanggal Revisi), an
 * empty row kept empty, the agency's own labels, an illegible date, the logo,
 * the electronic signature in the Disahkan Oleh cell, and rich text with its
 * own list markers. Titles keep their case.
 */
export const SchemaV2Identity: Story = {
  globals: { locale: 'id' },
  args: { doc: identityV2Doc(), t: createTranslator('id') },
  play: async ({ canvas, canvasElement }) => {
    const rows = Array.from(canvasElement.querySelectorAll('.identity-table th')).map((th) => th.textContent);
    await expect(rows).toEqual(['Tanggal Pembuatan', 'Tanggal Pengesahan', 'Tanggal Berlaku', 'Ditetapkan Oleh', 'Judul SOP']);
    await expect(canvasElement.querySelector('[data-row="pengesahan"] td')).toHaveTextContent('(tidak terbaca)');
    await expect(canvasElement.querySelector('[data-row="efektif"] td')).toHaveTextContent('');
    await expect(canvas.getByText('Pelayanan Rekomendasi Keringanan Biaya Rumah Sakit')).toBeVisible();
    await expect(canvas.getByRole('img', { name: 'Logo Pemerintah Kabupaten' })).toBeVisible();
    await expect(canvas.getByRole('img', { name: 'Kode QR tanda tangan elektronik' })).toBeVisible();
    await expect(canvas.getByText(/Balai Sertifikasi Elektronik/)).toBeVisible();
    // Three blocks, in Permenpan order; one is there but empty.
    const labels = Array.from(canvasElement.querySelectorAll('.header-block__label')).map((el) => el.textContent);
    await expect(labels).toEqual(['Dasar Hukum', 'Kualifikasi Pelaksana', 'Peralatan/Perlengkapan']);
    const markers = Array.from(canvasElement.querySelectorAll('[data-block="dasarHukum"] .text-view__marker')).map((m) => m.textContent);
    await expect(markers).toEqual(['a.', 'b.']);
    await expect(canvas.getByText('Kesejahteraan Sosial').tagName).toBe('STRONG');
  },
};

