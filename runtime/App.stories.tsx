import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { App } from './App';

const meta = {
  title: 'Runtime/App',
  component: App,
} satisfies Meta<typeof App>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Pelaksanaan Kasus' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Meja layanan petugas' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Kembali ke halaman awal' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Case Runner' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: "The clerk's service desk" })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Back to the start page' })).toBeVisible();
  },
};
