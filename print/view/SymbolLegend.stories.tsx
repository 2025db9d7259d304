import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SymbolLegend } from './SymbolLegend';
import './print.css';

/** The Permenpan symbols with their names, as printed for trainers. */
const meta = {
  title: 'Print/SymbolLegend',
  component: SymbolLegend,
  parameters: { layout: 'centered' },
} satisfies Meta<typeof SymbolLegend>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Simbol diagram alir')).toBeVisible();
    for (const name of ['Terminator (kapsul): mulai atau selesai', 'Proses (kotak): kegiatan', 'Keputusan (belah ketupat): pilihan Ya/Tidak', 'Penghubung antarhalaman (segi lima)', 'Keluar ke pihak lain']) {
      await expect(canvas.getByRole('img', { name })).toBeVisible();
      await expect(canvas.getByText(name)).toBeVisible();
    }
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Flowchart symbols')).toBeVisible();
    await expect(canvas.getAllByRole('img')).toHaveLength(5);
    await expect(canvas.getByRole('img', { name: 'Process (box): an activity' })).toBeVisible();
  },
};
