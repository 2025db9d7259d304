import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import '../runtime.css';
import { AppBoundary, PageBoundary, RowBoundary } from './Boundary';

/** Stands in for a screen reading a damaged stored value: it throws while rendering. */
function Damaged(): never {
  throw new TypeError('a.localeCompare is not a function');
}

const meta = {
  title: 'Runtime/Guard/Boundary',
  component: PageBoundary,
  args: { children: null },
} satisfies Meta<typeof PageBoundary>;

export default meta;
type Story = StoryObj<typeof meta>;

export const PageFailsIndonesian: Story = {
  globals: { locale: 'id' },
  render: () => (
    <PageBoundary>
      <Damaged />
    </PageBoundary>
  ),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Halaman ini tidak dapat ditampilkan karena ada data yang rusak di perangkat ini.');
    await expect(alert).toHaveTextContent('a.localeCompare is not a function');
    await expect(within(alert).getByRole('link', { name: 'Kembali ke katalog SOP' })).toBeVisible();
    await expect(within(alert).getByRole('button', { name: 'Coba lagi' })).toBeVisible();
  },
};

export const OneRowDamagedEnglish: Story = {
  globals: { locale: 'en' },
  render: () => (
    <ul>
      <RowBoundary id="kasus-1">
        <li>Siti Aminah</li>
      </RowBoundary>
      <RowBoundary id="kasus-2">
        <Damaged />
      </RowBoundary>
      <RowBoundary id="kasus-3">
        <li>Budi Santoso</li>
      </RowBoundary>
    </ul>
  ),
  play: async ({ canvas }) => {
    const items = canvas.getAllByRole('listitem').map((li) => li.textContent);
    await expect(items).toEqual(['Siti Aminah', 'This row holds damaged data and cannot be shown (kasus-2).', 'Budi Santoso']);
  },
};

/** Stands in for the app's opening reads (profile, server link) failing: the live query throws while rendering. */
function ProfileUnreadable(): never {
  throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
}

export const AppFailsIndonesian: Story = {
  globals: { locale: 'id' },
  render: () => (
    <AppBoundary>
      <ProfileUnreadable />
    </AppBoundary>
  ),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Aplikasi tidak dapat membaca data di perangkat ini saat dibuka.');
    await expect(alert).toHaveTextContent('UnknownError: Internal error opening backing store');
    await expect(within(alert).getByRole('button', { name: 'Muat ulang halaman' })).toBeVisible();
    await expect(within(alert).getByRole('button', { name: 'Coba lagi' })).toBeVisible();
  },
};

export const AppFailsEnglish: Story = {
  globals: { locale: 'en' },
  render: () => (
    <AppBoundary>
      <ProfileUnreadable />
    </AppBoundary>
  ),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('The app could not read the data on this device while opening.');
    await expect(within(alert).getByRole('button', { name: 'Reload the page' })).toBeVisible();
  },
};
