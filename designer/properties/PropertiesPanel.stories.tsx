import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import type { EditorStore } from '../editor/editorStore';
import { miniDoc, withEditor } from '../stories/storySupport';
import { PropertiesPanel } from './PropertiesPanel';

let store: EditorStore | undefined;

/** What the panel shows for each selection (one step is in StepProperties' stories): several steps, an arrow, nothing. */
const meta = {
  title: 'Designer/Properties/PropertiesPanel',
  component: PropertiesPanel,
  decorators: [withEditor(miniDoc, { selection: { kind: 'steps', flowId: 'main', ids: ['s4', 's5'] } }, (created) => (store = created))],
} satisfies Meta<typeof PropertiesPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: '2 langkah dipilih' })).toBeVisible();
    await expect(canvas.getByText(/Salin \(Ctrl\+C\)/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus 2 langkah' }));
    await expect(store!.doc.flows[0]!.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's6']);
    // Nothing is selected any more: the panel lists the keyboard shortcuts.
    await expect(await canvas.findByRole('heading', { name: 'Belum ada yang dipilih' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  decorators: [withEditor(miniDoc, { selection: { kind: 'edge', flowId: 'main', id: 'e3' } })],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Arrow' })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Branch label' })).toHaveValue('Ya');
    await expect(canvas.getByRole('button', { name: 'Delete this arrow' })).toBeVisible();
  },
};
