import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { addRevision, DeviceDb, saveProfile } from '../../device';
import { RuntimeProvider } from '../context';
import { STORY_NOW } from '../storyFixtures';
import { sampleDoc, scratchDb } from '../storage/testing';
import { ProfilePage } from './ProfilePage';

async function freshDevice(withProfile: boolean) {
  const db = scratchDb('story-profile');
  const device = new DeviceDb(`${db.name}.device`);
  await addRevision(device, sampleDoc('bwi-spm-online'), { source: 'sample' });
  if (withProfile) await saveProfile(device, { name: 'Budi Santoso', office: 'Kecamatan Glagah', lanes: [{ sopId: 'bwi-spm-online', actorId: 'kecamatan' }] });
  return { db, device };
}

const meta = {
  title: 'Runtime/Profile/ProfilePage',
  component: ProfilePage,
  loaders: [async () => freshDevice(false)],
  render: (_args, { loaded }) => (
    <RuntimeProvider db={loaded['db']} device={loaded['device']} seed={false} now={STORY_NOW}>
      <ProfilePage />
    </RuntimeProvider>
  ),
} satisfies Meta<typeof ProfilePage>;
export default meta;
type Story = StoryObj<typeof meta>;

export const FirstTimeIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Profil petugas' })).toBeVisible();
    await userEvent.type(canvas.getByLabelText('Nama lengkap'), 'Siti Rahma');
    await userEvent.click(canvas.getByRole('checkbox', { name: /^DESA\/KELURAHAN — / }));
    await userEvent.click(canvas.getByRole('button', { name: 'Simpan profil' }));
    await expect(await canvas.findByText('Sedang bertindak di perangkat ini')).toBeVisible();
    await expect(canvas.getByText('Siti Rahma')).toBeVisible();
    await expect(canvas.getByText('1 lajur')).toBeVisible();
  },
};

export const SwitchPersonEnglish: Story = {
  globals: { locale: 'en' },
  loaders: [async () => freshDevice(true)],
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Budi Santoso')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Add another person' }));
    await userEvent.type(canvas.getByLabelText('Full name'), 'Ani Rahayu');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByText('Ani Rahayu', {}, { timeout: 10_000 })).toBeVisible();
    // The acting person and the list are two live queries; wait until both have caught up.
    await userEvent.click(await canvas.findByRole('button', { name: 'Switch to Budi Santoso' }, { timeout: 10_000 }));
    await expect(await canvas.findByRole('button', { name: 'Switch to Ani Rahayu' }, { timeout: 10_000 })).toBeVisible();
  },
};
