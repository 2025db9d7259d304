import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { validateSop } from '../../core/validation';
import '../designer.css';
import { useEditorSnapshot } from '../editor/EditorContext';
import { withEditor } from '../stories/storySupport';
import { CanvasView } from './CanvasView';

/** The canvas of the editor's current flow, as the editor shows it. */
function CurrentCanvas() {
  const { doc, ui } = useEditorSnapshot();
  const flow = doc.flows.find((f) => f.id === ui.flowId)!;
  return (
    <div style={{ height: 640, display: 'flex' }}>
      <CanvasView doc={doc} flow={flow} diagnostics={validateSop(doc).diagnostics} />
    </div>
  );
}

const meta = {
  title: 'Designer/Canvas/CanvasView',
  component: CurrentCanvas,
  decorators: [withEditor('lmj-07-rekom-keringanan-biaya-rs')],
} satisfies Meta<typeof CurrentCanvas>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('region', { name: 'Kanvas diagram alir' })).toBeVisible();
    // Lanes in the header, the Mutu Baku columns beside the flow.
    await expect(canvas.getByText('Pengelola')).toBeVisible();
    await expect(canvas.getByText('Mutu Baku')).toBeVisible();
    // Nine steps; steps with several actors are chains of symbols.
    await expect(canvasElement.querySelectorAll('.react-flow__node').length).toBeGreaterThan(9);
    // The Tidak branch loops back in the side channel, labelled at the diamond.
    await expect(canvasElement.querySelector('.route-edge--back')).not.toBeNull();
    await expect(canvas.getByText('Tidak')).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Perbesar' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Flowchart canvas' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Fit the whole diagram' })).toBeVisible();
  },
};

export const KeyboardSelection: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent, canvasElement }) => {
    const region = canvas.getByRole('region', { name: 'Kanvas diagram alir' });
    region.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(canvasElement.querySelectorAll('.step-node--selected')).toHaveLength(1);
    await expect(canvas.getByText(/^Langkah 2 dipilih:/)).toBeInTheDocument();
  },
};
