import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { sampleIds } from '../../samples';
import { PrintApp } from './PrintApp';

const meta = {
  title: 'Print/PrintApp',
  component: PrintApp,
} satisfies Meta<typeof PrintApp>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Opened without a document: the print page offers the samples. */
export const SamplePickerIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Pilih contoh SOP untuk dicetak' })).toBeVisible();
    const links = canvas.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('?sample='));
    await expect(links).toHaveLength(sampleIds.length);
    await expect(canvas.getByRole('link', { name: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine' })).toHaveAttribute('href', '?sample=bwi-spm-online');
  },
};

export const SamplePickerEnglish: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Choose a sample SOP to print' })).toBeVisible();
  },
};
