import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import '../designer.css';
import type { SopRepository } from '../storage';
import { storyPersistence, withEditor } from '../stories/storySupport';
import { EditorToolbar } from './EditorToolbar';

/** The editor's toolbar: back to the library, the SOP's name, save state, undo/redo, views, the step palette, print and export, publish. */
const meta = {
  title: 'Designer/Editor/EditorToolbar',
  component: EditorToolbar,
  args: { repository: {} as SopRepository, persistence: storyPersistence(), onClose: fn() },
  decorators: [withEditor('lmj-07-rekom-keringanan-biaya-rs')],
} satisfies Meta<typeof EditorToolbar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: /^PENERBITAN REKOMENDASI KERINGANAN/ })).toBeVisible();
    await expect(canvas.getByText('427.42/IV/1.01/2020 · Draf')).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('Tersimpan');
    await expect(canvas.getByRole('button', { name: 'Urungkan' })).toBeDisabled();
    // Views: the canvas is on; the table can be chosen.
    await expect(canvas.getByRole('button', { name: 'Kanvas' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Tabel' }));
    await expect(canvas.getByRole('button', { name: 'Tabel' })).toHaveAttribute('aria-pressed', 'true');
    // Print and image export of what is open now.
    const output = canvas.getByRole('group', { name: 'Cetak dan ekspor' });
    await expect(output).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cetak' })).toHaveAttribute('title', expect.stringContaining('belum diterbitkan'));
    await expect(canvas.getByRole('button', { name: 'Ekspor SVG' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Ekspor PNG' })).toBeVisible();
    // Publishing asks for a change note first.
    await userEvent.click(canvas.getByRole('button', { name: 'Terbitkan…' }));
    await expect(canvas.getByRole('heading', { name: 'Terbitkan revisi 1' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await userEvent.click(canvas.getByRole('button', { name: '← Pustaka SOP' }));
    await expect(args.onClose).toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Saved');
    await expect(canvas.getByRole('button', { name: 'Redo' })).toBeDisabled();
    await expect(canvas.getByRole('group', { name: 'Add step' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Print' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Export SVG' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Export PNG' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Publish…' })).toBeVisible();
  },
};
