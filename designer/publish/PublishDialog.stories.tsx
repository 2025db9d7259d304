import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import '../designer.css';
import type { Persistence } from '../editor/usePersistence';
import type { SopRepository } from '../storage';
import { blankSop } from '../library/newSop';
import { sampleDoc } from '../stories/storySupport';
import { EditorFixture, withEditor } from '../stories/storySupport';
import { PublishDialog } from './PublishDialog';
import { conflictStatus, drafterSession, publisherSession, withDesignerServer } from '../server/storyServer';

const persistence: Persistence = {
  flush: async () => {},
  reloadFromStorage: async () => {},
  keepMine: async () => {},
  retry: async () => {},
  publish: fn(async () => ({})),
};

const meta = {
  title: 'Designer/Publish/PublishDialog',
  component: PublishDialog,
  args: { open: true, repository: {} as SopRepository, persistence, onClose: fn() },
} satisfies Meta<typeof PublishDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  decorators: [withEditor('bwi-spm-online')],
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: 'Terbitkan revisi 2' })).toBeVisible();
    const publish = canvas.getByRole('button', { name: 'Terbitkan revisi 2' });
    await expect(publish).toBeDisabled();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Catatan perubahan' }), 'Waktu langkah 3 diperbarui');
    await userEvent.click(publish);
    await expect(args.persistence.publish).toHaveBeenCalledWith(
      expect.objectContaining({ number: 2, note: 'Waktu langkah 3 diperbarui' }),
      expect.objectContaining({ revision: expect.objectContaining({ number: 2, status: 'draft' }) }),
      { queueForServer: false },
    );
  },
};

export const WarningsNeedConfirmation: Story = {
  globals: { locale: 'id' },
  // lmj-01 lacks its approver: publishing is allowed, but only knowingly. It has no Tanggal Pengesahan row
  // (it dates itself by Tanggal Efektif), which is its choice, not a warning.
  decorators: [withEditor('lmj-01-ugb')],
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByText(/2 peringatan untuk penerbitan/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: /Nama pengesah belum diisi/ })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /Tanggal Pengesahan belum diisi/ })).toBeNull();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Catatan perubahan' }), 'Terbitan pertama');
    const publish = canvas.getByRole('button', { name: 'Terbitkan revisi 1 meski ada peringatan' });
    await expect(publish).toBeDisabled();
    await userEvent.click(canvas.getByRole('checkbox', { name: /Saya sudah memeriksa 2 peringatan/ }));
    await expect(publish).toBeEnabled();
    await userEvent.click(publish);
    await expect(args.persistence.publish).toHaveBeenCalledWith(expect.objectContaining({ number: 1 }), expect.anything(), { queueForServer: false });
  },
};

export const WarningLinksToItsField: Story = {
  globals: { locale: 'en' },
  decorators: [withEditor('lmj-01-ugb')],
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /Approver's name is empty/ }));
    await expect(args.onClose).toHaveBeenCalled();
    await expect(args.persistence.publish).not.toHaveBeenCalled();
  },
};

export const BlockedInEnglish: Story = {
  globals: { locale: 'en' },
  // A blank SOP (no steps yet) cannot be published: the dialog lists why, and nothing is stored.
  decorators: [
    (Story) => (
      <EditorFixture doc={blankSop('baru', 'SOP baru')}>
        <Story />
      </EditorFixture>
    ),
  ],
  play: async ({ canvas, args }) => {
    // Errors show as soon as the dialog opens, and publishing stays impossible.
    await expect(await canvas.findByText(/Cannot publish yet/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Publish revision 1' })).toBeDisabled();
    await expect(canvas.queryByRole('textbox', { name: 'Change note' })).toBeNull();
    await expect(args.persistence.publish).not.toHaveBeenCalled();
  },
};

/** A publisher is signed in: the dialog says the revision goes to the server too, and it is queued with it. */
export const SignedInPublisherSends: Story = {
  globals: { locale: 'id' },
  decorators: [withDesignerServer(publisherSession), withEditor('bwi-spm-online')],
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByTestId('publish-server')).toHaveTextContent('revisi juga dikirim ke server atas nama Sari Wulandari');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Catatan perubahan' }), 'Revisi untuk server');
    await userEvent.click(canvas.getByRole('button', { name: 'Terbitkan revisi 2' }));
    await expect(args.persistence.publish).toHaveBeenCalledWith(expect.objectContaining({ number: 2 }), expect.anything(), { queueForServer: true });
  },
};

/** Signed in without the publisher role: the dialog says before publishing why it stays on this device. */
export const SignedInWithoutPublisherRoleEnglish: Story = {
  globals: { locale: 'en' },
  decorators: [withDesignerServer(drafterSession), withEditor('bwi-spm-online')],
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByTestId('publish-server')).toHaveTextContent('published on this device only: the account Dodi Penyusun does not have the publisher role');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Change note' }), 'Local only');
    await userEvent.click(canvas.getByRole('button', { name: 'Publish revision 2' }));
    await expect(args.persistence.publish).toHaveBeenCalledWith(expect.anything(), expect.anything(), { queueForServer: false });
  },
};

export const NotSignedIn: Story = {
  globals: { locale: 'id' },
  decorators: [withDesignerServer(null), withEditor('bwi-spm-online')],
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('publish-server')).toHaveTextContent('Anda belum masuk ke server');
  },
};

/** The server already holds revision 2 with other content: published here, and the refusal is kept for Riwayat revisi. */
export const ServerConflict: Story = {
  globals: { locale: 'en' },
  decorators: [withDesignerServer(publisherSession, conflictStatus), withEditor('bwi-spm-online')],
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Change note' }), 'Conflicting');
    await userEvent.click(canvas.getByRole('button', { name: 'Publish revision 2' }));
    await expect(args.persistence.publish).toHaveBeenCalledWith(expect.anything(), expect.anything(), { queueForServer: true });
    await expect(args.onClose).toHaveBeenCalled();
  },
};

/** An evaluation's notes still open on the draft: publishing says so, asks for the check, and publishes none of them. */
export const OpenReviewNotes: Story = {
  globals: { locale: 'id' },
  decorators: [
    withEditor(() => {
      const doc = sampleDoc('bwi-spm-online');
      const [first, second] = doc.flows[0]!.steps;
      first!.reviewNotes = [{ id: 'rn1', text: 'Langkah ini melebihi Waktu pada 62% kasus', resolved: true }];
      second!.reviewNotes = [{ id: 'rn2', text: 'Sering dikembalikan' }, { id: 'rn3', text: 'Antrean panjang' }];
      return doc;
    }),
  ],
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('button', { name: /2 catatan tinjauan belum ditandai selesai/ })).toBeVisible();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Catatan perubahan' }), 'Tindak lanjut evaluasi');
    await userEvent.click(canvas.getByRole('checkbox', { name: /Saya sudah memeriksa/ }));
    await userEvent.click(canvas.getByRole('button', { name: /Terbitkan revisi 2/ }));
    const [published, nextDraft] = (args.persistence.publish as ReturnType<typeof fn>).mock.lastCall as [{ doc: unknown }, { flows: { steps: { reviewNotes?: unknown[] }[] }[] }];
    await expect(published.doc).toMatchObject({ revision: { number: 2, status: 'published' } });
    await expect(JSON.stringify(published.doc)).not.toContain('Antrean panjang');
    await expect(nextDraft.flows[0]!.steps[1]!.reviewNotes).toHaveLength(2);
    await expect(nextDraft.flows[0]!.steps[0]!.reviewNotes).toBeUndefined();
  },
};
