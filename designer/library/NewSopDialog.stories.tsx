import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import '../designer.css';
import { sampleDoc } from '../stories/storySupport';
import { NewSopDialog } from './NewSopDialog';

const meta = {
  title: 'Designer/Library/NewSopDialog',
  component: NewSopDialog,
  args: { open: true, samples: [sampleDoc('oku-01-sktm'), sampleDoc('lmj-06-tetirah')], onCancel: fn(), onCreate: fn() },
} satisfies Meta<typeof NewSopDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Buat SOP' }));
    await expect(canvas.getByText('Isi nama SOP.')).toBeVisible();
    await expect(args.onCreate).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('radio', { name: 'Salinan contoh SOP' }));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Contoh SOP' }), 'lmj-06-tetirah');
    await userEvent.click(canvas.getByRole('button', { name: 'Buat SOP' }));
    await expect(args.onCreate).toHaveBeenCalledWith({ title: 'PENGIRIMAN PESERTA TERTIRAH', sampleId: 'lmj-06-tetirah' });
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'SOP name' }), 'Home visits');
    await userEvent.keyboard('{Enter}');
    await expect(args.onCreate).toHaveBeenCalledWith({ title: 'Home visits' });
  },
};
