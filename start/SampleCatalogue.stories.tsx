import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import minimal from '../core/validation/fixtures/minimal.sop.json';
import { SampleCatalogue, type SampleFile } from './SampleCatalogue';

function variant(id: string, patch: (doc: typeof minimal) => void): SampleFile {
  const doc = structuredClone(minimal);
  doc.id = id;
  patch(doc);
  return { fileName: `${id}.sop.json`, value: doc };
}

const valid = variant('contoh-sah', () => {});
const wrongTotal = variant('contoh-total-salah', (d) => {
  d.identity.title = 'SOP dengan jumlah waktu keliru';
  d.identity.number = '400/02/2024';
  d.flows[0]!.statedTotal = { raw: '35 menit' };
});
const brokenEdge = variant('contoh-panah-rusak', (d) => {
  d.identity.title = 'SOP dengan panah ke langkah yang tidak ada';
  d.identity.number = '400/03/2024';
  d.flows[0]!.edges[3]!.to = 's9';
});
const hostile = variant('contoh-teks-berbahaya', (d) => {
  d.identity.title = '<img src=x onerror="document.title=\'pwned\'"> Judul <b>tebal</b>';
});

const meta = {
  title: 'Start/SampleCatalogue',
  component: SampleCatalogue,
  args: { samples: [valid, wrongTotal, brokenEdge] },
} satisfies Meta<typeof SampleCatalogue>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Contoh SOP' })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('2 dari 3 contoh sah; 1 peringatan.');
    const row = canvas.getByRole('row', { name: /SOP dengan jumlah waktu keliru/ });
    await expect(row).toHaveTextContent('1 jam 30 menit');
    await expect(row).toHaveTextContent('tertulis: 35 menit');
    // Each sample opens in the designer.
    const link = canvas.getByRole('link', { name: 'Buka SOP dengan jumlah waktu keliru di Perancang SOP' });
    await expect(link).toHaveTextContent('Buka di Perancang');
    await expect(link).toHaveAttribute('href', './designer/?sop=contoh-total-salah');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Sample SOPs' })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('2 of 3 samples valid; 1 warnings.');
    await expect(canvas.getByRole('row', { name: /Penerbitan Surat Keterangan/ })).toHaveTextContent('1 hour 30 minutes');
    await expect(canvas.getByRole('link', { name: /^Open Penerbitan Surat Keterangan.* in the SOP designer$/ })).toHaveAttribute('href', './designer/?sop=contoh-sah');
  },
};

export const ProblemDetails: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    const row = canvas.getByRole('row', { name: /panah ke langkah yang tidak ada/ });
    await userEvent.click(within(row).getByText('1 errors'));
    await expect(within(row).getByText(/points to step "s9", which is not in this flow/)).toBeVisible();
    await expect(within(row).getByText('/flows/0/edges/3/to')).toBeVisible();
  },
};

export const Search: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    const search = canvas.getByLabelText('Cari judul atau Nomor SOP');
    await userEvent.type(search, '400/03');
    await expect(await canvas.findAllByRole('row')).toHaveLength(2);
    await expect(canvas.getByRole('row', { name: /panah ke langkah/ })).toBeVisible();
    await userEvent.clear(search);
    await userEvent.type(search, 'tidak ada sama sekali');
    await expect(await canvas.findByText('Tidak ada contoh yang cocok dengan "tidak ada sama sekali".')).toBeVisible();
  },
};

export const HostileTextStaysText: Story = {
  globals: { locale: 'id' },
  args: { samples: [hostile] },
  play: async ({ canvasElement, canvas }) => {
    await expect(canvas.getByText(/<img src=x onerror=/)).toBeVisible();
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.querySelector('b')).toBeNull();
  },
};

export const NotAnSop: Story = {
  globals: { locale: 'en' },
  args: { samples: [{ fileName: 'list.json', value: [1, 2, 3] }] },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('0 of 1 samples valid');
    await expect(canvas.getByRole('row', { name: /list\.json/ })).toHaveTextContent('1 errors');
    // Not an SOP: nothing the designer could open.
    await expect(canvas.queryByRole('link')).toBeNull();
  },
};
