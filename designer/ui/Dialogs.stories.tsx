import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import { useT } from '../../ui/i18n';
import '../designer.css';
import { ConfirmDialog } from './ConfirmDialog';
import { PromptDialog } from './PromptDialog';
import { Toast, type ToastMessage } from './Toast';

/** The shared dialogs and the toast, as the library and the editor use them. */
function DialogsDemo({ onRename, onReplace, onUndo }: { onRename: (v: string) => void; onReplace: () => void; onUndo: () => void }) {
  const t = useT();
  const [prompt, setPrompt] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  return (
    <div style={{ padding: 16, display: 'flex', gap: 8 }}>
      <button type="button" className="button" onClick={() => setPrompt('SOP lama')}>
        {t('designer.library.action.rename')}
      </button>
      <button type="button" className="button" onClick={() => setConfirm(true)}>
        {t('designer.library.import.replace')}
      </button>
      <button type="button" className="button" onClick={() => setToast({ id: 1, text: t('designer.library.deleted', { title: 'SOP lama' }), action: { label: t('designer.common.undo'), run: onUndo } })}>
        {t('designer.library.action.delete')}
      </button>
      <PromptDialog
        initialValue={prompt}
        title={t('designer.library.rename.title')}
        label={t('designer.library.new.name')}
        submitLabel={t('designer.library.rename.save')}
        requiredMessage={t('designer.library.new.nameRequired')}
        onCancel={() => setPrompt(null)}
        onSubmit={(value) => {
          onRename(value);
          setPrompt(null);
        }}
      />
      <ConfirmDialog
        open={confirm}
        title={t('designer.library.import.conflictTitle')}
        onCancel={() => setConfirm(false)}
        choices={[{ label: t('designer.library.import.replace'), tone: 'danger', run: () => { onReplace(); setConfirm(false); } }]}
      >
        <p>{t('designer.library.import.conflictBody', { file: 'a.sop.json', id: 'a', title: 'A' })}</p>
      </ConfirmDialog>
      <Toast toast={toast} onDismiss={() => setToast(null)} dismissLabel={t('designer.common.dismiss')} />
    </div>
  );
}

const meta = {
  title: 'Designer/Shared/Dialogs and toast',
  component: DialogsDemo,
  args: { onRename: fn(), onReplace: fn(), onUndo: fn() },
} satisfies Meta<typeof DialogsDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Ubah nama' }));
    const input = canvas.getByRole('textbox', { name: 'Nama SOP' });
    await expect(input).toHaveFocus();
    await userEvent.clear(input);
    await userEvent.click(canvas.getByRole('button', { name: 'Simpan nama' }));
    await expect(canvas.getByText('Isi nama SOP.')).toBeVisible();
    await userEvent.type(input, 'SOP baru{Enter}');
    await expect(args.onRename).toHaveBeenCalledWith('SOP baru');
    await userEvent.click(canvas.getByRole('button', { name: 'Ganti SOP yang ada' }));
    await userEvent.keyboard('{Escape}');
    await expect(args.onReplace).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('SOP "SOP lama" dihapus.');
    await userEvent.click(canvas.getByRole('button', { name: 'Urungkan' }));
    await expect(args.onUndo).toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Replace the existing SOP' }));
    await expect(canvas.getByRole('dialog', { name: 'An SOP with the same id already exists' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(canvas.getAllByRole('button', { name: 'Replace the existing SOP' }).at(-1)!);
    await expect(args.onReplace).toHaveBeenCalled();
  },
};
