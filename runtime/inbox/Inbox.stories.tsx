import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { seededDb, WithRuntime } from '../storyFixtures';
import { Inbox } from './Inbox';

const BWI = 'bwi-spm-online';

const meta = {
  title: 'Runtime/Inbox',
  component: Inbox,
  loaders: [async () => ({ db: await seededDb(6) })],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']} lanes={[{ sopId: BWI, actorId: 'masyarakat-pemohon' }, { sopId: BWI, actorId: 'desa-kelurahan' }]}>
      <Inbox />
    </WithRuntime>
  ),
} satisfies Meta<typeof Inbox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Pekerjaan saya' })).toBeVisible();
    // Three cases wait on the applicant (step 1) and three on the village (step 2): all six are mine.
    await expect(await canvas.findByText('6 kasus menunggu Anda.')).toBeVisible();
    await userEvent.selectOptions(canvas.getByLabelText('Lajur'), `${BWI}|desa-kelurahan`);
    await expect(await canvas.findByText('3 kasus menunggu Anda.')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('6 cases are waiting for you.')).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Lane' })).toHaveDisplayValue('All my lanes (2)');
  },
};

export const NoLanesYet: Story = {
  globals: { locale: 'id' },
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <Inbox />
    </WithRuntime>
  ),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/Profil Anda belum memilih lajur/)).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Ubah profil' })).toHaveAttribute('href', '#/profil');
  },
};

export const NobodyYet: Story = {
  globals: { locale: 'en' },
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']} person={null}>
      <Inbox />
    </WithRuntime>
  ),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Fill in your profile first');
    await expect(canvas.getByRole('link', { name: 'Fill in profile' })).toBeVisible();
  },
};
