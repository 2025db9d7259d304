import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { RuntimeProvider } from '../context';
import '../runtime.css';
import { scratchDb } from '../storage/testing';
import { SettingsPage } from './SettingsPage';

const meta = {
  title: 'Runtime/SettingsPage',
  component: SettingsPage,
  // A scratch database per story: browsing stories never touches a clerk's data.
  loaders: [async () => ({ db: scratchDb('story-settings') })],
} satisfies Meta<typeof SettingsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** On a device: the server, the working calendar, trusted keys and bundle revisions, in that order. */
export const DeviceIndonesian: Story = {
  globals: { locale: 'id' },
  render: (_args, { loaded }) => (
    <RuntimeProvider db={loaded['db']} seed={false}>
      <SettingsPage />
    </RuntimeProvider>
  ),
  play: async ({ canvas }) => {
    await canvas.findByLabelText('Nama pengguna');
    const headings = canvas.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    await expect(headings).toEqual(['Server', 'Kalender kerja (untuk batas waktu)', 'Kunci tanda tangan', 'Revisi SOP dari bundel kasus']);
  },
};

/** A trial run has no server and no bundle revisions: only the calendar and the keys. */
export const TrialEnglish: Story = {
  globals: { locale: 'en' },
  render: (_args, { loaded }) => (
    <RuntimeProvider db={loaded['db']} seed={false} trial>
      <SettingsPage />
    </RuntimeProvider>
  ),
  play: async ({ canvas }) => {
    const headings = (await canvas.findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    await expect(headings).toEqual(['Working calendar (for due times)', 'Signing keys']);
  },
};
