import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import '../runtime.css';
import { PageBoundary, RowBoundary } from './Boundary';

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
