import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { LEGEND, NOTATION_PRESETS, PRESETS, SYMBOLS, symbolSizes, type NotationPreset } from '../../core/notation';
import { useI18n } from '../i18n';
import { SymbolIcon } from './SymbolGlyph';

/**
 * Every symbol of the step-kind registry in both presets, at three quarters of
 * its printed size: what the canvas, the print and the runtime map draw. The
 * split and join bars are shown on a process box and a diamond.
 */
function Registry({ preset }: { preset: NotationPreset }) {
  const { lang } = useI18n();
  const sizes = symbolSizes(0.75);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, max-content)', gap: 16, alignItems: 'center', padding: 16, fontFamily: 'sans-serif' }}>
      {LEGEND.map((kind) => (
        <figure key={kind} style={{ margin: 0, textAlign: 'center' }} data-figure={kind}>
          <SymbolIcon kind={kind} {...sizes[kind]} preset={preset} label={SYMBOLS[kind].name[lang]} {...(kind === 'connector' ? { letter: 'A' } : {})} />
          <figcaption>{SYMBOLS[kind].name[lang]}</figcaption>
        </figure>
      ))}
      <figure style={{ margin: 0, textAlign: 'center' }} data-figure="split">
        <SymbolIcon kind="process" {...sizes.process} preset={preset} split label={lang === 'id' ? 'Percabangan paralel' : 'Parallel split'} />
        <figcaption>{lang === 'id' ? 'Percabangan paralel' : 'Parallel split'}</figcaption>
      </figure>
      <figure style={{ margin: 0, textAlign: 'center' }} data-figure="join">
        <SymbolIcon kind="decision" {...sizes.decision} preset={preset} join label={lang === 'id' ? 'Penggabungan' : 'Join'} />
        <figcaption>{lang === 'id' ? 'Penggabungan' : 'Join'}</figcaption>
      </figure>
    </div>
  );
}

const meta = {
  title: 'UI/Notation/SymbolGlyph',
  component: Registry,
  args: { preset: 'standar' },
  argTypes: { preset: { control: 'select', options: NOTATION_PRESETS } },
} satisfies Meta<typeof Registry>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Standar: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('img', { name: 'Keputusan' })).toBeVisible();
    await expect(canvas.getByRole('img', { name: 'Keluar SOP' })).toBeVisible();
    // Filled with the preset's strong colour; the connector stays open for its letter.
    await expect(canvasElement.querySelector('[data-figure="process"] .symbol__shape')?.getAttribute('fill')).toBe(PRESETS.standar.symbols.process.fill);
    await expect(canvasElement.querySelector('[data-figure="connector"] .symbol__letter')).toHaveTextContent('A');
    await expect(canvasElement.querySelectorAll('[data-figure="split"] .symbol__mark')).toHaveLength(1);
    await expect(canvasElement.querySelectorAll('[data-figure="join"] .symbol__mark')).toHaveLength(1);
  },
};

export const HitamPutihEnglish: Story = {
  globals: { locale: 'en' },
  args: { preset: 'hitam-putih' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('img', { name: 'Decision' })).toBeVisible();
    for (const shape of canvasElement.querySelectorAll('.symbol__shape')) await expect(shape.getAttribute('fill')).toBe('#ffffff');
    // The exit marker's outline is dashed on every surface.
    await expect(canvasElement.querySelector('[data-figure="exit"] .symbol__shape')?.getAttribute('stroke-dasharray')).toBeTruthy();
  },
};
