import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { exportBackup } from '../storage/backup';
import { populatedOffice } from '../storage/backupTesting';
import { seededDb, WithRuntime } from '../storyFixtures';
import { BackupPanel } from './BackupPanel';

const meta = {
  title: 'Runtime/BackupPanel',
  component: BackupPanel,
  // This device holds 1 case; the backup file comes from an office with 3.
  loaders: [async () => ({ db: await seededDb(1), backup: (await exportBackup(await seededDb(3))).blob })],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']} sync={false}>
      <BackupPanel />
    </WithRuntime>
  ),
} satisfies Meta<typeof BackupPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const backupFile = (blob: Blob) => new File([blob], 'cadangan-kantor.json', { type: 'application/json' });

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, loaded }) => {
    await userEvent.click(await canvas.findByText('Cadangan data'));

    // A sound backup: first what it replaces, then the go-ahead.
    await userEvent.upload(canvas.getByLabelText('Pulihkan dari cadangan (menggantikan data di perangkat ini)'), backupFile(loaded['backup']));
    const confirm = await canvas.findByRole('group', { name: 'Periksa sebelum memulihkan' });
    const rows = within(confirm).getAllByRole('row').map((row) => row.textContent);
    await expect(rows).toEqual(['Jenis dataSekarangSetelah pemulihan', 'Kasus13', 'Peristiwa28', 'SOP11', 'Lampiran00', 'Draf00', 'Perintah belum terkirim00', 'Perlu tinjauan00']);
    await expect(canvas.queryByLabelText('Pulihkan dari cadangan (menggantikan data di perangkat ini)')).toBeNull();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ganti data dengan cadangan ini' }));
    await expect(await canvas.findByText(/^Cadangan dipulihkan\./)).toHaveTextContent(
      'Cadangan dipulihkan. Sekarang: kasus 3, peristiwa 8, SOP 1, lampiran 0, draf 0. Sebelumnya: kasus 1, peristiwa 2, SOP 1, lampiran 0, draf 0; salinannya disimpan.',
    );

    // One click puts the earlier data back.
    await userEvent.click(await canvas.findByRole('button', { name: 'Kembalikan data sebelum pemulihan' }));
    await expect(await canvas.findByText(/^Data sebelum pemulihan dikembalikan\./)).toHaveTextContent('Sekarang: kasus 1, peristiwa 2, SOP 1, lampiran 0, draf 0.');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, loaded }) => {
    await userEvent.click(await canvas.findByText('Data backup'));
    await expect(canvas.getByRole('button', { name: 'Download a backup of all data' })).toBeVisible();
    const picker = () => canvas.getByLabelText('Restore from a backup (replaces the data on this device)');

    // A file cut short is refused before anything is touched, and the message says what is still there.
    const text = await (loaded['backup'] as Blob).text();
    await userEvent.upload(picker(), new File([text.slice(0, Math.floor(text.length * 0.7))], 'cut.json', { type: 'application/json' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Backup refused; the data on this device was not changed. The file is not complete JSON');
    await expect(alert).toHaveTextContent('The data on this device was not changed (cases 1, events 2, SOPs 1, attachments 0, drafts 0).');

    // A sound one, then Cancel: nothing changes, and no copy was needed.
    await userEvent.upload(picker(), backupFile(loaded['backup']));
    const confirm = await canvas.findByRole('group', { name: 'Check before restoring' });
    await expect(within(confirm).getByRole('row', { name: 'Cases 1 3' })).toBeVisible();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Restore cancelled; the data on this device was not changed.');
    await expect(canvas.queryByRole('button', { name: 'Put back the data from before the restore' })).toBeNull();
  },
};

/** A file with several problems lists each, located by table, row and field. */
export const ProblemsListed: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, loaded }) => {
    await userEvent.click(await canvas.findByText('Cadangan data'));
    const json = JSON.parse(await (loaded['backup'] as Blob).text());
    json.tables.events.push(structuredClone(json.tables.events[0]));
    delete json.tables.cases[0].id;
    json.tables.cadangan = [];
    await userEvent.upload(canvas.getByLabelText('Pulihkan dari cadangan (menggantikan data di perangkat ini)'), new File([JSON.stringify(json)], 'rusak.json'));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(/^Cadangan ditolak: 6 masalah ditemukan\./);
    const items = within(alert).getAllByRole('listitem').map((li) => li.textContent);
    await expect(items).toContain('Tabel cadangan: tabel ini tidak dikenal aplikasi ini.');
    await expect(items.some((item) => /^Tabel cases, baris 1, kolom id: kolom wajib ini tidak ada\.$/.test(item ?? ''))).toBe(true);
    await expect(items.some((item) => /^Tabel events, baris 9 \(id .+\), kolom id: pengenal ini sudah dipakai baris 1\.$/.test(item ?? ''))).toBe(true);
    await expect(alert).toHaveTextContent('Data di perangkat ini tidak diubah (kasus 1, peristiwa 2, SOP 1, lampiran 0, draf 0).');
  },
};

/**
 * A device linked to a server, with 3 commands not yet sent and 1 kept for
 * review, restores an office backup that holds none of them: the clerk is told
 * before confirming, the messages count them, and the undo brings them back.
 */
export const UnsentWorkKeptInTheCopy: Story = {
  globals: { locale: 'id' },
  loaders: [async () => ({ db: (await populatedOffice('story-linked', undefined, { linked: true })).db })],
  play: async ({ canvas, loaded }) => {
    await userEvent.click(await canvas.findByText('Cadangan data'));
    await userEvent.upload(canvas.getByLabelText('Pulihkan dari cadangan (menggantikan data di perangkat ini)'), backupFile(loaded['backup']));
    const confirm = await canvas.findByRole('group', { name: 'Periksa sebelum memulihkan' });
    await expect(within(confirm).getByRole('row', { name: 'Perintah belum terkirim 3 0' })).toBeVisible();
    await expect(within(confirm).getByRole('row', { name: 'Perlu tinjauan 1 0' })).toBeVisible();
    await expect(within(confirm).getByText(/^Perhatian:/)).toHaveTextContent(
      'Perhatian: pemulihan ini menghilangkan dari perangkat ini 3 perintah yang belum terkirim ke server dan 1 perintah yang perlu tinjauan',
    );
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ganti data dengan cadangan ini' }));
    await expect(await canvas.findByText(/^Cadangan dipulihkan\./)).toHaveTextContent(
      'Cadangan dipulihkan. Sekarang: kasus 3, peristiwa 8, SOP 1, lampiran 0, draf 0. Sebelumnya: kasus 2, peristiwa 6, SOP 1, lampiran 1, draf 1, perintah belum terkirim 3, perlu tinjauan 1; salinannya disimpan.',
    );
    await expect(await canvas.findByText(/^Salinan dari/)).toHaveTextContent(/kasus 2, peristiwa 6, SOP 1, lampiran 1, draf 1, perintah belum terkirim 3, perlu tinjauan 1\.$/);

    await userEvent.click(await canvas.findByRole('button', { name: 'Kembalikan data sebelum pemulihan' }));
    await expect(await canvas.findByText(/^Data sebelum pemulihan dikembalikan\./)).toHaveTextContent(
      'Sekarang: kasus 2, peristiwa 6, SOP 1, lampiran 1, draf 1, perintah belum terkirim 3, perlu tinjauan 1.',
    );
  },
};
