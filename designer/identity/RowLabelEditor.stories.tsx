import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { identityRowSpec } from '../../core/identity/identityRows';
import '../designer.css';
import './identity.css';
import type { EditorStore } from '../editor/editorStore';
import { withEditor } from '../stories/storySupport';
import { RowLabelEditor } from './RowLabelEditor';

let store: EditorStore | undefined;

/** The label editor of the Nama SOP row. */
function TitleLabel() {
  const spec = identityRowSpec('title');
  if (!('label' in spec) || spec.label === undefined) throw new Error('Nama SOP has a label');
  return <RowLabelEditor spec={{ ...spec, label: spec.label }} label="Nama SOP" />;
}

const meta = {
  title: 'Designer/Identity/RowLabelEditor',
  component: TitleLabel,
  decorators: [withEditor('bwi-spm-online', undefined, (created) => (store = created))],
} satisfies Meta<typeof TitleLabel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Folded until asked; the SOP's own label is set, then reset to the standard one. */
export const OverrideAndReset: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    const toggle = canvas.getByRole('button', { name: 'Ubah label Nama SOP' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    const field = canvas.getByRole('textbox', { name: /^Label baris/ });
    await userEvent.type(field, 'Judul SOP');
    await waitFor(() => expect(store!.doc.identity.labels?.namaSop).toBe('Judul SOP'));
    await userEvent.click(canvas.getByRole('button', { name: /^Pakai label bawaan/ }));
    await waitFor(() => expect(store!.doc.identity.labels?.namaSop).toBeUndefined());
  },
};

/** In English. */
export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Edit label Nama SOP' })).toBeVisible();
  },
};
