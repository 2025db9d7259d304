import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { parseSopJson } from '../../core/validation';
import '../designer.css';
import { ImportReportDialog } from './ImportReportDialog';

const meta = {
  title: 'Designer/Library/ImportReportDialog',
  component: ImportReportDialog,
  args: {
    onClose: fn(),
    rejected: [
      { fileName: 'rusak.sop.json', diagnostics: parseSopJson('{\n  "id": "x",\n  oops\n}').diagnostics },
      { fileName: 'tanpa-alur.sop.json', diagnostics: parseSopJson('{"schemaVersion": 2, "id": "x"}').diagnostics },
    ],
  },
} satisfies Meta<typeof ImportReportDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: '2 berkas tidak dapat diimpor' })).toBeVisible();
    await expect(canvas.getByText(/baris 3, kolom 3/)).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'tanpa-alur.sop.json' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Tutup' }));
    await expect(args.onClose).toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: '2 files could not be imported' })).toBeVisible();
    await expect(canvas.getByText(/line 3, column 3/)).toBeVisible();
  },
};
