import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../runtime.css';
import { JsonFilePicker } from './JsonFilePicker';

const meta = {
  title: 'Runtime/Forms/JsonFilePicker',
  component: JsonFilePicker,
  args: { id: 'pilih-berkas', label: 'Impor revisi SOP (berkas JSON)', onFile: fn(async () => undefined) },
} satisfies Meta<typeof JsonFilePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The same file chosen twice reaches the handler twice: the picker clears itself after each choice. */
export const SameFileTwice: Story = {
  play: async ({ canvas, args }) => {
    const input = canvas.getByLabelText('Impor revisi SOP (berkas JSON)');
    const file = new File(['{}'], 'revisi.json', { type: 'application/json' });
    await userEvent.upload(input, file);
    await userEvent.upload(input, file);
    await waitFor(() => expect(args.onFile).toHaveBeenCalledTimes(2));
    await expect((input as HTMLInputElement).value).toBe('');
  },
};
