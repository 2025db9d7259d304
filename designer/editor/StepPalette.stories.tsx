import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import type { EditorStore } from './editorStore';
import { miniDoc, withEditor } from '../stories/storySupport';
import { StepPalette } from './StepPalette';

let store: EditorStore | undefined;

/** One button per symbol: adds a step of that kind after the selected one. */
const meta = {
  title: 'Designer/Editor/StepPalette',
  component: StepPalette,
  decorators: [withEditor(miniDoc, { selection: { kind: 'steps', flowId: 'main', ids: ['s2'] } }, (created) => (store = created))],
} satisfies Meta<typeof StepPalette>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Tambah langkah' })).toBeVisible();
    const decision = canvas.getByRole('button', { name: 'Keputusan' });
    await expect(decision).toHaveAttribute('title', 'Tambah langkah Keputusan sesudah langkah terpilih');
    await userEvent.click(decision);
    // The new decision comes right after step 2, and is selected.
    const steps = store!.doc.flows[0]!.steps;
    await expect(steps).toHaveLength(7);
    await expect(steps[2]!.kind).toBe('decision');
    await expect(store!.selectedStepIds).toEqual([steps[2]!.id]);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    for (const kind of ['Process', 'Decision', 'Start', 'End', 'Connector']) await expect(canvas.getByRole('button', { name: kind })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Process' })).toHaveAttribute('aria-keyshortcuts', 'Control+Enter');
  },
};
