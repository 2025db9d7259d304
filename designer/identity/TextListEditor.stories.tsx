import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import { useT } from '../../ui/i18n';
import '../designer.css';
import { withEditor } from '../stories/storySupport';
import { TextListEditor } from './TextListEditor';
import type { Text } from '../../core/text/richText';

/** A numbered block of the identity page (here Dasar Hukum): type, reorder, add and remove items. */
function TextListDemo({ onChange }: { onChange: (items: Text[]) => void }) {
  const t = useT();
  const legend = t('designer.block.dasarHukum');
  const [items, setItems] = useState<Text[]>(['UU No. 23 Tahun 2014 tentang Pemerintahan Daerah', 'Permenpan RB No. 35 Tahun 2012']);
  return (
    <div style={{ padding: 16, maxWidth: 520 }}>
      <TextListEditor
        legend={legend}
        items={items}
        itemLabel={(n) => `${legend} ${n}`}
        addLabel={t('designer.identity.addItem')}
        onChange={(next) => {
          setItems(next);
          onChange(next);
        }}
      />
    </div>
  );
}

const meta = {
  title: 'Designer/Identity/TextListEditor',
  component: TextListDemo,
  args: { onChange: fn() },
  decorators: [withEditor('oku-01-sktm')],
} satisfies Meta<typeof TextListDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Dasar Hukum' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Naikkan Dasar Hukum 1' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Turunkan Dasar Hukum 1' }));
    await expect(canvas.getByRole('textbox', { name: 'Dasar Hukum 1' })).toHaveValue('Permenpan RB No. 35 Tahun 2012');
    await userEvent.click(canvas.getByRole('button', { name: '+ Butir' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Dasar Hukum 3' }), 'Perbup No. 7 Tahun 2020');
    await expect(args.onChange).toHaveBeenLastCalledWith(['Permenpan RB No. 35 Tahun 2012', 'UU No. 23 Tahun 2014 tentang Pemerintahan Daerah', 'Perbup No. 7 Tahun 2020']);
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus Dasar Hukum 2' }));
    await expect(canvas.getAllByRole('textbox')).toHaveLength(2);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Legal basis' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Move Legal basis 2 down' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: '+ Item' }));
    await expect(canvas.getByRole('textbox', { name: 'Legal basis 3' })).toHaveValue('');
  },
};
