import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../runtime.css';
import { WithRuntime } from '../storyFixtures';
import { scratchDb } from '../storage/testing';
import { DemoBanner } from './DemoBanner';

const meta = {
  title: 'Runtime/Monev/DemoBanner',
  component: DemoBanner,
  loaders: [async () => ({ db: scratchDb('story-demo-banner') })],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']} demo>
      <DemoBanner />
    </WithRuntime>
  ),
} satisfies Meta<typeof DemoBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    const banner = await canvas.findByRole('region', { name: /^Data contoh monev/ });
    await expect(banner).toHaveTextContent('bukan kasus sungguhan');
    // Back to the real cases: the same page without ?contoh-monev.
    await expect(canvas.getByRole('link', { name: 'Kembali ke kasus sungguhan' }).getAttribute('href')).not.toContain('contoh-monev');
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus data contoh' }));
    await expect(await canvas.findByText('Data contoh sudah dihapus.')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('region', { name: /^Monitoring demo data/ })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Delete the demo data' })).toBeEnabled();
  },
};
