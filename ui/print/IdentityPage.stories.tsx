import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { createTranslator } from '../../core/i18n';
import { loadSample } from '../../samples';
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
    await expect(canvas.getByText('PEMERINTAH KABUPATEN BANYUWANGI', { exact: false })).toBeVisible();
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

/** A stub SOP: every identity cell and block is there, empty, and the page says why. */
export const IncompleteDocument: Story = {
  globals: { locale: 'id' },
  args: { doc: loadSample('lmj-09-pkh-mekanisme')!, t: createTranslator('id') },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('note')).toHaveTextContent('Dokumen ini belum lengkap');
    await expect(canvasElement.querySelectorAll('.header-block')).toHaveLength(6);
  },
};

