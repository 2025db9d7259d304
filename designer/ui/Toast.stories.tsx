import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import '../designer.css';
import { Toast } from './Toast';

/** A short notice at the bottom, announced politely, with one optional action; info hides itself, errors stay. */
const meta = {
  title: 'Designer/Shared/Toast',
  component: Toast,
  args: { onDismiss: fn(), dismissLabel: 'Tutup pemberitahuan', toast: null },
} satisfies Meta<typeof Toast>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  args: {
    toast: { id: 1, text: 'SOP "Surat Keterangan Domisili" dihapus.', action: { label: 'Urungkan', run: fn() } },
    timeoutMs: 300,
  },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('SOP "Surat Keterangan Domisili" dihapus.');
    await userEvent.click(canvas.getByRole('button', { name: 'Urungkan' }));
    await expect(args.toast!.action!.run).toHaveBeenCalled();
    await expect(args.onDismiss).toHaveBeenCalled();
  },
};

/** An information notice goes away by itself after its time. */
export const English: Story = {
  globals: { locale: 'en' },
  args: { toast: { id: 2, text: 'Lane "Kasir" added for the pasted steps.' }, dismissLabel: 'Dismiss', timeoutMs: 200 },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Lane "Kasir" added for the pasted steps.');
    await expect(canvas.getByRole('button', { name: 'Dismiss' })).toBeVisible();
    await waitFor(() => expect(args.onDismiss).toHaveBeenCalled());
  },
};

/** An error stays until the drafter dismisses it. */
export const ErrorStays: Story = {
  globals: { locale: 'id' },
  args: { toast: { id: 3, tone: 'error', text: 'Langkah tidak bisa dipindah: tidak ada lajur di kiri.' }, timeoutMs: 50 },
  play: async ({ canvas, args, userEvent }) => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(args.onDismiss).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Tutup pemberitahuan' }));
    await expect(args.onDismiss).toHaveBeenCalled();
  },
};
