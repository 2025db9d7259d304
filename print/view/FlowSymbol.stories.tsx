import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { symbolSizes } from '../../core/notation';
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
    await expect(canvasElement.querySelectorAll('svg.flow-symbol')).toHaveLength(5);
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

/** Each kind at its printed size from the registry: terminator 60×27 pt, diamond 55×55 pt. */
export const PrintedSizes: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
      {(['start', 'process', 'decision', 'connector', 'end'] as const).map((kind) => (
        <SymbolPreview key={kind} kind={kind} label={kind} letter="B" />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const px = symbolSizes(1);
    const size = (kind: string) => {
      const svg = canvasElement.querySelector(`svg.symbol--${kind}`)!;
      return { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };
    };
    await expect(size('start')).toEqual(px.start);
    await expect(size('decision')).toEqual(px.decision);
    await expect(size('decision').width).toBe(size('decision').height);
  },
};

/** The black-and-white preset: white symbols with black outlines, for photocopies. */
export const BlackAndWhite: Story = {
  globals: { locale: 'id' },
  args: { preset: 'hitam-putih' },
  play: async ({ canvasElement }) => {
    for (const shape of canvasElement.querySelectorAll('.symbol__shape')) {
      await expect(shape.getAttribute('fill')).toBe('#ffffff');
      await expect(shape.getAttribute('stroke')).toBe('#000000');
    }
  },
};
