import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { sampleIds } from '../../samples';
import { PrintApp } from './PrintApp';

const meta = {
  title: 'Print/PrintApp',
  component: PrintApp,
} satisfies Meta<typeof PrintApp>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Opened without a document: the print page offers the samples. */
export const SamplePickerIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Pilih contoh SOP untuk dicetak' })).toBeVisible();
    const links = canvas.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('?sample='));
    await expect(links).toHaveLength(sampleIds.length);
    await expect(canvas.getByRole('link', { name: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine' })).toHaveAttribute('href', '?sample=bwi-spm-online');
  },
};

export const SamplePickerEnglish: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Choose a sample SOP to print' })).toBeVisible();
  },
};

/** A print tab whose document never arrives (opened again later, or a wrong link): it says so instead of staying blank. */
export const HandOverMissing: Story = {
  globals: { locale: 'id' },
  args: { search: '?doc=tidakada', waitMs: 0 },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(await notFoundText('id'));
  },
};

/** The tab that opened this one could not hand the document over (a full disk): the print tab says what to do. */
export const HandOverFailedIndonesian: Story = {
  globals: { locale: 'id' },
  args: { search: '?doc=gagal1', waitMs: 30_000 },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Menunggu dokumen yang akan dicetak…');
    announceFailure('gagal1');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/Dokumen tidak sampai ke halaman ini: penyerahannya gagal.*Tutup tab ini, lalu pilih Cetak lagi\./);
  },
};

export const HandOverFailedEnglish: Story = {
  globals: { locale: 'en' },
  args: { search: '?doc=gagal2', waitMs: 30_000 },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Waiting for the document to print…');
    announceFailure('gagal2');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/The document did not reach this page: handing it over failed.*Close this tab, then choose Print again\./);
  },
};

/** What the opening tab posts when its hand-over failed (see handover.ts). */
function announceFailure(key: string) {
  const channel = new BroadcastChannel('sop-studio-print-handover');
  channel.postMessage({ key, state: 'failed' });
  channel.close();
}

async function notFoundText(lang: 'id' | 'en') {
  const { translate } = await import('../../core/i18n');
  return translate(lang, 'print.ui.notFound');
}
