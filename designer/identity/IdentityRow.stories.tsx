import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { identityRowSpec } from '../../core/identity/identityRows';
import '../designer.css';
import './identity.css';
import { sampleDoc, withEditor } from '../stories/storySupport';
import { IdentityRow } from './IdentityRow';
import { IdentityTextEditor } from './IdentityRowEditors';

/** The Nomor SOP row of the identity form, with its presence, illegible mark and label. */
function NumberRow() {
  return <IdentityRow spec={identityRowSpec('number')}>{(label) => <IdentityTextEditor field="number" label={label} />}</IdentityRow>;
}

const meta = {
  title: 'Designer/Identity/IdentityRow',
  component: NumberRow,
  decorators: [withEditor('bwi-spm-online')],
} satisfies Meta<typeof NumberRow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Remove the row, add it back (unfilled), mark it illegible, give it the SOP's own label and reset it. */
export const PresenceIllegibleAndLabel: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus baris Nomor SOP' }));
    await expect(canvas.getByText('Tidak ada di SOP ini')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Tambah baris Nomor SOP' }));
    await expect(canvas.getByRole('textbox', { name: 'Nomor SOP' })).toHaveValue('');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Nomor SOP: tidak terbaca di sumber' }));
    await expect(canvas.getByText('tidak terbaca')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Ubah label Nomor SOP' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Label baris Nomor SOP' }), 'No. SOP');
    await expect(canvas.getByRole('textbox', { name: 'No. SOP' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Pakai label bawaan Nomor SOP' }));
    await expect(canvas.getByRole('textbox', { name: 'Nomor SOP' })).toBeVisible();
  },
};

/** The row absent from the SOP, in English. */
export const Absent: Story = {
  globals: { locale: 'en' },
  decorators: [
    withEditor(() => {
      const doc = sampleDoc('bwi-spm-online');
      delete doc.identity.number;
      return doc;
    }),
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Not in this SOP')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Add row SOP number' })).toBeVisible();
  },
};
