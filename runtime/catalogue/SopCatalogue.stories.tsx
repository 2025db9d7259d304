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

const spm = catalogueItemOf(loadSamples().find((s) => s.id === 'bwi-spm-online')!);

/** A device linked to a server: only the server's revisions start cases, and the examples are in the sandbox. */
export const LinkedToServer: Story = {
  globals: { locale: 'id' },
  args: { sops: [{ ...spm, revision: 2, publishedAt: '2026-12-02' }], offering: { from: 'server', read: true } },
  play: async ({ canvas }) => {
    const note = canvas.getByRole('note');
    await expect(note).toHaveTextContent('Perangkat ini tertaut ke server. Kasus baru hanya dapat dimulai pada SOP yang diterbitkan server untuk kantor Anda.');
    await expect(canvas.getByRole('link', { name: 'Coba contoh SOP bawaan di ruang uji coba' })).toHaveAttribute('href', '?uji-coba=1#/');
    expect(canvas.getAllByRole('link', { name: /^Mulai kasus: / })).toHaveLength(1);
    await expect(canvas.getByText(/^Revisi 2 · diterbitkan 2 Des/)).toBeVisible();
    // The server's SOP is no example, and a file import would start no case here: none is offered.
    expect(canvas.queryByText('Contoh')).toBeNull();
    expect(canvas.queryByRole('heading', { name: 'Impor revisi SOP dari berkas' })).toBeNull();
  },
};

export const LinkedToServerEnglish: Story = {
  globals: { locale: 'en' },
  args: LinkedToServer.args,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('note')).toHaveTextContent('This device is linked to a server. New cases start only on SOPs the server publishes for your office.');
    await expect(canvas.getByRole('link', { name: 'Try the bundled example SOPs in the trial sandbox' })).toBeVisible();
  },
};

/** Linked, but the server's catalogue has not been read yet (offline since signing in): nothing to start on, and why. */
export const LinkedNotReadYet: Story = {
  globals: { locale: 'id' },
  args: { sops: [], offering: { from: 'server', read: false } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Daftar SOP dari server belum diambil. Daftar ini muncul setelah perangkat tersambung dan tersinkron dengan server.')).toBeVisible();
    expect(canvas.queryByRole('link', { name: /^Mulai kasus: / })).toBeNull();
  },
};

/** Linked for an office that plays no lane in any published SOP. */
export const LinkedNothingForThisOffice: Story = {
  globals: { locale: 'en' },
  args: { sops: [], offering: { from: 'server', read: true } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('The server has not published any SOP your office takes part in yet.')).toBeVisible();
    expect(canvas.queryByRole('link', { name: /^Start a case: / })).toBeNull();
  },
};

/** The bundled samples (a device without a server, or the sandbox) say plainly that they are examples. */
export const ExamplesLabelled: Story = {
  globals: { locale: 'id' },
  args: { sops: [{ ...spm, example: true }] },
  play: async ({ canvas }) => {
    const card = canvas.getByRole('listitem');
    await expect(card).toHaveTextContent('Contoh SOP contoh bawaan aplikasi untuk mencoba, bukan SOP resmi kantor Anda.');
    await expect(canvas.getByRole('link', { name: 'Mulai kasus: Penerbitan Surat Pernyataan Miskin (SPM) OnLine' })).toBeVisible();
    expect(canvas.queryByRole('note')).toBeNull();
  },
};

export const ExamplesLabelledEnglish: Story = {
  globals: { locale: 'en' },
  args: ExamplesLabelled.args,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('listitem')).toHaveTextContent('Example An example SOP bundled with the app for trying it out, not an official SOP of your office.');
  },
};
