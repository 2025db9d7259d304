import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { PropertiesPanel } from './PropertiesPanel';
import { withEditor } from '../stories/storySupport';

const meta = {
  title: 'Designer/Properties/StepProperties',
  component: PropertiesPanel,
  decorators: [withEditor('lmj-07-rekom-keringanan-biaya-rs', { selection: { kind: 'steps', flowId: 'main', ids: ['s2'] } })],
} satisfies Meta<typeof PropertiesPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: 'Langkah 2 · Keputusan' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Peran pelaksana 1' })).toHaveValue('performs');
    const waktu = canvas.getByRole('textbox', { name: 'Waktu' });
    await userEvent.clear(waktu);
    await userEvent.type(waktu, '2-3 Jam');
    await expect(canvas.getByText('2–3 jam (rentang 120–180 menit)')).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Label panah 1' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Step 2 · Decision' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: '+ Requirement' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Connect to step' })).toBeVisible();
  },
};

export const NothingSelected: Story = {
  globals: { locale: 'id' },
  decorators: [withEditor('oku-01-sktm')],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Belum ada yang dipilih' })).toBeVisible();
    await expect(canvas.getByText(/tambah langkah sesudah yang dipilih/)).toBeVisible();
  },
};
