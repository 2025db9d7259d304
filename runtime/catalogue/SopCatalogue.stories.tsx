import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { translate } from '../../core/i18n';
import { loadSamples } from '../../samples/index';
import { catalogueItemOf, type CatalogueItem } from './runtimeCatalogue';
import { SopCatalogueView } from './SopCatalogue';

const sops = loadSamples()
  .filter((s) => s.revision.status === 'published')
  .map((s) => catalogueItemOf(s));

const meta = {
  title: 'Runtime/SopCatalogue',
  component: SopCatalogueView,
  args: { sops, onPrint: fn() },
} satisfies Meta<typeof SopCatalogueView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'SOP yang telah disahkan' })).toBeVisible();
    expect(canvas.getAllByRole('link', { name: /^Mulai kasus: / })).toHaveLength(sops.length);
    await userEvent.type(canvas.getByLabelText('Cari SOP'), 'Banyuwangi');
    expect(canvas.getAllByRole('link', { name: /^Mulai kasus: / })).toHaveLength(1);
    await expect(canvas.getByText(/^Revisi 1 · diterbitkan \d+ \S+ \d{4}$/)).toBeVisible();
    await expect(canvas.getByText('10 langkah · 5 pelaksana')).toBeVisible();
    await userEvent.clear(canvas.getByLabelText('Cari SOP'));
    await userEvent.type(canvas.getByLabelText('Cari SOP'), 'zzz');
    await expect(canvas.getByRole('status')).toHaveTextContent('Tidak ada SOP yang cocok dengan "zzz".');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Published SOPs' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Start a case: Penerbitan Surat Pernyataan Miskin (SPM) OnLine' })).toBeVisible();
  },
};

export const PrintPublishedRevision: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await userEvent.type(canvas.getByLabelText('Cari SOP'), 'Banyuwangi');
    await userEvent.click(canvas.getByRole('button', { name: 'Cetak SOP: Penerbitan Surat Pernyataan Miskin (SPM) OnLine (revisi 1)' }));
    await expect(args.onPrint).toHaveBeenCalledTimes(1);
    await expect((args.onPrint as unknown as { mock: { calls: [CatalogueItem][] } }).mock.calls[0]![0].doc.id).toBe('bwi-spm-online');
  },
};

export const Empty: Story = {
  args: { sops: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Belum ada SOP yang disahkan di perangkat ini.')).toBeVisible();
  },
};

export const NewerRevisionAndDate: Story = {
  globals: { locale: 'en' },
  args: { sops: [{ ...catalogueItemOf(loadSamples()[0]!), revision: 2, publishedAt: '2026-12-02' }] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Revision 2 · published 2 Dec 2026')).toBeVisible();
  },
};

/** The print tab could not be given the document (a full disk): the clerk is told, in their language. */
export const PrintHandOverFailed: Story = {
  globals: { locale: 'id' },
  args: {
    onPrint: fn(async () => ({ id: translate('id', 'durability.print.full'), en: translate('en', 'durability.print.full') })),
  },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByLabelText('Cari SOP'), 'Banyuwangi');
    await userEvent.click(canvas.getByRole('button', { name: /^Cetak SOP: Penerbitan Surat Pernyataan Miskin/ }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/tidak dapat dibuka di halaman cetak: penyimpanan browser penuh\. Kosongkan ruang/);
  },
};

export const PrintHandOverFailedEnglish: Story = {
  globals: { locale: 'en' },
  args: PrintHandOverFailed.args,
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByLabelText('Search SOPs'), 'Banyuwangi');
    await userEvent.click(canvas.getByRole('button', { name: /^Print SOP: Penerbitan Surat Pernyataan Miskin/ }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/could not be opened in the print page: browser storage is full\. Free some space/);
  },
};
