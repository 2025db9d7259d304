import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SYMBOLS, symbolSizes, type NodeKind } from '../../core/notation';
import { useI18n } from '../../ui/i18n';
import '../designer.css';
import { CANVAS_SYMBOL_SCALE } from './tableGeometry';
import { SymbolShape } from './SymbolShape';

const KINDS: NodeKind[] = ['start', 'process', 'decision', 'connector', 'end', 'exit'];
const SIZES = symbolSizes(CANVAS_SYMBOL_SCALE);

/** Every Permenpan symbol as the canvas draws it (the registry's shape and size), with its name in the interface language. */
function SymbolLegend({ withMarks = false }: { withMarks?: boolean }) {
  const { lang } = useI18n();
  return (
    <ul className="symbol-legend" aria-label="legend">
      {KINDS.map((kind) => (
        <li key={kind} className={`step-node step-node--${kind}`} style={{ width: 120, height: 80, listStyle: 'none', display: 'inline-block' }}>
          <SymbolShape kind={kind} {...SIZES[kind]} letter={kind === 'connector' ? 'A' : undefined} split={withMarks && kind === 'process'} join={withMarks && kind === 'decision'} />
          <span>{SYMBOLS[kind].name[lang]}</span>
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
    // Shapes and sizes come from the registry: the diamond is as tall as it is wide, the terminator a capsule.
    const decision = canvasElement.querySelector('svg.symbol--decision')!;
    await expect(decision.getAttribute('width')).toBe(decision.getAttribute('height'));
    await expect(canvasElement.querySelector('.symbol--start .symbol__shape')?.getAttribute('d')).toContain('A');
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

/** A parallel split (bar under the box) and a join (bar over the diamond's top point). */
export const SplitAndJoin: Story = {
  globals: { locale: 'id' },
  args: { withMarks: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.symbol--process .symbol__mark')).toHaveLength(1);
    await expect(canvasElement.querySelectorAll('.symbol--decision .symbol__mark')).toHaveLength(1);
    await expect(canvasElement.querySelectorAll('.symbol--start .symbol__mark')).toHaveLength(0);
  },
};
