import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { CanvasPieces } from '../stories/canvasDemo';
import { miniDoc, withEvaluationNotes } from '../stories/storySupport';

/** Every symbol as the canvas draws it: terminators, process, decision, a chain of two actors, a connector, an exit marker. */
const meta = {
  title: 'Designer/Canvas/StepNode',
  component: CanvasPieces,
  args: { doc: miniDoc(), selected: ['s3'] },
} satisfies Meta<typeof CanvasPieces>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('group', { name: 'Langkah 3, Keputusan: Berkas lengkap?' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Langkah 1, Mulai: Pemohon datang membawa berkas' })).toBeVisible();
    // Step 4 has two actors: a chain of two symbols in its row.
    await expect(canvas.getAllByRole('group', { name: /^Langkah 4, Proses/ })).toHaveLength(2);
    // The selected decision is highlighted; the connector carries its letter; the exit says where the case goes.
    await expect(canvasElement.querySelector('.step-node--decision')).toHaveClass('step-node--selected');
    await expect(canvasElement.querySelector('.step-node--connector text')).toHaveTextContent('A');
    await expect(canvas.getByRole('group', { name: 'Keluar dari SOP ke Dinas Kesehatan' })).toBeVisible();
    await expect(canvas.getByText('Dinas Kesehatan')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Step 3, Decision: Berkas lengkap?' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Step 6, End: Surat diserahkan kepada pemohon' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Leaves the SOP to Dinas Kesehatan' })).toBeVisible();
  },
};

/** Open review notes (from an SOP evaluation) show as a count on the step's first symbol; done ones are not counted. */
export const WithReviewNotes: Story = {
  globals: { locale: 'id' },
  args: {
    doc: (() => {
      const doc = withEvaluationNotes(miniDoc(), [
        { stepId: 's4', text: 'Melebihi Waktu pada 62% kasus' },
        { stepId: 's4', text: 'Antrean panjang' },
        { stepId: 's2', text: 'Sudah diperbaiki' },
      ]);
      doc.flows[0]!.steps.find((s) => s.id === 's2')!.reviewNotes![0]!.resolved = true;
      return doc;
    })(),
    selected: [],
  },
  play: async ({ canvas, canvasElement }) => {
    // Step 4 is a chain of two symbols: one badge, on the first.
    await expect(canvas.getByRole('group', { name: /^Langkah 4, Proses: .*, 2 catatan tinjauan terbuka$/ })).toBeVisible();
    const badges = [...canvasElement.querySelectorAll('[data-testid="review-note-badge"]')].map((b) => b.textContent);
    await expect(badges).toEqual(['2']);
    await expect(canvas.getByRole('group', { name: /^Langkah 2, / }).getAttribute('aria-label')).not.toMatch(/catatan tinjauan/);
  },
};
