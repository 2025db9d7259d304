import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import { useT } from '../../ui/i18n';
import '../designer.css';
import { PromptDialog } from './PromptDialog';

/** Asks for one line of text: renaming an SOP. An empty name is refused with a message tied to the field. */
function PromptDemo({ onSubmit, onCancel }: { onSubmit: (value: string) => void; onCancel: () => void }) {
  const t = useT();
  const [value, setValue] = useState<string | null>('Surat Keterangan Domisili');
  return (
    <div style={{ padding: 16 }}>
      <button type="button" className="button" onClick={() => setValue('Surat Keterangan Domisili')}>
        {t('designer.library.rename.title')}
      </button>
      <PromptDialog
        initialValue={value}
        title={t('designer.library.rename.title')}
        label={t('designer.library.new.name')}
        submitLabel={t('designer.library.rename.save')}
        requiredMessage={t('designer.library.new.nameRequired')}
        onCancel={() => {
          setValue(null);
          onCancel();
        }}
        onSubmit={(next) => {
          setValue(null);
          onSubmit(next);
        }}
      />
    </div>
  );
}

const meta = {
  title: 'Designer/Shared/PromptDialog',
  component: PromptDemo,
  args: { onSubmit: fn(), onCancel: fn() },
} satisfies Meta<typeof PromptDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Nama SOP' });
    await expect(input).toHaveFocus();
    await expect(input).toHaveValue('Surat Keterangan Domisili');
    await userEvent.clear(input);
    await userEvent.click(canvas.getByRole('button', { name: 'Simpan nama' }));
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription('Isi nama SOP.');
    await userEvent.type(input, '  Surat Keterangan Usaha  {Enter}');
    await expect(args.onSubmit).toHaveBeenCalledWith('Surat Keterangan Usaha');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('dialog', { name: 'Rename SOP' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(args.onCancel).toHaveBeenCalled();
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};
