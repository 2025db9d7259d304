import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { DeviceDb, type ImportRevisionResult } from '../../device';
import { ImportRevisionPanel } from './ImportRevisionPanel';

const refused: ImportRevisionResult = {
  ok: false,
  diagnostics: [
    {
      ruleId: 'revision.not-published',
      severity: 'error',
      pointer: '/revision/status',
      message: { id: 'Berkas ini draf, bukan revisi yang diterbitkan.', en: 'This file is a draft, not a published revision.' },
    },
  ],
};

const meta = {
  title: 'Runtime/Catalogue/ImportRevisionPanel',
  component: ImportRevisionPanel,
  args: { device: new DeviceDb('story-import-unused'), importText: fn(async () => refused) },
} satisfies Meta<typeof ImportRevisionPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

const file = (text: string) => new File([text], 'lmj-06-rev1.sop.json', { type: 'application/json' });

export const RefusedIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText('Pilih berkas revisi (.sop.json)'), file('{}'));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Berkas "lmj-06-rev1.sop.json" ditolak; katalog tidak diubah:');
    await expect(alert).toHaveTextContent('Berkas ini draf, bukan revisi yang diterbitkan. /revision/status');
  },
};

export const AddedEnglish: Story = {
  globals: { locale: 'en' },
  args: {
    importText: fn(async (): Promise<ImportRevisionResult> => ({
      ok: true,
      status: 'added',
      warnings: [],
      revision: { key: 'lmj-06-tetirah@1', schemaVersion: 1, sopId: 'lmj-06-tetirah', revision: 1, contentHash: 'x', title: 'Tetirah', office: '', number: '', publishedAt: '2026-12-02', source: 'file', storedAt: '' },
    })),
  },
  play: async ({ canvas }) => {
    await userEvent.upload(canvas.getByLabelText('Choose a revision file (.sop.json)'), file('{}'));
    await expect(await canvas.findByRole('status')).toHaveTextContent('"Tetirah" revision 1 added to the catalogue.');
  },
};

/** A 100 MB file is refused unread, by its true size (it used to say "20.0 MB"). */
export const TooLargeIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    const huge = new File([new Uint8Array(100 * 1024 * 1024)], 'besar.sop.json', { type: 'application/json' });
    await userEvent.upload(canvas.getByLabelText('Pilih berkas revisi (.sop.json)'), huge);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Berkas terlalu besar (100.0 MB); batasnya 20.0 MB.');
    await expect(args.importText).not.toHaveBeenCalled();
  },
};

/** 100 000-deep extensions are refused by the same check as every import, with where, and nothing written. */
export const TooDeepEnglish: Story = {
  globals: { locale: 'en' },
  args: { importText: undefined },
  play: async ({ canvas }) => {
    const deep = `{"schemaVersion":1,"extensions":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    await userEvent.upload(canvas.getByLabelText('Choose a revision file (.sop.json)'), file(deep));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('extensions is nested deeper than 64 levels at /extensions/a/a/a/a/a/…');
  },
};
