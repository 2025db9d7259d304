import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect } from 'storybook/test';
import type { SopDocument } from '../../schemas/generated/sop.types';
import '../designer.css';
import { sampleDoc, storyRepository, withEditor } from '../stories/storySupport';
import { RevisionHistory } from './RevisionHistory';

const SAMPLE = 'bwi-spm-online';

/** The draft after revision 1 was published: step 3 reworded. */
function editedDraft(): SopDocument {
  const doc = sampleDoc(SAMPLE);
  const flow = doc.flows[0]!;
  flow.steps[2] = { ...flow.steps[2]!, text: `${flow.steps[2]!.text} (diperbarui)` };
  doc.revision = { number: 1, status: 'draft' };
  return doc;
}

/** Revision history over a fresh database holding the sample's published revision 1. */
function HistoryDemo() {
  const [repository] = useState(() => storyRepository('revision-history', [sampleDoc(SAMPLE)]));
  return (
    <div style={{ padding: 16, maxWidth: 560 }}>
      <RevisionHistory repository={repository} />
    </div>
  );
}

const meta = {
  title: 'Designer/Publish/RevisionHistory',
  component: HistoryDemo,
  decorators: [withEditor(editedDraft)],
} satisfies Meta<typeof HistoryDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: 'Riwayat revisi' })).toBeVisible();
    await expect(await canvas.findByText('Revisi 1', { selector: 'strong' })).toBeVisible();
    // Revision 1 against the draft: the reworded step.
    await expect(canvas.getByRole('combobox', { name: 'Dari' })).toHaveValue('1');
    await expect(canvas.getByRole('combobox', { name: 'Dengan' })).toHaveValue('draft');
    await expect(await canvas.findByText(/^Langkah diubah: 3\. .*\(diperbarui\)/)).toBeVisible();
    // The same revision on both sides: nothing changed.
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Dengan' }), '1');
    await expect(await canvas.findByText('Tidak ada perubahan isi.')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Revision history' })).toBeVisible();
    await expect(await canvas.findByRole('combobox', { name: 'With' })).toHaveDisplayValue('Current draft');
    await expect(await canvas.findByText(/^Step changed: 3\./)).toBeVisible();
  },
};

export const ArchiveAfterConfirming: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByText('berlaku untuk kasus baru')).toBeVisible();
    await expect(canvas.getByRole('button', { name: /Ekspor berkas revisi 1/ })).toBeEnabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Arsipkan revisi 1' }));
    // Nothing changes until the drafter says yes.
    const confirm = canvas.getByRole('alertdialog', { name: 'Arsipkan revisi 1' });
    await expect(confirm).toHaveTextContent(/Kasus yang sedang berjalan pada revisi ini tetap berjalan/);
    await userEvent.click(canvas.getByRole('button', { name: 'Ya, arsipkan revisi 1' }));
    await expect(await canvas.findByText('diarsipkan')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Aktifkan lagi revisi 1' }));
    await expect(await canvas.findByText('berlaku untuk kasus baru')).toBeVisible();
  },
};

/** A draft that follows up an SOP evaluation: the next revision's note links the evaluation in the runtime. */
export const FollowsUpAnEvaluation: Story = {
  globals: { locale: 'id' },
  decorators: [
    withEditor(() => {
      const doc = editedDraft();
      doc.revision.changeNotes = [
        { revision: 2, date: '2026-07-04', note: 'Tindak lanjut Evaluasi SOP Penerbitan SPM, Januari–Juni 2026.', evaluation: { id: 'eval-2026-1', title: 'Evaluasi SOP Penerbitan SPM, Januari–Juni 2026', url: 'https://sop.example.go.id/runtime/#/monev/evaluasi/eval-2026-1' } },
      ];
      return doc;
    }),
  ],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Catatan untuk revisi 2 (draf)' })).toBeVisible();
    await expect(canvas.getByText('Tindak lanjut Evaluasi SOP Penerbitan SPM, Januari–Juni 2026.')).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Evaluasi SOP Penerbitan SPM, Januari–Juni 2026' })).toHaveAttribute('href', 'https://sop.example.go.id/runtime/#/monev/evaluasi/eval-2026-1');
    await expect(await canvas.findByText('Revisi 1', { selector: 'strong' })).toBeVisible();
  },
};
