import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import '../designer.css';
import { SopTable } from './SopTable';

const meta = {
  title: 'Designer/Library/SopTable',
  component: SopTable,
  args: {
    onAction: fn(),
    drafts: [
      { id: 'bwi-spm-online', title: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine', number: '660/04/429.109/2024', government: 'Pemerintah Kabupaten Banyuwangi', office: 'Dinas Sosial PPKB Kabupaten Banyuwangi', unit: 'Bidang Perlindungan dan Jaminan Sosial', status: 'published', revisionNumber: 1, createdAt: '2025-01-02T03:00:00Z', updatedAt: '2025-01-02T03:00:00Z', saveCount: 1 },
      { id: 'sop-baru', title: '', number: '', government: '', office: '', unit: '', status: 'draft', revisionNumber: 0, createdAt: '2025-02-01T03:00:00Z', updatedAt: '2025-02-03T08:30:00Z', saveCount: 4 },
      { id: 'lmj-16-spm', title: 'Surat Pernyataan Miskin', number: '427.42/11/1.06/2020', government: 'Pemerintah Kabupaten Lumajang', office: 'Dinas Sosial Kabupaten Lumajang', unit: '', status: 'draft', revisionNumber: 2, createdAt: '2025-01-02T03:00:00Z', updatedAt: '2025-01-05T03:00:00Z', saveCount: 9 },
      { id: 'blt-spm', title: 'Surat Pernyataan Miskin', number: '', government: 'Pemerintah Kota Blitar', office: '', unit: '', status: 'draft', revisionNumber: 0, createdAt: '2025-01-02T03:00:00Z', updatedAt: '2025-01-04T03:00:00Z', saveCount: 2 },
    ],
  },
} satisfies Meta<typeof SopTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByText('Terbit, revisi 1')).toBeVisible();
    await expect(canvas.getByText('Draf (revisi 2 terbit)')).toBeVisible();
    await expect(canvas.getByRole('button', { name: '(tanpa judul)' })).toBeVisible();
    // Two SOPs with the same title are told apart by their agency.
    const [lumajang, blitar] = canvas.getAllByRole('row', { name: /^Surat Pernyataan Miskin/ });
    await expect(lumajang).toHaveTextContent('Dinas Sosial Kabupaten Lumajang');
    await expect(blitar).toHaveTextContent('Pemerintah Kota Blitar');
    await expect(canvas.getByRole('row', { name: /SPM\) OnLine/ })).toHaveTextContent('Dinas Sosial PPKB Kabupaten BanyuwangiBidang Perlindungan dan Jaminan Sosial');
    await expect(canvas.getByRole('row', { name: /tanpa judul/ })).toHaveTextContent('(instansi belum diisi)');
    await expect(canvas.getByRole('columnheader', { name: 'Instansi' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus Surat Pernyataan Miskin (Dinas Sosial Kabupaten Lumajang)' }));
    await expect(args.onAction).toHaveBeenCalledWith('delete', expect.objectContaining({ id: 'lmj-16-spm' }));
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('columnheader', { name: 'Last changed' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Agency' })).toBeVisible();
    await expect(canvas.getByRole('row', { name: /tanpa judul|untitled/ })).toHaveTextContent('(agency not filled in)');
    await expect(canvas.getByRole('button', { name: 'Export Surat Pernyataan Miskin (Pemerintah Kota Blitar) as .sop.json' })).toBeVisible();
  },
};
