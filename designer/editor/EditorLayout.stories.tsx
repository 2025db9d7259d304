import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import '../designer.css';
import { sampleDoc, storyPersistence, storyRepository, withEditor } from '../stories/storySupport';
import { EditorLayout } from './EditorLayout';

const SAMPLE = 'bwi-spm-online';

/** The whole editor around one SOP: toolbar, flow tabs, canvas, side panel and problems panel. */
function EditorDemo({ onClose }: { onClose: () => void }) {
  const [repository] = useState(() => storyRepository('editor-layout', [sampleDoc(SAMPLE)]));
  return (
    <div style={{ height: 760, display: 'flex', flexDirection: 'column' }}>
      <EditorLayout repository={repository} persistence={storyPersistence()} onClose={onClose} />
    </div>
  );
}

const meta = {
  title: 'Designer/Editor/EditorLayout',
  component: EditorDemo,
  args: { onClose: fn() },
  decorators: [withEditor(SAMPLE, { selection: { kind: 'steps', flowId: 'main', ids: ['s2'] } })],
} satisfies Meta<typeof EditorDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Alat penyuntingan SOP' })).toBeVisible();
    await expect(canvas.getByRole('region', { name: 'Kanvas diagram alir' })).toBeVisible();
    await waitFor(() => expect(canvasElement.querySelectorAll('.react-flow__node').length).toBeGreaterThanOrEqual(10));
    // The selected step is in the properties panel; the problems panel carries the computed total.
    await expect(canvas.getByRole('heading', { name: /^Langkah 2 · / })).toBeVisible();
    await expect(canvas.getByText(/^Jumlah waktu \(dihitung\):/)).toBeVisible();
    // An edit in the panel shows on the canvas at once, and can be undone.
    const kegiatan = canvas.getByRole('textbox', { name: 'Kegiatan' });
    await userEvent.type(kegiatan, ' (diperiksa ulang)');
    await waitFor(() => expect(canvasElement.querySelector('.react-flow__node[data-id="s2#0"]')?.getAttribute('aria-label')).toMatch(/\(diperiksa ulang\)$/));
    await userEvent.click(canvas.getByRole('button', { name: 'Urungkan' }));
    await expect(kegiatan).not.toHaveValue(expect.stringContaining('(diperiksa ulang)'));
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('region', { name: 'Flowchart canvas' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: /^Step 2 · / })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Table' }));
    await expect(canvas.getByRole('grid')).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'URAIAN KEGIATAN' })).toBeVisible();
  },
};
