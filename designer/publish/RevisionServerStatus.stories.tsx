import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import '../designer.css';
import { conflictStatus, drafterSession, offlineStatus, publisherSession, sentStatus } from '../server/storyServer';
import { RevisionServerStatus } from './RevisionServerStatus';

const meta = {
  title: 'Designer/Publish/RevisionServerStatus',
  component: RevisionServerStatus,
  args: { number: 2, status: undefined, session: publisherSession, onSend: fn(async () => {}) },
} satisfies Meta<typeof RevisionServerStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Sent: Story = {
  globals: { locale: 'id' },
  args: { status: sentStatus },
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('server-status-2')).toHaveTextContent(/^terkirim \(/);
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const WaitingOffline: Story = {
  globals: { locale: 'id' },
  args: { status: offlineStatus },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByTestId('server-status-2')).toHaveTextContent('menunggu dikirim ke server (Server tidak dapat dihubungi.');
    await userEvent.click(canvas.getByRole('button', { name: 'Coba kirim revisi 2 sekarang' }));
    await expect(args.onSend).toHaveBeenCalled();
  },
};

/** Queued by a publisher, but the account signed in now may not publish: it says what would send it. */
export const WaitingForAPublisherEnglish: Story = {
  globals: { locale: 'en' },
  args: { status: { ...offlineStatus, lastProblem: { id: 'Tindakan ini memerlukan peran publisher.', en: 'This action requires the publisher role.' } }, session: drafterSession },
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('server-status-2')).toHaveTextContent('waiting to be sent to the server (This action requires the publisher role.)');
    await expect(canvas.getByText('Sign in as a publisher to send this revision.')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** 409: the number is taken on the server by other content; the line says so in the interface language, and what to do. */
export const RefusedConflictEnglish: Story = {
  globals: { locale: 'en' },
  args: { status: conflictStatus },
  play: async ({ canvas }) => {
    const line = canvas.getByTestId('server-status-2');
    await expect(line).toHaveTextContent('refused: Revision 2 of bwi-spm-online was already published with other content.');
    await expect(line).toHaveTextContent('publish the draft as a new revision (the next number)');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const RefusedConflictIndonesian: Story = {
  globals: { locale: 'id' },
  args: { status: conflictStatus },
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('server-status-2')).toHaveTextContent('ditolak: Revisi 2 dari bwi-spm-online sudah diterbitkan dengan isi lain.');
    await expect(canvas.getByTestId('server-status-2')).toHaveTextContent('terbitkan draf sebagai revisi baru');
  },
};

/** Published before signing in: a publisher may send it now. */
export const NotSentYet: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByTestId('server-status-2')).toHaveTextContent('belum dikirim');
    await userEvent.click(canvas.getByRole('button', { name: 'Kirim revisi 2 ke server' }));
    await expect(args.onSend).toHaveBeenCalled();
  },
};
