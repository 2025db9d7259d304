import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { PropertiesPanel } from './PropertiesPanel';
import { sampleDoc, withEditor, withEvaluationNotes } from '../stories/storySupport';

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

/** A step with an evaluation's notes: they come first, above the fields, with their own actions. */
export const WithReviewNotes: Story = {
  globals: { locale: 'id' },
  decorators: [
    withEditor(() => withEvaluationNotes(sampleDoc('lmj-07-rekom-keringanan-biaya-rs'), [{ stepId: 's2', text: 'Langkah 2 melebihi Waktu pada 40% kasus' }]), {
      selection: { kind: 'steps', flowId: 'main', ids: ['s2'] },
    }),
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Langkah 2 · Keputusan' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: /Catatan tinjauan \(1 terbuka dari 1\)/ })).toBeVisible();
    await expect(canvas.getByText('Langkah 2 melebihi Waktu pada 40% kasus')).toBeVisible();
    await expect(canvas.getByRole('button', { name: /^Tandai selesai catatan 1:/ })).toBeVisible();
  },
};
