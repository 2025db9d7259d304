import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { exportBackup, restoreBackup } from '../storage/backup';
import { seededDb, WithRuntime } from '../storyFixtures';
import { RestoreFromBackup } from './RestoreFromBackup';

/**
 * What a clerk sees while restoring, step by step, on a device holding 1 case,
 * with a backup file from an office holding 3. (BackupPanel's stories show the
 * same flow inside the panel; these show each state of the restore itself.)
 */
const meta = {
  title: 'Runtime/RestoreFromBackup',
  component: RestoreFromBackup,
  loaders: [async () => ({ db: await seededDb(1), backup: (await exportBackup(await seededDb(3))).blob })],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']} sync={false}>
      <RestoreFromBackup />
    </WithRuntime>
  ),
} satisfies Meta<typeof RestoreFromBackup>;

export default meta;
type Story = StoryObj<typeof meta>;

const PICKER_ID = 'Pulihkan dari cadangan (menggantikan data di perangkat ini)';
const PICKER_EN = 'Restore from a backup (replaces the data on this device)';

const backupFile = (blob: Blob, name = 'cadangan-kantor.json') => new File([blob], name, { type: 'application/json' });

/** A file whose contents arrive only when the story says so: the "checking" state stays on screen meanwhile. */
function heldFile(blob: Blob, name: string): { file: File; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  class HeldFile extends File {
    override async text(): Promise<string> {
      await gate;
      return super.text();
    }
  }
  return { file: new HeldFile([blob], name, { type: 'application/json' }), release };
}

/** Nothing chosen yet: only the picker, labelled; no way back is offered, since no restore was ever made. */
export const ChooseFileIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    const picker = await canvas.findByLabelText(PICKER_ID);
    await expect(picker).toHaveAttribute('type', 'file');
    await expect(picker).toHaveAttribute('accept', '.json,application/json');
    await expect(canvas.queryByRole('button', { name: 'Kembalikan data sebelum pemulihan' })).toBeNull();
    await expect(canvas.queryByRole('status')).toBeNull();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** A large file takes a moment: the clerk is told which file is being checked, and nothing is replaced yet. */
export const CheckingEnglish: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, loaded }) => {
    const { file, release } = heldFile(loaded['backup'], 'backup-kemiren-june.json');
    await userEvent.upload(await canvas.findByLabelText(PICKER_EN), file);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Checking the backup backup-kemiren-june.json…');
    release();
    await expect(await canvas.findByRole('group', { name: 'Check before restoring' })).toBeVisible();
  },
};

/**
 * A damaged file with more problems than fit on screen: the first ten are listed, the rest counted, and the
 * clerk is told the device was not changed (with what is on it). The picker stays, to choose another file.
 */
export const ProblemsListedIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, loaded }) => {
    const json = JSON.parse(await (loaded['backup'] as Blob).text());
    // Twelve events without an id: twelve problems, each located by table, row and field.
    for (const event of json.tables.events.slice(0, 6)) delete event.id;
    for (let i = 0; i < 6; i++) json.tables.events.push({ ...json.tables.events[6 + (i % 2)], id: undefined });
    await userEvent.upload(await canvas.findByLabelText(PICKER_ID), new File([JSON.stringify(json)], 'rusak.json'));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(/^Cadangan ditolak: \d+ masalah ditemukan\./);
    const items = within(alert).getAllByRole('listitem');
    await expect(items).toHaveLength(11);
    await expect(items.filter((li) => /^Tabel events, baris \d+.*, kolom id: kolom wajib ini tidak ada\.$/.test(li.textContent ?? '')).length).toBeGreaterThan(5);
    await expect(items[10]).toHaveTextContent(/^…dan \d+ masalah lain\.$/);
    await expect(alert).toHaveTextContent('Data di perangkat ini tidak diubah (kasus 1, peristiwa 2, SOP 1, lampiran 0, draf 0).');
    await expect(canvas.getByLabelText(PICKER_ID)).toBeVisible();
  },
};

/** A sound file: what is on the device now against what the backup holds, before anything is replaced. */
export const ConfirmWithCountsIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, loaded }) => {
    await userEvent.upload(await canvas.findByLabelText(PICKER_ID), backupFile(loaded['backup']));
    const confirm = await canvas.findByRole('group', { name: 'Periksa sebelum memulihkan' });
    await expect(within(confirm).getByText(/cadangan-kantor\.json/)).toBeVisible();
    const rows = within(confirm).getAllByRole('row').map((row) => row.textContent);
    await expect(rows).toEqual(['Jenis dataSekarangSetelah pemulihan', 'Kasus13', 'Peristiwa28', 'SOP11', 'Lampiran00', 'Draf00', 'Perintah belum terkirim00', 'Perlu tinjauan00']);
    // While the clerk decides, no second file can be chosen.
    await expect(canvas.queryByLabelText(PICKER_ID)).toBeNull();
    await expect(within(confirm).getByRole('button', { name: 'Ganti data dengan cadangan ini' })).toBeVisible();
    await expect(within(confirm).getByRole('button', { name: 'Batal' })).toBeVisible();
  },
};

/** Confirmed: the counts after and before are said, the replaced data is kept, and the way back is offered. */
export const RestoredEnglish: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, loaded }) => {
    await userEvent.upload(await canvas.findByLabelText(PICKER_EN), backupFile(loaded['backup']));
    const confirm = await canvas.findByRole('group', { name: 'Check before restoring' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Replace the data with this backup' }));
    await expect(await canvas.findByText(/^Backup restored\./)).toHaveTextContent(
      'Backup restored. Now: cases 3, events 8, SOPs 1, attachments 0, drafts 0. Before: cases 1, events 2, SOPs 1, attachments 0, drafts 0; a copy of it is kept.',
    );
    const undo = await canvas.findByRole('button', { name: 'Put back the data from before the restore' });
    await expect(undo).toBeEnabled();
    await expect(undo).toHaveAccessibleDescription(/^Copy of .+: cases 1, events 2, SOPs 1, attachments 0, drafts 0\.$/);
    // Another restore may follow at once.
    await expect(canvas.getByLabelText(PICKER_EN)).toBeVisible();
  },
};

/**
 * A restore made earlier (the copy of what it replaced is still kept): the way back is offered as soon as
 * the screen opens, and one click puts the earlier data back, keeping what it replaces as the next copy.
 */
export const UndoRestoreIndonesian: Story = {
  globals: { locale: 'id' },
  loaders: [
    async () => {
      const db = await seededDb(1);
      await restoreBackup(db, (await exportBackup(await seededDb(3))).blob);
      return { db };
    },
  ],
  play: async ({ canvas, loaded }) => {
    const undo = await canvas.findByRole('button', { name: 'Kembalikan data sebelum pemulihan' });
    await expect(undo).toHaveAccessibleDescription(/^Salinan dari .+: kasus 1, peristiwa 2, SOP 1, lampiran 0, draf 0\.$/);
    await userEvent.click(undo);
    await expect(await canvas.findByText(/^Data sebelum pemulihan dikembalikan\./)).toHaveTextContent(
      'Data sebelum pemulihan dikembalikan. Sekarang: kasus 1, peristiwa 2, SOP 1, lampiran 0, draf 0. Data yang baru diganti (kasus 3, peristiwa 8, SOP 1, lampiran 0, draf 0) juga disimpan sebagai salinan.',
    );
    await waitFor(async () => expect(await loaded['db'].cases.count()).toBe(1));
    await waitFor(() => expect(canvas.getByText(/^Salinan dari/)).toHaveTextContent(/kasus 3, peristiwa 8, SOP 1, lampiran 0, draf 0\.$/));
  },
};
