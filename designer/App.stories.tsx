import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { App } from './App';

const meta = {
  title: 'Designer/App',
  component: App,
} satisfies Meta<typeof App>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Perancang SOP' })).toBeVisible();
    await expect(canvas.getByText('SOP Studio')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Ruang kerja penyusun SOP' })).toBeVisible();
    await expect(canvas.getByLabelText('Bahasa')).toHaveValue('id');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'SOP Designer' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: "The drafter's workspace" })).toBeVisible();
    await expect(canvas.getByLabelText('Language')).toHaveValue('en');
  },
};
