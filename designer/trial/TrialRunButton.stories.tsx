import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { loadSample } from '../../samples/index';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { TrialRunButton } from './TrialRunButton';

const banyuwangi = loadSample('bwi-spm-online')!;
const blank: SopDocument = { ...banyuwangi, flows: [{ id: 'main', lanes: [], steps: [], edges: [] }] };

const meta = {
  title: 'Designer/TrialRunButton',
  component: TrialRunButton,
  args: {
    doc: banyuwangi,
    startTrialRun: fn(async (draft: SopDocument) => `http://127.0.0.1/runtime/?uji-coba=1#/mulai/${draft.id}`),
    openUrl: fn(),
  },
} satisfies Meta<typeof TrialRunButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Uji coba' }));
    await waitFor(() => expect(args.openUrl).toHaveBeenCalledWith('http://127.0.0.1/runtime/?uji-coba=1#/mulai/bwi-spm-online'));
    await expect(args.startTrialRun).toHaveBeenCalledWith(banyuwangi);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Trial run' })).toBeEnabled();
  },
};

export const NoStepsYet: Story = {
  args: { doc: blank },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Uji coba' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Uji coba' })).toHaveAttribute('title', 'Tambahkan langkah dulu sebelum uji coba.');
  },
};

export const StorageRefused: Story = {
  args: { startTrialRun: fn(async (_draft: SopDocument): Promise<string> => { throw new DOMException('full', 'QuotaExceededError'); }) },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Uji coba' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Uji coba tidak dapat dimulai');
    await expect(args.openUrl).not.toHaveBeenCalled();
  },
};
