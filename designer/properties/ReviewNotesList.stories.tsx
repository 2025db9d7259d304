import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import '../designer.css';
import { useEditorSnapshot } from '../editor/EditorContext';
import type { EditorStore } from '../editor/editorStore';
import { miniDoc, withEditor, withEvaluationNotes } from '../stories/storySupport';
import { ReviewNotesList } from './ReviewNotesList';

let store: EditorStore | undefined;
const notes = () => store!.doc.flows[0]!.steps.find((s) => s.id === 's2')!.reviewNotes;

/** Step 2 with two notes from an evaluation, one of them written with markup that must stay letters. */
const notedDoc = () =>
  withEvaluationNotes(miniDoc(), [
    { stepId: 's2', text: 'Langkah 2 melebihi Waktu pada 62% kasus; pertimbangkan 30 menit' },
    { stepId: 's2', text: '<img src=x onerror=alert(1)> Berkas sering kurang' },
  ]);

function Step2Notes() {
  const flow = useEditorSnapshot().doc.flows[0]!;
  return <ReviewNotesList flow={flow} step={flow.steps.find((s) => s.id === 's2')!} />;
}

const meta = {
  title: 'Designer/Properties/ReviewNotesList',
  component: Step2Notes,
  decorators: [withEditor(notedDoc, undefined, (created) => (store = created))],
} satisfies Meta<typeof Step2Notes>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Mark one done (it stays, dimmed, and can be reopened), undo, remove the other. */
export const ResolveAndRemove: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: /Catatan tinjauan \(2 terbuka dari 2\)/ })).toBeVisible();
    await expect(canvas.getByText('Evaluasi SOP Penerbitan SPM, Januari–Juni 2026')).toBeVisible();
    // Text as text: the markup is shown, never run.
    await expect(canvas.getByText('<img src=x onerror=alert(1)> Berkas sering kurang')).toBeVisible();
    await expect(canvasElement.querySelector('.review-notes img')).toBeNull();

    await userEvent.click(canvas.getByRole('button', { name: /^Tandai selesai catatan 1:/ }));
    await waitFor(() => expect(notes()?.[0]?.resolved).toBe(true));
    await expect(canvas.getByText('(1 terbuka dari 2)')).toBeVisible();
    await expect(canvas.getByRole('button', { name: /^Buka lagi catatan 1:/ })).toBeVisible();
    store!.undo();
    await waitFor(() => expect(canvas.getByText('(2 terbuka dari 2)')).toBeVisible());

    await userEvent.click(canvas.getByRole('button', { name: /^Hapus catatan 2:/ }));
    await waitFor(() => expect(notes()?.map((n) => n.text)).toEqual(['Langkah 2 melebihi Waktu pada 62% kasus; pertimbangkan 30 menit']));
    await userEvent.click(canvas.getByRole('button', { name: /^Hapus catatan 1:/ }));
    // The last one gone, the list goes too.
    await waitFor(() => expect(canvas.queryByRole('heading', { name: /Catatan tinjauan/ })).toBeNull());
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: /Review notes \(2 open of 2\)/ })).toBeVisible();
    await expect(canvas.getByText(/From evaluation:/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: /^Mark note 1 done:/ })).toBeVisible();
    await expect(canvas.getByRole('button', { name: /^Remove note 2:/ })).toBeVisible();
  },
};
