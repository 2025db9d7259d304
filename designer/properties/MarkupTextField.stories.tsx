import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import type { Text } from '../../schemas/generated/sop.types';
import '../designer.css';
import { miniDoc, withEditor } from '../stories/storySupport';
import { MarkupTextField } from './MarkupTextField';

let latest: Text | undefined;

const RICH: Text = {
  blocks: [
    { spans: [{ text: 'Petugas melakukan:' }] },
    { marker: 'a.', spans: [{ text: 'verifikasi ' }, { text: 'NIK', bold: true }] },
    { marker: 'b.', spans: [{ text: 'cek lapangan' }] },
  ],
};

/** A Kegiatan field holding RichText, as the properties panel shows it (the value lives in the story's state). */
function Kegiatan({ initial }: { initial: Text }) {
  const [value, setValue] = useState<Text>(initial);
  latest = value;
  return <MarkupTextField label="Kegiatan" value={value} multiline syntaxHint onChange={(next) => setValue((latest = next))} />;
}

const meta = {
  title: 'Designer/Properties/MarkupTextField',
  component: Kegiatan,
  args: { initial: RICH },
  // The field takes part in the editor's focus keeping, so it sits in an editor.
  decorators: [withEditor(miniDoc)],
} satisfies Meta<typeof Kegiatan>;

export default meta;
type Story = StoryObj<typeof meta>;

/** RichText shows as markup; typing keeps the list and the bold, and the hint says how to write them. */
export const RichTextKeepsItsStructure: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    const field = canvas.getByRole('textbox', { name: 'Kegiatan' });
    await expect(field).toHaveValue('Petugas melakukan:\na. verifikasi **NIK**\nb. cek lapangan');
    await expect(canvas.getByText(/baris diawali "1\."/)).toBeVisible();
    await userEvent.type(field, ' warga');
    await waitFor(() => expect(latest).toMatchObject({ blocks: [{}, { marker: 'a.', spans: [{ text: 'verifikasi ' }, { text: 'NIK', bold: true }] }, { marker: 'b.', spans: [{ text: 'cek lapangan warga' }] }] }));
  },
};

/** A plain string stays a plain string. */
export const PlainText: Story = {
  globals: { locale: 'en' },
  args: { initial: 'Berkas diperiksa' },
  play: async ({ canvas, userEvent }) => {
    const field = canvas.getByRole('textbox', { name: 'Kegiatan' });
    await userEvent.type(field, ' ulang');
    await waitFor(() => expect(latest).toBe('Berkas diperiksa ulang'));
  },
};
