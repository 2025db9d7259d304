import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StorageStatusBar } from './StorageStatusBar';

const meta = {
  title: 'Runtime/StorageStatusBar',
  component: StorageStatusBar,
  args: { status: { persisted: true, usage: 12_500_000, quota: 2_000_000_000 } },
} satisfies Meta<typeof StorageStatusBar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Penyimpanan perangkat: 12,5 MB dari 2 GB terpakai.')).toBeVisible();
    await expect(canvas.getByText('Data dilindungi dari pembersihan otomatis oleh browser.')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { status: { persisted: false, usage: 1_000, quota: 1_000_000 } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Device storage: 1 kB of 1 MB used.')).toBeVisible();
    await expect(canvas.getByText(/The browser may clear data/)).toBeVisible();
  },
};

/** Nearly full: the clerk is told before saves start to fail, and what to do. */
export const NearlyFullIndonesian: Story = {
  globals: { locale: 'id' },
  args: { status: { persisted: false, usage: 950_000_000, quota: 1_000_000_000 } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Penyimpanan perangkat hampir penuh (95% terpakai): penyimpanan berikutnya bisa gagal. Cadangkan data, lalu hapus kasus lama atau berkas yang tidak diperlukan.');
  },
};

export const NearlyFullEnglish: Story = {
  globals: { locale: 'en' },
  args: { status: { persisted: true, usage: 990_000, quota: 1_000_000 } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Device storage is nearly full (99% used): the next saves may fail.');
  },
};

export const RoomToSpare: Story = {
  globals: { locale: 'id' },
  args: { status: { persisted: true, usage: 500_000_000, quota: 1_000_000_000 } },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};
