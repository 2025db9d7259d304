import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { RestoreConfirm } from './RestoreConfirm';

const meta = {
  title: 'Runtime/RestoreConfirm',
  component: RestoreConfirm,
  args: {
    name: 'sop-studio-cadangan-skema2-2026-12-01-09-00-00.json',
    version: 2,
    before: { cases: 412, events: 3120, sops: 24, attachments: 861, drafts: 7, outbox: 0, review: 0 },
    after: { cases: 398, events: 3004, sops: 24, attachments: 840, drafts: 0, outbox: 0, review: 0 },
    onConfirm: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof RestoreConfirm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('row', { name: 'Lampiran 861 840' })).toBeVisible();
    await expect(canvas.getByRole('row', { name: 'Perintah belum terkirim 0 0' })).toBeVisible();
    await expect(canvas.getByText(/MENGGANTI semua data di perangkat ini/)).toBeVisible();
    // Nothing waits for the server here: no warning.
    await expect(canvas.queryByText(/^Perhatian/)).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Ganti data dengan cadangan ini' }));
    await expect(args.onConfirm).toHaveBeenCalledOnce();
    await expect(args.onCancel).not.toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('row', { name: 'Drafts 7 0' })).toBeVisible();
    await expect(canvas.getByRole('row', { name: 'Needing review 0 0' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Check before restoring' })).toHaveFocus();
    await userEvent.keyboard('{Tab}{Tab}{Enter}');
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/**
 * An older backup over a linked device: its unsent commands and review items
 * are not in the file. Said plainly before the go-ahead, with the way back.
 */
export const UnsentWorkWouldGo: Story = {
  globals: { locale: 'id' },
  args: {
    name: 'sop-studio-cadangan-skema3-2026-11-20-16-00-00.json',
    version: 3,
    before: { cases: 40, events: 300, sops: 3, attachments: 51, drafts: 2, outbox: 5, review: 2 },
    after: { cases: 38, events: 281, sops: 3, attachments: 49, drafts: 1, outbox: 1, review: 0 },
    impact: { lostOutbox: 4, lostReview: 2, foreignOutbox: 0, linkNow: 'https://sop.banyuwangikab.go.id', linkAfter: 'https://sop.banyuwangikab.go.id' },
  },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('row', { name: 'Perintah belum terkirim 5 1' })).toBeVisible();
    await expect(canvas.getByRole('row', { name: 'Perlu tinjauan 2 0' })).toBeVisible();
    const warning = canvas.getByText(/^Perhatian:/);
    await expect(warning).toHaveTextContent(
      'Perhatian: pemulihan ini menghilangkan dari perangkat ini 4 perintah yang belum terkirim ke server dan 2 perintah yang perlu tinjauan, karena semuanya tidak ada di cadangan ini. Perintah itu tidak akan dikirim. Semuanya tetap ada dalam salinan data sebelum pemulihan dan kembali dengan "Kembalikan data sebelum pemulihan".',
    );
    // Same server before and after: nothing said about the link; nothing to acknowledge.
    await expect(canvas.queryByText(/tertaut ke/)).toBeNull();
    const replace = canvas.getByRole('button', { name: 'Ganti data dengan cadangan ini' });
    await expect(replace).toHaveAccessibleDescription(warning.textContent!);
    await userEvent.click(replace);
    await expect(args.onConfirm).toHaveBeenCalledOnce();
  },
};

/**
 * Another device's backup, with commands it never sent, restored on a device
 * linked to another server: the clerk is told where they would go and under
 * whose account, and must say so before the restore can go ahead.
 */
export const AnotherDevicesUnsentWork: Story = {
  globals: { locale: 'en' },
  args: {
    name: 'sop-studio-cadangan-skema3-2026-11-20-16-00-00.json',
    version: 3,
    before: { cases: 3, events: 12, sops: 1, attachments: 0, drafts: 0, outbox: 0, review: 0 },
    after: { cases: 9, events: 60, sops: 2, attachments: 4, drafts: 1, outbox: 3, review: 1 },
    impact: { lostOutbox: 0, lostReview: 0, foreignOutbox: 3, linkNow: 'https://sop.jemberkab.go.id', linkAfter: 'https://sop.banyuwangikab.go.id' },
  },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('row', { name: 'Unsent commands 0 3' })).toBeVisible();
    await expect(canvas.queryByText(/^Warning:/)).toBeNull();
    await expect(canvas.getByText(/^After the restore, this device is linked/)).toHaveTextContent(
      'After the restore, this device is linked to the server https://sop.banyuwangikab.go.id (now: the server https://sop.jemberkab.go.id). Sign in to that server so the waiting work is sent.',
    );
    await expect(canvas.getByText(/^This backup was made on another device/)).toHaveTextContent(
      'This backup was made on another device and holds 3 commands not yet sent. After the restore, this device sends them to the server https://sop.banyuwangikab.go.id with the account signed in here, and the server records that account as the one who did them.',
    );
    const replace = canvas.getByRole('button', { name: 'Replace the data with this backup' });
    await expect(replace).toBeDisabled();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'I understand: those commands from another device are sent in the name of the account on this device.' }));
    await expect(replace).toBeEnabled();
    await userEvent.click(replace);
    await expect(args.onConfirm).toHaveBeenCalledOnce();
  },
};
