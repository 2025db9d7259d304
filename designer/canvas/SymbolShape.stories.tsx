import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { NodeKind } from '../../core/layout';
import { useT } from '../../ui/i18n';
import '../designer.css';
import { SymbolShape } from './SymbolShape';

const KINDS: NodeKind[] = ['start', 'process', 'decision', 'connector', 'end', 'exit'];

/** Every Permenpan symbol with its name in the interface language. */
function SymbolLegend() {
  const t = useT();
  return (
    <ul className="symbol-legend" aria-label="legend">
      {KINDS.map((kind) => (
        <li key={kind} className={`step-node step-node--${kind}`} style={{ width: 120, height: 60, listStyle: 'none', display: 'inline-block' }}>
          <SymbolShape kind={kind} width={54} height={33} letter={kind === 'connector' ? 'A' : undefined} />
          <span>{t(`designer.kind.${kind}`)}</span>
        </li>
      ))}
    </ul>
  );
}

const meta = {
  title: 'Designer/Canvas/Symbols',
  component: SymbolLegend,
  parameters: { layout: 'centered' },
} satisfies Meta<typeof SymbolLegend>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelectorAll('svg.symbol')).toHaveLength(6);
    await expect(canvasElement.querySelector('.symbol--decision polygon')).not.toBeNull();
    await expect(canvasElement.querySelector('.symbol--start rect')?.getAttribute('rx')).not.toBe('0');
    await expect(canvas.getByText('Keputusan')).toBeVisible();
    await expect(canvas.getByText('A')).toBeInTheDocument();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Decision')).toBeVisible();
    await expect(canvas.getByText('Leaves the SOP')).toBeVisible();
  },
};
