import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { DEFAULT_WORKING_CALENDAR } from '../../core/sla';
import { STORY_NOW, bwiCase } from '../storyFixtures';
import { Timeline } from './Timeline';

const meta = {
  title: 'Runtime/Timeline',
  component: Timeline,
  args: { ...bwiCase(6, { loop: true }), calendar: DEFAULT_WORKING_CALENDAR, now: STORY_NOW },
} satisfies Meta<typeof Timeline>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('heading', { name: 'Riwayat (durasi terhadap Waktu SOP)' })).toBeVisible();
    const rows = Array.from(canvasElement.querySelectorAll('tbody tr')).map((tr) => tr.getAttribute('data-visit'));
    expect(rows).toEqual(['s1#1', 's2#1', 's3#1', 's4#1', 's5#1', 's6#1', 's4#2']);
    await expect(canvas.getByRole('rowheader', { name: '4 (kunjungan ke-2)' })).toBeVisible();
    await expect(canvas.getByText(/cabang "tidak memenuhi syarat"/)).toBeVisible();
    // Step 2 took 41 working minutes against "10 Menit".
    const step2 = canvasElement.querySelector('[data-visit="s2#1"]')!;
    expect(step2.textContent).toContain('41 menit waktu kerja');
    expect(step2.textContent).toContain('melebihi Waktu');
    expect(canvasElement.querySelector('[data-visit="s1#1"]')!.textContent).toContain('tepat waktu');
    // Who did it: the person, and the lane they acted as.
    expect(canvasElement.querySelector('[data-visit="s1#1"]')!.textContent).toContain('Rina Operator (MASYARAKAT/ PEMOHON)');
  },
};

/** Sent back from step 6 to step 4: the reason and the missing document on the returned row, and the clerks' notes. */
export const SentBack: Story = {
  globals: { locale: 'id' },
  args: { ...bwiCase(5, { sentBack: true }) },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('columnheader', { name: 'Catatan' })).toBeVisible();
    expect(canvasElement.querySelector('[data-visit="s2#1"]')!.textContent).toContain('Catatan: Terdaftar di SIAK');
    const returned = canvasElement.querySelector('[data-visit="s6#1"]')!;
    expect(returned.textContent).toContain('Dikembalikan ke langkah 4 oleh KECAMATAN: Fotokopi KTP pemilik rumah belum ada');
    expect(returned.textContent).toContain('Kurang: Photo kopi KTP pemilik rumah, jika numpang/sewa');
    expect(canvasElement.querySelector('[data-visit="s4#2"]')!.textContent).toContain('dikembalikan dari langkah 6');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('columnheader', { name: 'SOP time' })).toBeVisible();
    await expect(canvas.getByText('in progress')).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Notes' })).toBeVisible();
    expect(canvasElement.querySelector('[data-visit="s2#1"] .rt-timeline__notes')!.textContent).toBe('Note: Terdaftar di SIAK');
  },
};
