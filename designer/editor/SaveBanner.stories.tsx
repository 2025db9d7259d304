import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import '../designer.css';
import { toStorageError } from '../storage';
import type { EditorStore } from './editorStore';
import { storyPersistence, withEditor } from '../stories/storySupport';
import { SaveBanner } from './SaveBanner';

let store: EditorStore | undefined;

/** Save problems that need the drafter: a failed save (full disk), another tab's save, another tab open. */
const meta = {
  title: 'Designer/Editor/SaveBanner',
  component: SaveBanner,
  args: { persistence: storyPersistence({ retry: fn(async () => {}), keepMine: fn(async () => {}), reloadFromStorage: fn(async () => {}) }) },
  decorators: [withEditor('oku-01-sktm', undefined, (created) => (store = created))],
} satisfies Meta<typeof SaveBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    // Nothing to say while saving works.
    await expect(canvas.queryByRole('alert')).toBeNull();
    store!.setSave({ status: 'error', message: { id: 'Penyimpanan browser penuh.', en: 'The browser storage is full.' } });
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Penyimpanan browser penuh.');
    await userEvent.click(canvas.getByRole('button', { name: 'Coba simpan lagi' }));
    await expect(args.persistence.retry).toHaveBeenCalled();
    store!.setSave({ status: 'conflict' });
    await expect(await canvas.findByText(/telah disimpan di tab lain/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Muat versi tab lain' }));
    await expect(args.persistence.reloadFromStorage).toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, args, userEvent }) => {
    store!.setSave({ status: 'conflict' });
    await userEvent.click(await canvas.findByRole('button', { name: 'Keep my version' }));
    await expect(args.persistence.keepMine).toHaveBeenCalled();
    store!.setSave({ status: 'saved' });
    store!.setOtherTab(true);
    await expect(await canvas.findByRole('status')).toHaveTextContent('This SOP is also open in another tab.');
  },
};

/** The database was closed under the editor and could not be reopened: what happened and what to do, never the raw error. */
export const DatabaseClosed: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    const closed = Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' });
    store!.setSave({ status: 'error', message: toStorageError(closed).userMessage });
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(/Basis data penyimpanan browser sempat tertutup/);
    await expect(alert).toHaveTextContent(/Perubahan Anda masih ada di layar ini/);
    await expect(alert).not.toHaveTextContent(/DatabaseClosedError/);
    await expect(canvas.getByRole('button', { name: 'Coba simpan lagi' })).toBeVisible();
  },
};

export const DiskFullEnglish: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    const full = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new DOMException('quota', 'QuotaExceededError') });
    store!.setSave({ status: 'error', message: toStorageError(full).userMessage });
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(/Browser storage is full: your latest change is not saved yet/);
    await expect(alert).not.toHaveTextContent(/AbortError|QuotaExceededError/);
    await expect(canvas.getByRole('button', { name: 'Try saving again' })).toBeVisible();
  },
};
