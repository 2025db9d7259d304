import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { caseRowOf } from '../storage/repository';
import { bwiCase } from '../storyFixtures';
import { rejectedCase } from '../case/v2CaseFixtures';
import { hostileReceiptCase } from './hostileReceiptCase';
import { ReceiptView } from './Receipt';

const { sop, state } = bwiCase(2);

const meta = {
  title: 'Runtime/Receipt',
  component: ReceiptView,
  args: { row: caseRowOf(sop, state), sop, timeZone: 'Asia/Jakarta' },
} satisfies Meta<typeof ReceiptView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Tanda Terima Berkas' })).toBeVisible();
    await expect(canvas.getByText('Pemerintah Kabupaten Banyuwangi')).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: 'NIK' })).toBeVisible();
    await expect(canvas.getByRole('cell', { name: '3510015205850002' })).toBeVisible();
    await expect(canvas.getByText('KK asli beserta photo kopinya')).toBeVisible();
    await expect(canvas.getByRole('cell', { name: '2 Jun 2025, 08.01 WIB' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cetak' })).toBeVisible();
    // The number read over the phone, and the petugas penerima by name and NIP.
    await expect(canvas.getByRole('cell', { name: 'SPM-2025-7KQX-0042' })).toBeVisible();
    await expect(canvas.getByRole('cell', { name: 'Rina Operator (NIP 19850512 201001 2 003)' })).toBeVisible();
    await expect(canvas.getByText('NIP 19850512 201001 2 003', { exact: true })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Document Receipt' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Case summary' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Back to the case' })).toBeVisible();
  },
};

const hostile = hostileReceiptCase();

/** A U+202E inside a file name and 300-character names: isolated and wrapped, the receipt keeps its width. */
export const HostileNames: Story = {
  globals: { locale: 'id' },
  args: { row: caseRowOf(hostile.sop, hostile.state), sop: hostile.sop },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText(hostile.names.afterOverride)).toBeVisible();
    await expect(canvas.getByText(hostile.names.override).tagName).toBe('BDI');
    const receipt = canvasElement.querySelector('.rt-receipt')!;
    await expect(receipt.scrollWidth).toBeLessThanOrEqual(receipt.clientWidth);
  },
};

const rejected = rejectedCase();

/** A case that ended at a "ditolak" end: the receipt says the application was rejected, never "Selesai". */
export const Rejected: Story = {
  globals: { locale: 'id' },
  args: { row: caseRowOf(rejected.sop, rejected.state), sop: rejected.sop },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('cell', { name: 'Ditolak' })).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: 'Hasil' })).toBeVisible();
    await expect(canvas.getByRole('cell', { name: 'Ditolak: permohonan tidak dapat dikabulkan' })).toBeVisible();
    await expect(canvas.queryByRole('cell', { name: 'Selesai' })).toBeNull();
    await expect(canvas.getByText(/cabang "Tidak Layak"/)).toBeVisible();
  },
};

export const RejectedEnglish: Story = {
  globals: { locale: 'en' },
  args: { row: caseRowOf(rejected.sop, rejected.state), sop: rejected.sop },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('cell', { name: 'Rejected' })).toBeVisible();
    await expect(canvas.getByRole('cell', { name: 'Rejected: the application cannot be granted' })).toBeVisible();
  },
};
