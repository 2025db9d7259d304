import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
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

export const FitShowsTheWholeTable: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Fit the whole diagram' }));
    const region = canvasElement.querySelector('.canvas-view')!.getBoundingClientRect();
    await waitFor(() => {
      const table = canvasElement.querySelector('.swimlane-table')!.getBoundingClientRect();
      expect(table.top).toBeGreaterThanOrEqual(region.top - 0.5);
      expect(table.left).toBeGreaterThanOrEqual(region.left - 0.5);
      expect(table.bottom).toBeLessThanOrEqual(region.bottom + 0.5);
      expect(table.right).toBeLessThanOrEqual(region.right + 0.5);
    });
  },
};

export const WheelScrollsCtrlWheelZooms: Story = {
  globals: { locale: 'id' },
  play: async ({ canvasElement }) => {
    const layer = () => new DOMMatrixReadOnly(getComputedStyle(canvasElement.querySelector('.react-flow__viewport')!).transform);
    const pane = canvasElement.querySelector('.react-flow__pane')!;
    const before = layer();
    pane.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: 80 }));
    await waitFor(() => expect(layer().f).toBeCloseTo(before.f - 80, 0));
    await expect(layer().a).toBeCloseTo(before.a, 5);
    pane.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -100, ctrlKey: true }));
    await waitFor(() => expect(layer().a).toBeGreaterThan(before.a));
  },
};
