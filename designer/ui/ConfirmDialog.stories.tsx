import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { useT } from '../../ui/i18n';
import '../designer.css';
import { ConfirmDialog } from './ConfirmDialog';

/** Asks before something irreversible: an imported file would replace an SOP with the same id. Cancel comes first and has the focus. */
function ConfirmDemo({ onCancel, onKeepBoth, onReplace }: { onCancel: () => void; onKeepBoth: () => void; onReplace: () => void }) {
  const t = useT();
  return (
    <ConfirmDialog
      open
      title={t('designer.library.import.conflictTitle')}
      onCancel={onCancel}
      choices={[
        { label: t('designer.library.import.keepBoth'), tone: 'quiet', run: onKeepBoth },
        { label: t('designer.library.import.replace'), tone: 'danger', run: onReplace },
      ]}
    >
      <p>{t('designer.library.import.conflictBody', { file: 'domisili.sop.json', id: 'domisili', title: 'Surat Keterangan Domisili' })}</p>
    </ConfirmDialog>
  );
}

const meta = {
  title: 'Designer/Shared/ConfirmDialog',
  component: ConfirmDemo,
  args: { onCancel: fn(), onKeepBoth: fn(), onReplace: fn() },
} satisfies Meta<typeof ConfirmDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    const dialog = canvas.getByRole('dialog');
    await expect(dialog).toHaveTextContent('domisili.sop.json');
    await expect(canvas.getByRole('button', { name: 'Batal' })).toHaveFocus();
    await userEvent.click(canvas.getByRole('button', { name: 'Ganti SOP yang ada' }));
    await expect(args.onReplace).toHaveBeenCalled();
    await expect(args.onCancel).not.toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('dialog', { name: 'An SOP with the same id already exists' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Keep as a separate SOP' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(args.onCancel).toHaveBeenCalled();
    await expect(args.onReplace).not.toHaveBeenCalled();
  },
};
