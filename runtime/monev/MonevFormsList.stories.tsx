import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { WithRuntime } from '../storyFixtures';
import { MonevFormsList } from './MonevFormsList';
import { MONEV_SOP_ID } from './monevFormFixtures';
import { monevFormsDb } from './monevFormsDb';

const meta = {
  title: 'Runtime/Monev/MonevFormsList',
  component: MonevFormsList,
  args: { sopId: MONEV_SOP_ID },
  loaders: [async () => ({ db: await monevFormsDb({ forms: true }) })],
  render: (args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <MonevFormsList {...args} />
    </WithRuntime>
  ),
} satisfies Meta<typeof MonevFormsList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Formulir monitoring dan evaluasi tersimpan' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Formulir monitoring' })).toHaveAttribute('href', expect.stringMatching(/^#\/monev\/monev-uji\/formulir\//));
    await expect(canvas.getByRole('link', { name: 'Formulir evaluasi' })).toBeVisible();
    await expect(canvas.getAllByRole('cell', { name: '16 Mar 2026 s.d. 23 Mar 2026' })).toHaveLength(2);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Evaluation form' })).toBeVisible();
    await expect(canvas.getAllByRole('cell', { name: 'Draft' })).toHaveLength(2);
  },
};

export const None: Story = {
  globals: { locale: 'id' },
  args: { sopId: 'sop-lain' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Belum ada formulir untuk SOP ini.')).toBeVisible();
  },
};

export const DeleteADraft: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await canvas.findByRole('link', { name: 'Formulir evaluasi' });
    // The first click only asks, saying what would go; "Batal" keeps the form.
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus draf formulir evaluasi' }));
    await expect(canvas.getByRole('group', { name: /Hapus draf formulir evaluasi ini\? Isinya tidak dapat dikembalikan\./ })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Batal' }));
    await expect(canvas.getByRole('link', { name: 'Formulir evaluasi' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus draf formulir evaluasi' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Ya, hapus' }));
    await waitFor(() => expect(canvas.queryByRole('link', { name: 'Formulir evaluasi' })).toBeNull());
    await expect(canvas.getByRole('link', { name: 'Formulir monitoring' })).toBeVisible();
  },
};
