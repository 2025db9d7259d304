import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { RestoreConfirm } from './RestoreConfirm';

const meta = {
  title: 'Runtime/RestoreConfirm',
  component: RestoreConfirm,
  args: {
    name: 'sop-studio-cadangan-skema2-2026-12-01-09-00-00.json',
    version: 2,
    before: { cases: 412, events: 3120, sops: 24, attachments: 861, drafts: 7 },
    after: { cases: 398, events: 3004, sops: 24, attachments: 840, drafts: 0 },
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
    await expect(canvas.getByText(/MENGGANTI semua data di perangkat ini/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Ganti data dengan cadangan ini' }));
    await expect(args.onConfirm).toHaveBeenCalledOnce();
    await expect(args.onCancel).not.toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('row', { name: 'Drafts 7 0' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Check before restoring' })).toHaveFocus();
    await userEvent.keyboard('{Tab}{Tab}{Enter}');
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};
