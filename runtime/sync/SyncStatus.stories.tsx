import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { STORY_NOW } from '../storyFixtures';
import { SyncStatusView } from './SyncStatus';

const meta = {
  title: 'Runtime/SyncStatus',
  component: SyncStatusView,
  args: {
    online: true,
    signedIn: true,
    activity: 'idle',
    pending: 0,
    review: 0,
    lastSyncAt: STORY_NOW - 5 * 60_000,
    error: undefined,
    timeZone: 'Asia/Jakarta',
    onSyncNow: fn(),
  },
} satisfies Meta<typeof SyncStatusView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AllSentIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Tersambung');
    await expect(canvas.getByText('Semua pekerjaan sudah terkirim')).toBeVisible();
    await expect(canvas.getByText('Sinkron terakhir: 3 Jun 2025, 08.55 WIB')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Sinkronkan sekarang' }));
    await expect(args.onSyncNow).toHaveBeenCalled();
  },
};

/** Offline with work waiting: the clerk sees it is kept and counted. */
export const OfflineWithPendingEnglish: Story = {
  globals: { locale: 'en' },
  args: { online: false, activity: 'offline', pending: 3, review: 1 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Offline');
    await expect(canvas.getByText('3 commands waiting to be sent')).toBeVisible();
    await expect(canvas.getByRole('link', { name: '1 commands need review' })).toHaveAttribute('href', '#/kasus');
    await expect(canvas.queryByRole('button', { name: 'Sync now' })).toBeNull();
  },
};

export const FailingIndonesian: Story = {
  globals: { locale: 'id' },
  args: { pending: 2, error: { message: { id: 'Kesalahan server.', en: 'Server error.' }, at: STORY_NOW } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Sinkronisasi gagal: Kesalahan server. Dicoba lagi otomatis.');
    await expect(canvas.getByText('2 perintah menunggu dikirim')).toBeVisible();
  },
};

/** The server holds revision 2 with other content than this device's revision 2: said, without failing the sync. */
export const CatalogueConflictIndonesian: Story = {
  globals: { locale: 'id' },
  args: { catalogueConflicts: [{ sopId: 'bwi-spm-online', revision: 2, title: 'Penerbitan SPM OnLine' }] },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByText(
        'SOP "Penerbitan SPM OnLine" revisi 2 di perangkat ini berbeda isinya dengan revisi 2 di server, jadi revisi dari server tidak disimpan di sini. Minta penerbit menerbitkan perubahannya sebagai revisi baru.',
      ),
    ).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByText('Sinkron terakhir: 3 Jun 2025, 08.55 WIB')).toBeVisible();
  },
};

export const CatalogueConflictEnglish: Story = {
  globals: { locale: 'en' },
  args: { catalogueConflicts: [{ sopId: 'bwi-spm-online', revision: 2, title: 'Penerbitan SPM OnLine' }] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^SOP "Penerbitan SPM OnLine" revision 2 on this device has other content than revision 2 on the server/)).toBeVisible();
  },
};

export const SignedOutIndonesian: Story = {
  globals: { locale: 'id' },
  args: { signedIn: false, lastSyncAt: undefined, pending: 1 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(/Belum masuk ke server/);
    await expect(canvas.getByRole('link', { name: 'Masuk' })).toHaveAttribute('href', '#/pengaturan');
    await expect(canvas.getByText('Belum pernah sinkron')).toBeVisible();
  },
};

/** The server ended the session (signed out elsewhere, expired, account disabled): the clerk is asked to sign in, nothing spins. */
export const SessionEndedIndonesian: Story = {
  globals: { locale: 'id' },
  args: {
    activity: 'signedOut',
    pending: 1,
    error: { message: { id: 'Sesi tidak berlaku atau sudah berakhir. Silakan masuk lagi.', en: 'The session is invalid or has expired. Please sign in again.' }, at: STORY_NOW, signedOut: true },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(/^Sesi Anda di server sudah berakhir/);
    await expect(canvas.getByRole('link', { name: 'Masuk' })).toHaveAttribute('href', '#/pengaturan');
    await expect(canvas.getByRole('status')).toHaveTextContent('Tersambung');
    await expect(canvas.queryByRole('button', { name: 'Sinkronkan sekarang' })).toBeNull();
  },
};
