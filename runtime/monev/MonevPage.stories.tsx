import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../runtime.css';
import { WithRuntime } from '../storyFixtures';
import { MonevPage } from './MonevPage';
import { MONEV_SOP_ID } from './monevFormFixtures';
import { monevFormsDb } from './monevFormsDb';

/** The dashboard, on the hand-timed cases, with what the forms add: "Isi formulir monitoring" and the saved forms. */
const meta = {
  title: 'Runtime/Monev/MonevPage',
  component: MonevPage,
  args: { sopId: MONEV_SOP_ID, query: '?dari=2026-03-16&sampai=2026-03-31' },
  loaders: [async () => ({ db: await monevFormsDb({ forms: true }) })],
  render: (args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <MonevPage {...args} />
    </WithRuntime>
  ),
} satisfies Meta<typeof MonevPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Monev: SOP Uji Monev' }, { timeout: 5000 })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Isi formulir monitoring' })).toBeEnabled();
    await expect(await canvas.findByRole('heading', { name: 'Formulir monitoring dan evaluasi tersimpan' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Formulir evaluasi' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Fill in the monitoring form' }, { timeout: 5000 })).toBeEnabled();
    await expect(await canvas.findByRole('heading', { name: 'Saved monitoring and evaluation forms' })).toBeVisible();
  },
};
