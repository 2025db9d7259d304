import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { App } from './App';
import { scratchDb } from './storage/testing';

const meta = {
  title: 'Runtime/App',
  component: App,
  // A scratch database per story: browsing stories never touches a clerk's data.
  loaders: [async () => ({ db: scratchDb('story-app') })],
  render: (_args, { loaded }) => <App db={loaded['db']} />,
} satisfies Meta<typeof App>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Pelaksanaan Kasus' })).toBeVisible();
    await expect(await canvas.findByRole('heading', { name: 'SOP yang telah disahkan' })).toBeVisible();
    await expect(await canvas.findByRole('link', { name: 'Mulai kasus: Penerbitan Surat Pernyataan Miskin (SPM) OnLine' })).toBeVisible();
    await expect(canvas.getByRole('navigation', { name: 'Navigasi pelaksanaan kasus' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Kembali ke halaman awal' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Case Runner' })).toBeVisible();
    await expect(await canvas.findByRole('heading', { name: 'Published SOPs' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'My work' })).toBeVisible();
    // Nobody has said who they are on this fresh device yet.
    await expect(canvas.getByRole('link', { name: 'Who are you?' })).toHaveAttribute('href', '#/profil');
    await expect(canvas.getByRole('link', { name: 'Back to the start page' })).toBeVisible();
  },
};

export const TrialRun: Story = {
  globals: { locale: 'id' },
  render: (_args, { loaded }) => <App trial db={loaded['db']} />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^UJI COBA: SOP ini masih rancangan/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Hapus semua data uji coba' })).toBeVisible();
    // The sandbox holds no real catalogue: the bundled samples are there to try, each marked as an example.
    await expect(await canvas.findByRole('link', { name: 'Mulai kasus: Penerbitan Surat Pernyataan Miskin (SPM) OnLine' })).toBeVisible();
    const cards = within(canvas.getByRole('region', { name: 'SOP yang telah disahkan' })).getAllByRole('listitem');
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) await expect(card).toHaveTextContent(/^.+Contoh SOP contoh bawaan aplikasi untuk mencoba/);
  },
};
