import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { reportFormInProgress } from './formsInProgress';
import { createOfflineUpdates } from './offlineUpdates';
import { UpdateNotice } from './UpdateNotice';
import { UpdatePrompt } from './UpdatePrompt';

const meta = {
  title: 'UI/UpdatePrompt',
  component: UpdatePrompt,
  args: { phase: 'waiting', formInProgress: 'none', reloading: false, onReload: fn(), onLater: fn() },
} satisfies Meta<typeof UpdatePrompt>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('region', { name: 'Pembaruan aplikasi' })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('Versi baru tersedia');
    await expect(canvas.getByText('Muat ulang kapan saja Anda siap; halaman ini tidak akan dimuat ulang dengan sendirinya.')).toBeVisible();
    // The prompt never takes the focus from what the user is typing.
    await expect(canvas.getByRole('button', { name: 'Muat ulang' })).not.toHaveFocus();
    await userEvent.click(canvas.getByRole('button', { name: 'Muat ulang' }));
    await expect(args.onReload).toHaveBeenCalledOnce();
    await expect(args.onLater).not.toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('A new version is available');
    await userEvent.click(canvas.getByRole('button', { name: 'Later' }));
    await expect(args.onLater).toHaveBeenCalledOnce();
    await expect(args.onReload).not.toHaveBeenCalled();
  },
};

/** A runtime step with the clerk's input on screen: the input is kept as a draft, and finishing first is fine. */
export const StepInProgressIndonesian: Story = {
  globals: { locale: 'id' },
  args: { formInProgress: 'kept' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Isian langkah yang sedang Anda kerjakan tetap tersimpan sebagai draf di perangkat ini dan muncul kembali setelah dimuat ulang. Anda juga boleh menyelesaikan langkah ini dulu.',
    );
  },
};

export const StepInProgressEnglish: Story = {
  globals: { locale: 'en' },
  args: { formInProgress: 'kept' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('The step you are filling in stays saved as a draft on this device and comes back after the reload.');
  },
};

/** The form that starts a case stores nothing until it is submitted: the prompt says so before the clerk agrees. */
export const StartFormNotKept: Story = {
  globals: { locale: 'id' },
  args: { formInProgress: 'unsaved' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Isian formulir ini belum tersimpan dan akan hilang bila halaman dimuat ulang sekarang. Mulai kasusnya dulu, lalu pilih Muat ulang.');
  },
};

export const ActivatedInAnotherTab: Story = {
  globals: { locale: 'en' },
  args: { phase: 'activated' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('A new version was installed from another tab');
    await expect(canvas.getByRole('button', { name: 'Reload' })).toBeEnabled();
  },
};

export const Reloading: Story = {
  globals: { locale: 'id' },
  args: { reloading: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Memuat ulang…' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Nanti' })).toBeDisabled();
  },
};

/**
 * The prompt wired to an update state, as a page has it: nothing shows until a
 * new version waits; "Nanti" puts it away; the page reloads only after "Muat
 * ulang", once the new version has taken over. A version let in from another
 * tab is announced, never reloaded into.
 */
export const ReloadsOnlyWhenAsked: Story = {
  globals: { locale: 'id' },
  render: (_args, { loaded }) => <UpdateNotice updates={loaded['updates']} />,
  loaders: [
    () => {
      const reload = fn();
      reportFormInProgress('story-step', 'kept');
      return { reload, updates: createOfflineUpdates(reload), activate: fn() };
    },
  ],
  play: async ({ canvas, loaded }) => {
    const { updates, reload, activate } = loaded as { updates: ReturnType<typeof createOfflineUpdates>; reload: () => void; activate: () => void };
    await expect(canvas.queryByRole('region', { name: 'Pembaruan aplikasi' })).toBeNull();

    updates.newVersionWaiting(activate);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Versi baru tersedia'));
    await expect(canvas.getByRole('status')).toHaveTextContent('tetap tersimpan sebagai draf');

    await userEvent.click(canvas.getByRole('button', { name: 'Nanti' }));
    await expect(canvas.queryByRole('region', { name: 'Pembaruan aplikasi' })).toBeNull();

    // Another tab agreed to the new version: this one is told, and keeps its form.
    updates.newVersionActive();
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Versi baru sudah dipasang di tab lain'));
    await expect(reload).not.toHaveBeenCalled();

    await userEvent.click(canvas.getByRole('button', { name: 'Muat ulang' }));
    await expect(reload).toHaveBeenCalledOnce();
    reportFormInProgress('story-step', 'none');
  },
};

/** "Muat ulang" lets the waiting version in; the page reloads when it has taken over, not before. */
export const ReloadsAfterTheNewVersionTakesOver: Story = {
  globals: { locale: 'en' },
  render: (_args, { loaded }) => <UpdateNotice updates={loaded['updates']} />,
  loaders: [
    () => {
      const reload = fn();
      const updates = createOfflineUpdates(reload);
      const activate = fn();
      updates.newVersionWaiting(activate);
      return { reload, updates, activate };
    },
  ],
  play: async ({ canvas, loaded }) => {
    const { updates, reload, activate } = loaded as { updates: ReturnType<typeof createOfflineUpdates>; reload: () => void; activate: () => void };
    await userEvent.click(canvas.getByRole('button', { name: 'Reload' }));
    await expect(activate).toHaveBeenCalledOnce();
    await expect(reload).not.toHaveBeenCalled();
    await expect(canvas.getByRole('button', { name: 'Reloading…' })).toBeDisabled();
    updates.newVersionActive();
    await expect(reload).toHaveBeenCalledOnce();
  },
};
