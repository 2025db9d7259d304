import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { TextView } from './TextView';

const meta = {
  title: 'UI/TextView',
  component: TextView,
  args: { value: 'Berkas diterima.\nDiteruskan ke Kasi.' },
} satisfies Meta<typeof TextView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A plain string keeps its line breaks and nothing else. */
export const PlainText: Story = {
  globals: { locale: 'id' },
  play: async ({ canvasElement }) => {
    const view = canvasElement.querySelector('.text-view')!;
    await expect(getComputedStyle(view).whiteSpace).toBe('pre-line');
    await expect(view.textContent).toBe('Berkas diterima.\nDiteruskan ke Kasi.');
  },
};

/** List items keep their own markers (1., a., •); bold and links render as elements, not markup. */
export const RichList: Story = {
  globals: { locale: 'en' },
  args: {
    value: {
      blocks: [
        { spans: [{ text: 'Persyaratan:' }] },
        { marker: '1.', spans: [{ text: 'KTP ' }, { text: 'asli', bold: true }] },
        { marker: 'a.', level: 1, spans: [{ text: 'dilegalisir', italic: true }] },
        { marker: '•', spans: [{ text: 'Perbup 12/2020', href: 'https://jdih.example.go.id/perbup-12-2020' }] },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const markers = [...canvasElement.querySelectorAll('.text-view__marker')].map((m) => m.textContent);
    await expect(markers).toEqual(['1.', 'a.', '•']);
    await expect(canvasElement.querySelector('strong')!.textContent).toBe('asli');
    await expect(canvasElement.querySelector('em')!.textContent).toBe('dilegalisir');
    await expect(canvasElement.querySelector('a')!.getAttribute('rel')).toBe('noopener noreferrer');
  },
};

/** Hostile text stays text: markup is shown, a javascript: link is not a link. */
export const HostileText: Story = {
  globals: { locale: 'id' },
  args: {
    value: { blocks: [{ spans: [{ text: '<img src=x onerror=alert(1)>' }, { text: 'klik', href: 'javascript:alert(1)' }] }] },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.querySelector('a')).toBeNull();
    await expect(canvasElement.textContent).toContain('<img src=x onerror=alert(1)>klik');
  },
};
