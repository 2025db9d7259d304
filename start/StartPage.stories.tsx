import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StartPage } from './StartPage';

const meta = {
  title: 'Start/StartPage',
  component: StartPage,
} satisfies Meta<typeof StartPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Selamat datang di SOP Studio' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Buka Perancang SOP' })).toHaveAttribute('href', './designer/');
    await expect(canvas.getByRole('link', { name: 'Buka Pelaksanaan Kasus' })).toHaveAttribute('href', './runtime/');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Welcome to SOP Studio' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Open SOP Designer' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Open Case Runner' })).toBeVisible();
  },
};
