import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { useT } from '../../ui/i18n';
import '../designer.css';
import { Dialog } from './Dialog';

/** The modal every dialog is built on (native <dialog>): focus stays inside, Escape closes, focus goes back. */
function DialogDemo({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    onClose();
  };
  return (
    <div style={{ padding: 16 }}>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('designer.history.heading')}
      </button>
      <Dialog
        open={open}
        title={t('designer.history.heading')}
        onClose={close}
        actions={
          <button type="button" className="button button--primary" onClick={close}>
            {t('designer.common.close')}
          </button>
        }
      >
        <p>{t('designer.history.none')}</p>
      </Dialog>
    </div>
  );
}

const meta = {
  title: 'Designer/Shared/Dialog',
  component: DialogDemo,
  args: { onClose: fn() },
} satisfies Meta<typeof DialogDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    const opener = canvas.getByRole('button', { name: 'Riwayat revisi' });
    await userEvent.click(opener);
    const dialog = canvas.getByRole('dialog', { name: 'Riwayat revisi' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveTextContent('SOP ini belum pernah diterbitkan.');
    // The browser closes a modal on Escape (a synthetic key event cannot): the dialog reports it and leaves.
    // A closed <dialog> leaves the accessibility tree before its `close` event
    // fires, so wait for the event's effect, not for the role to disappear.
    (dialog as HTMLDialogElement).close();
    await waitFor(() => expect(args.onClose).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(opener).toHaveFocus();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Revision history' }));
    await expect(canvas.getByRole('dialog', { name: 'Revision history' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Close' }));
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect(args.onClose).toHaveBeenCalled();
    // Focus goes back to the control that opened it.
    await expect(canvas.getByRole('button', { name: 'Revision history' })).toHaveFocus();
  },
};
