import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { App } from './App';
import { sampleDoc, storyDbName } from './stories/storySupport';

const seed = () => [sampleDoc('oku-01-sktm'), sampleDoc('lmj-07-rekom-keringanan-biaya-rs')];

const meta = {
  title: 'Designer/App',
  component: App,
  args: { seed },
  // Each story run gets its own IndexedDB database.
  render: (args) => <App {...args} dbName={storyDbName('app')} />,
} satisfies Meta<typeof App>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'Perancang SOP' })).toBeVisible();
    await expect(await canvas.findByRole('heading', { name: 'Pustaka SOP' })).toBeVisible();
    await expect(await canvas.findByRole('button', { name: 'STANDAR PELAYANAN SURAT KETERANGAN TIDAK MAMPU (SKTM)' })).toBeVisible();
    await expect(canvas.getByLabelText('Bahasa')).toHaveValue('id');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: 'SOP Designer' })).toBeVisible();
    await expect(await canvas.findByRole('heading', { name: 'SOP library' })).toBeVisible();
    await expect(canvas.getByLabelText('Language')).toHaveValue('en');
  },
};

export const OpeningAnSop: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'STANDAR PELAYANAN SURAT KETERANGAN TIDAK MAMPU (SKTM)' }));
    await expect(await canvas.findByRole('region', { name: 'Kanvas diagram alir' })).toBeVisible();
    await expect(canvas.getByRole('tab', { name: 'Properti' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByTestId('save-status')).toHaveTextContent('Tersimpan');
  },
};

/** `?evaluasi=<id>` for an evaluation this device never received: said in the library, nothing created. */
export const EvaluationNotOnThisDevice: Story = {
  globals: { locale: 'en' },
  args: { evaluationRequest: 'eval-lost' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/Evaluation "eval-lost" is not on this device; no draft was created/)).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'SOP library' })).toBeVisible();
  },
};
