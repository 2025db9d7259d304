import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { bwiCase } from '../storyFixtures';
import { SwimlaneMap } from './SwimlaneMap';

const looped = bwiCase(6, { loop: true });

const meta = {
  title: 'Runtime/SwimlaneMap',
  component: SwimlaneMap,
  args: looped,
} satisfies Meta<typeof SwimlaneMap>;

export default meta;
type Story = StoryObj<typeof meta>;

function statusOf(canvasElement: HTMLElement, stepId: string): string | null {
  return canvasElement.querySelector(`[data-step="${stepId}"]`)?.getAttribute('data-status') ?? null;
}

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('img', { name: 'Peta alur SOP per pelaksana; langkah aktif disorot' })).toBeVisible();
    // Back at the village step after "tidak memenuhi syarat": s4 is active again, and visited twice.
    expect(statusOf(canvasElement, 's4')).toBe('active');
    expect(statusOf(canvasElement, 's6')).toBe('done');
    expect(statusOf(canvasElement, 's7')).toBe('todo');
    expect(canvasElement.querySelector('[data-step="s4"] .rt-map__visits')?.textContent).toBe('×2');
    expect(canvasElement.querySelectorAll('.rt-map__edge--back')).toHaveLength(2);
    // The registry's symbols on the shared layout, as the canvas and the print draw them.
    expect(canvasElement.querySelectorAll('[data-step] .symbol__shape').length).toBeGreaterThanOrEqual(10);
    expect(canvasElement.querySelector('.symbol-glyph[data-kind="decision"]')).not.toBeNull();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: bwiCase(0),
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('img', { name: 'SOP flow map by actor; active steps highlighted' })).toBeVisible();
    expect(statusOf(canvasElement, 's1')).toBe('active');
    expect(canvasElement.querySelectorAll('[data-status="done"]')).toHaveLength(0);
  },
};
