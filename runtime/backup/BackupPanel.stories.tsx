import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { seededDb, WithRuntime } from '../storyFixtures';
import { BackupPanel } from './BackupPanel';

const meta = {
  title: 'Runtime/BackupPanel',
  component: BackupPanel,
  loaders: [async () => ({ db: await seededDb(1) })],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <BackupPanel />
    </WithRuntime>
  ),
} satisfies Meta<typeof BackupPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByText('Serah terima dan cadangan'));
    await userEvent.upload(canvas.getByLabelText('Impor bundel kasus dari kantor lain'), new File(['{"format":"x"'], 'rusak.json', { type: 'application/json' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Bundel kasus ditolak: berkas bukan JSON yang utuh (terpotong atau rusak). Tidak ada yang disimpan.');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await userEvent.click(await canvas.findByText('Hand-off and backup'));
    await expect(canvas.getByRole('button', { name: 'Download a backup of all data' })).toBeVisible();
    await userEvent.upload(canvas.getByLabelText('Restore from a backup (replaces the data on this device)'), new File(['hello'], 'x.json', { type: 'application/json' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/The backup file cannot be read|not a Case Runner backup/);
  },
};
