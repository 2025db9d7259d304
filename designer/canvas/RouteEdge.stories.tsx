import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import '../designer.css';
import { CanvasPieces } from '../stories/canvasDemo';
import { miniDoc } from '../stories/storySupport';
import { DASH } from '../../core/notation';
import { inferredLabelsDoc } from '../../print/fixtures/craftedV2';

/** The arrows as the layout routes them: forward, the Tidak loop in the side channel, the chain between two actors, the arrow leaving the SOP. */
const meta = {
  title: 'Designer/Canvas/RouteEdge',
  component: CanvasPieces,
  args: { doc: miniDoc(), selectedEdges: ['e4'] },
} satisfies Meta<typeof CanvasPieces>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    // Arrows are drawn once React Flow has measured the symbols.
    await waitFor(() => expect(canvasElement.querySelectorAll('path.route-edge').length).toBeGreaterThanOrEqual(7));
    // Branch labels stand beside the diamond's exits.
    await expect(canvas.getByText('Ya')).toBeVisible();
    await expect(canvas.getByText('Tidak')).toBeVisible();
    // Every route is orthogonal.
    for (const path of canvasElement.querySelectorAll('path.route-edge')) {
      const points = [...(path.getAttribute('d') ?? '').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      for (let i = 1; i < points.length; i++) {
        await expect(points[i]![0] === points[i - 1]![0] || points[i]![1] === points[i - 1]![1]).toBe(true);
      }
    }
    // The Tidak loop runs back in the side channel and is the selected arrow; the exit arrow is drawn too.
    await expect(canvasElement.querySelector('path.route-edge--back')).toHaveClass('route-edge--selected');
    await expect(canvasElement.querySelector('path.route-edge--leave')).not.toBeNull();
    await expect(canvasElement.querySelector('path.route-edge--chain')).not.toBeNull();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('path.route-edge--back')).not.toBeNull());
    // Labels are the SOP's own words, whatever the interface language.
    await expect(canvas.getByText('Tidak')).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'Step 3, Decision: Berkas lengkap?' })).toBeVisible();
  },
};

/** What the drafter inferred is marked as on paper: a label in brackets, an inferred target dotted, an unknown target at a "?" marker. */
export const Inferred: Story = {
  globals: { locale: 'id' },
  args: { doc: inferredLabelsDoc(), selectedEdges: [] },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('path.route-edge').length).toBeGreaterThanOrEqual(5));
    await expect(canvas.getByText('[Ya]')).toBeVisible();
    await expect(canvas.getByText('[Tidak]')).toBeVisible();
    const dotted = canvasElement.querySelector<SVGPathElement>('path.route-edge--inferred')!;
    await expect(dotted.style.strokeDasharray.replace(/px/g, '').replace(/,/g, '')).toBe(DASH.inferred);
    await expect(canvasElement.querySelector('.step-node--exit')).not.toBeNull();
  },
};
