import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../runtime.css';
import { DamagedCase } from './DamagedCase';

const meta = {
  title: 'Runtime/Guard/DamagedCase',
  component: DamagedCase,
  // A stored name that is not text (as a hostile bundle once left) must not break the heading.
  args: { caseId: 'kasus-rusak-7', applicantName: 42, heading: 'case' },
} satisfies Meta<typeof DamagedCase>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(canvas.getByText('Baris ini memuat data rusak dan tidak dapat ditampilkan (kasus-rusak-7).')).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Daftar kasus' })).toBeVisible();
  },
};

export const ReceiptEnglish: Story = {
  globals: { locale: 'en' },
  args: { heading: 'receipt', applicantName: 'Siti Aminah' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('This page cannot be shown because some data on this device is damaged. Other data is untouched.')).toBeVisible();
  },
};
