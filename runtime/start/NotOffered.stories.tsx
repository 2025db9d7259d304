import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { NotOffered } from './StartCase';

const TITLE = 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine';
const current = {
  key: 'bwi-spm-online@2',
  schemaVersion: 1,
  sopId: 'bwi-spm-online',
  revision: 2,
  contentHash: 'a'.repeat(64),
  title: TITLE,
  office: 'Dinas Sosial Kabupaten Banyuwangi',
  number: '',
  publishedAt: '2026-12-02',
  source: 'server' as const,
  storedAt: '2026-12-02T08:00:00.000Z',
};

const meta = {
  title: 'Runtime/NotOffered',
  component: NotOffered,
  args: { title: TITLE, revision: 1, availability: { offered: false, reason: 'notFromServer', current } },
} satisfies Meta<typeof NotOffered>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A linked device, a bundled sample's revision 1: the server's revision 2 is offered instead, the sample in the sandbox. */
export const NotFromServer: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'Revisi 1 SOP ini tidak berasal dari server. Perangkat ini tertaut ke server, jadi kasus baru hanya dapat dimulai pada SOP yang diterbitkan server untuk kantor Anda. Kasus yang sudah berjalan tetap dapat dibuka.',
    );
    await expect(canvas.getByRole('link', { name: 'Mulai kasus pada revisi 2' })).toHaveAttribute('href', '#/sop/bwi-spm-online%402/mulai');
    await expect(canvas.getByRole('link', { name: 'Coba contoh SOP bawaan di ruang uji coba' })).toHaveAttribute('href', '?uji-coba=1#/');
  },
};

/** The office has no lane in this SOP: the server offers no revision of it, so there is nowhere else to start. */
export const NotFromServerNoneOffered: Story = {
  globals: { locale: 'en' },
  args: { availability: { offered: false, reason: 'notFromServer' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Revision 1 of this SOP did not come from the server.');
    expect(canvas.queryByRole('link', { name: /^Start a case on revision/ })).toBeNull();
    await expect(canvas.getByRole('link', { name: 'Try the bundled example SOPs in the trial sandbox' })).toBeVisible();
  },
};

export const Superseded: Story = {
  globals: { locale: 'id' },
  args: { availability: { offered: false, reason: 'superseded', current } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Revisi 1 SOP ini sudah digantikan revisi 2');
    expect(canvas.queryByRole('link', { name: 'Coba contoh SOP bawaan di ruang uji coba' })).toBeNull();
  },
};
