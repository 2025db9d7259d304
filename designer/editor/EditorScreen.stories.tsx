import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import '../designer.css';
import { sampleDoc, storyRepository } from '../stories/storySupport';
import { EditorScreen } from './EditorScreen';
import { command } from '../../core/document';

const SAMPLE = 'oku-01-sktm';

/** Opens an SOP from this browser's storage (a fresh database holding one sample), where the session left off. */
function EditorScreenDemo({ sopId, onSessionChange, onClose }: { sopId: string; onSessionChange: () => void; onClose: () => void }) {
  const [repository] = useState(() => storyRepository('editor-screen', [sampleDoc(SAMPLE)]));
  return (
    <div style={{ height: 720, display: 'flex', flexDirection: 'column' }}>
      <EditorScreen repository={repository} session={{ screen: 'editor', sopId, view: 'table', panel: 'lanes' }} onSessionChange={onSessionChange} onClose={onClose} />
    </div>
  );
}

const meta = {
  title: 'Designer/Editor/EditorScreen',
  component: EditorScreenDemo,
  args: { sopId: SAMPLE, onSessionChange: fn(), onClose: fn() },
} satisfies Meta<typeof EditorScreenDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    const title = sampleDoc(SAMPLE).identity.title;
    await expect(await canvas.findByRole('heading', { name: title })).toBeVisible();
    // Back where the session was: the table view and the lanes panel.
    await expect(canvas.getByRole('button', { name: 'Tabel' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('grid')).toBeVisible();
    await expect(canvas.getByRole('tab', { name: 'Pelaksana' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(args.onSessionChange).toHaveBeenCalledWith(expect.objectContaining({ screen: 'editor', sopId: SAMPLE, view: 'table', panel: 'lanes' })));
  },
};

/** An SOP that is no longer in this browser: said plainly, with the way back. */
export const MissingInEnglish: Story = {
  globals: { locale: 'en' },
  args: { sopId: 'no-such-sop' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This SOP was not found in this browser');
    await userEvent.click(canvas.getByRole('button', { name: 'Back to the SOP library' }));
    await expect(args.onClose).toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('tab', { name: 'Actors' })).toHaveAttribute('aria-selected', 'true');
  },
};

/** Opened from an SOP evaluation: the notes are attached once the editor is up, as one undoable edit, and the drafter is told. */
function EvaluationOpeningDemo({ onSessionChange, onClose }: { onSessionChange: () => void; onClose: () => void }) {
  const [repository] = useState(() => storyRepository('editor-screen-evaluation', [sampleDoc(SAMPLE)]));
  const firstStep = sampleDoc(SAMPLE).flows[0]!.steps[0]!.id;
  return (
    <div style={{ height: 720, display: 'flex', flexDirection: 'column' }}>
      <EditorScreen
        repository={repository}
        session={{ screen: 'editor', sopId: SAMPLE, view: 'canvas', panel: 'properties' }}
        onSessionChange={onSessionChange}
        onClose={onClose}
        openingAction={(store) => {
          store.run(command('evaluationNotes.attach', { evaluation: { id: 'e1', title: 'Evaluasi SKTM 2026' }, notes: [{ stepId: firstStep, text: 'Terlalu lama' }] }), { select: false });
          store.notify({ id: 'Catatan dari "Evaluasi SKTM 2026" ditambahkan.', en: 'Notes from "Evaluasi SKTM 2026" were added.' });
        }}
      />
    </div>
  );
}

export const OpenedFromAnEvaluation: StoryObj<typeof EvaluationOpeningDemo> = {
  globals: { locale: 'id' },
  render: (args) => <EvaluationOpeningDemo {...args} />,
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('Catatan dari "Evaluasi SKTM 2026" ditambahkan.')).toBeVisible();
    await waitFor(() => expect([...canvasElement.querySelectorAll('[data-testid="review-note-badge"]')].map((b) => b.textContent)).toEqual(['1']));
    await expect(canvas.getByRole('button', { name: /^Urungkan$/ })).toBeEnabled();
  },
};
