import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SymbolPreview } from './FlowSymbol';
import { SymbolLegend } from './SymbolLegend';
import './print.css';

const meta = {
  title: 'Print/FlowSymbol',
  component: SymbolLegend,
  parameters: { layout: 'centered' },
} satisfies Meta<typeof SymbolLegend>;

export default meta;
type Story = StoryObj<typeof meta>;

export const LegendIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Simbol diagram alir')).toBeVisible();
    await expect(canvas.getByRole('img', { name: 'Keputusan (belah ketupat): pilihan Ya/Tidak' })).toBeVisible();
    await expect(canvasElement.querySelectorAll('.flow-symbol')).toHaveLength(5);
    // The off-page connector carries its letter.
    await expect(canvasElement.querySelector('[data-kind="connector"] text')).toHaveTextContent('A');
  },
};

export const LegendEnglish: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Flowchart symbols')).toBeVisible();
    await expect(canvas.getByRole('img', { name: 'Off-page connector (pentagon)' })).toBeVisible();
  },
};

/** Every symbol the same size: the Permenpan table draws them small and uniform. */
export const SameSize: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 12 }}>
      {(['start', 'process', 'decision', 'connector', 'end'] as const).map((kind) => (
        <SymbolPreview key={kind} kind={kind} label={kind} letter="B" />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const boxes = Array.from(canvasElement.querySelectorAll('svg.symbol-preview')).map((svg) => `${svg.getAttribute('width')}x${svg.getAttribute('height')}`);
    await expect(new Set(boxes).size).toBe(1);
    await expect(boxes).toHaveLength(5);
  },
};
