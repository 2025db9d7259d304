import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { WaktuPreview } from './WaktuPreview';

const meta = {
  title: 'Designer/Properties/WaktuPreview',
  component: WaktuPreview,
  parameters: { layout: 'centered' },
  args: { raw: '2-3 Jam' },
} satisfies Meta<typeof WaktuPreview>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('2–3 jam (rentang 120–180 menit)')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('2–3 hours (range 120–180 minutes)')).toBeVisible();
  },
};

export const Unreadable: Story = {
  globals: { locale: 'id' },
  args: { raw: 'secepatnya' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Tidak dapat dibaca')).toBeVisible();
  },
};

/** Reporting periods: a semester and a triwulan are exact months. */
export const SemesterAndTriwulan: Story = {
  globals: { locale: 'id' },
  args: { raw: '1 semester' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('1 semester (6 bulan)')).toBeVisible();
  },
};

export const TriwulanEnglish: Story = {
  globals: { locale: 'en' },
  args: { raw: '2 triwulan' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('2 quarters (6 months)')).toBeVisible();
  },
};
