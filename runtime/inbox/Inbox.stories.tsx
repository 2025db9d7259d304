import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { seededDb, WithRuntime } from '../storyFixtures';
import { Inbox } from './Inbox';

const meta = {
  title: 'Runtime/Inbox',
  component: Inbox,
  args: { initialActor: 'masyarakat-pemohon' },
  loaders: [async () => ({ db: await seededDb(6) })],
  render: (args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <Inbox {...args} />
    </WithRuntime>
  ),
} satisfies Meta<typeof Inbox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('3 kasus menunggu MASYARAKAT/ PEMOHON.')).toBeVisible();
    await userEvent.selectOptions(canvas.getByLabelText('Saya bertindak sebagai'), 'kecamatan');
    await expect(await canvas.findByText('Tidak ada kasus yang menunggu KECAMATAN.')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { initialActor: 'desa-kelurahan' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('3 cases waiting for DESA/KELURAHAN.')).toBeVisible();
    await userEvent.selectOptions(canvas.getByLabelText('I act as'), '');
    await expect(canvas.getByText('Choose an actor to see the cases waiting for them.')).toBeVisible();
  },
};
