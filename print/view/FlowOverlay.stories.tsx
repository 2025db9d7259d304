import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { expect } from 'storybook/test';
import { computeSwimlaneLayout } from '../../core/layout';
import { loadSample } from '../../samples';
import { useT } from '../../ui/i18n';
import { DASH, symbolSizes } from '../../core/notation';
import { inferredLabelsDoc, rejectedEndDoc } from '../fixtures/craftedV2';
import { FlowOverlay } from './FlowOverlay';
import './print.css';

const doc = loadSample('lmj-07-rekom-keringanan-biaya-rs')!;

/** The flowchart the print table lays over its actor columns: arrows, then symbols, then branch labels, at the shared layout's coordinates. */
function OverlayDemo() {
  const t = useT();
  const flow = doc.flows[0]!;
  const layout = useMemo(() => computeSwimlaneLayout(flow, { actors: doc.actors }), [flow]);
  const titles = useMemo(
    () => new Map(layout.nodes.map((node) => [node.id, `${t('print.symbol.process').split(' ')[0]} ${flow.steps.find((s) => s.id === node.stepId)?.number ?? ''}`])),
    [layout, flow, t],
  );
  return (
    <div className="print-document" style={{ padding: 16 }}>
      <FlowOverlay nodes={layout.nodes} edges={layout.edges} width={layout.width} height={layout.height} titles={titles} />
    </div>
  );
}

const meta = {
  title: 'Print/FlowOverlay',
  component: OverlayDemo,
} satisfies Meta<typeof OverlayDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    // One symbol per laned actor of each step: 9 steps, step 6 with three actors and step 7 with two.
    await expect(canvasElement.querySelectorAll('.flow-symbol')).toHaveLength(12);
    await expect(canvasElement.querySelectorAll('.flow-symbol--decision')).toHaveLength(1);
    // The Tidak arrow goes back to step 1; both branches are labelled.
    await expect(canvasElement.querySelector('.flow-edge--back')).not.toBeNull();
    await expect(canvas.getByText('Ya')).toBeVisible();
    await expect(canvas.getByText('Tidak')).toBeVisible();
    // Every arrow ends in an arrowhead, and every symbol says what it is.
    for (const edge of canvasElement.querySelectorAll('.flow-edge')) await expect(edge.getAttribute('marker-end')).toMatch(/^url\(#arrow-/);
    await expect(canvasElement.querySelector('[data-node="s2#0"] title')).toHaveTextContent('Proses 2.');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-node="s2#0"] title')).toHaveTextContent('Process 2.');
    await expect(canvasElement.querySelectorAll('.flow-edge--chain').length).toBeGreaterThan(0);
  },
};

/** Inferred labels in brackets, an illegible one as "?", an inferred target dotted, an unknown target ending at a "?" marker; in black and white. */
export const InferredInBlackAndWhite: Story = {
  globals: { locale: 'id' },
  render: () => <CraftedOverlay />,
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('[Ya]')).toBeVisible();
    await expect(canvas.getByText('[Tidak]')).toBeVisible();
    await expect(canvasElement.querySelector('.flow-edge[data-edge="tidak"]')?.getAttribute('stroke-dasharray')).toBe(DASH.inferred);
    await expect(canvasElement.querySelector('.flow-symbol--exit')).not.toBeNull();
    await expect(canvasElement.querySelector('.flow-overlay')?.getAttribute('data-preset')).toBe('hitam-putih');
  },
};

function CraftedOverlay() {
  const crafted = inferredLabelsDoc();
  const layout = useMemo(() => computeSwimlaneLayout(crafted.flows[0]!, { actors: crafted.actors, symbolSizes: symbolSizes(0.75), laneWidth: 110 }), [crafted]);
  return (
    <div className="print-document" style={{ padding: 16 }}>
      <FlowOverlay nodes={layout.nodes} edges={layout.edges} width={layout.width} height={layout.height} preset="hitam-putih" />
    </div>
  );
}

/** An arrow that leaves the SOP for a body with a long name: its name wraps inside the drawing, never into the Mutu Baku columns. */
export const LongExitTarget: Story = {
  globals: { locale: 'id' },
  render: () => <LongExit />,
  play: async ({ canvasElement }) => {
    const svg = canvasElement.querySelector<SVGSVGElement>('svg.flow-overlay')!;
    const text = canvasElement.querySelector<SVGTextElement>('.flow-exit-text')!;
    await expect(text.querySelectorAll('tspan').length).toBeGreaterThan(1);
    await expect(text.getBBox().x + text.getBBox().width).toBeLessThanOrEqual(svg.width.baseVal.value + 0.5);
  },
};

function LongExit() {
  const crafted = rejectedEndDoc();
  crafted.flows[0]!.edges.push({ id: 'rujuk', from: 's2', leaves: { target: 'Dinas Kesehatan Provinsi Jawa Timur Bidang Pelayanan Kesehatan Rujukan' }, label: 'Dirujuk' });
  const layout = useMemo(() => computeSwimlaneLayout(crafted.flows[0]!, { actors: crafted.actors, symbolSizes: symbolSizes(0.75), laneWidth: 110 }), [crafted]);
  return (
    <div className="print-document" style={{ padding: 16 }}>
      <FlowOverlay nodes={layout.nodes} edges={layout.edges} width={layout.width} height={layout.height} />
    </div>
  );
}
