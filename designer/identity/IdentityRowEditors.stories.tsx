import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import '../designer.css';
import './identity.css';
import type { EditorStore } from '../editor/editorStore';
import { withEditor } from '../stories/storySupport';
import { ApproverEditor, HeaderBlockEditor, IdentityDateEditor, IdentityTextEditor } from './IdentityRowEditors';

let store: EditorStore | undefined;

/** The value editors of one identity row each: text, date, Disahkan Oleh and a header block. */
function RowEditors() {
  return (
    <>
      <IdentityTextEditor field="number" label="Nomor SOP" />
      <IdentityDateEditor field="efektif" label="Tanggal Efektif" />
      <ApproverEditor label="Disahkan Oleh" />
      <HeaderBlockEditor block="peringatan" label="Peringatan" />
    </>
  );
}

const meta = {
  title: 'Designer/Identity/IdentityRowEditors',
  component: RowEditors,
  decorators: [withEditor('bwi-spm-online', undefined, (created) => (store = created))],
} satisfies Meta<typeof RowEditors>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Emptying the number keeps the row (""), a typed date is read, the approver's name is edited. */
export const EditValues: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Nomor SOP' }));
    await waitFor(() => expect(store!.doc.identity.number).toBe(''));
    const date = canvas.getByRole('textbox', { name: 'Tanggal Efektif' });
    await userEvent.clear(date);
    await userEvent.type(date, '2 Januari 2025');
    await waitFor(() => expect(store!.doc.identity.dates?.efektif?.iso).toBe('2025-01-02'));
    const approver = canvas.getByRole('group', { name: 'Disahkan Oleh' });
    await expect(approver).toHaveTextContent('Nama');
    await expect(canvas.getByRole('group', { name: 'Peringatan' })).toBeVisible();
  },
};

/** In English. */
export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Nomor SOP' })).toHaveValue('660/04/429.109/2024');
  },
};
