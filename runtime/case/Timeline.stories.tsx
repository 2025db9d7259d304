import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { DEFAULT_WORKING_CALENDAR } from '../../core/sla';
import { STORY_NOW, bwiCase } from '../storyFixtures';
import { Timeline } from './Timeline';
import { askedCase, fanOutCase, rejectedCase, signOffCase, waitingCase } from './v2CaseFixtures';

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

/** An asked row that did not apply: skipped, by whom, and why. */
export const SkippedRow: Story = {
  globals: { locale: 'id' },
  args: { ...askedCase(true) },
  play: async ({ canvasElement }) => {
    const skipped = canvasElement.querySelector('[data-visit="rawat-jalan#1"]')!;
    expect(skipped.textContent).toContain('Agus Kasi (Kasi Perlindungan Sosial)');
    expect(skipped.textContent).toContain('dilewati: tidak berlaku');
    expect(skipped.textContent).toContain('Alasan dilewati: Pemohon dirawat inap');
    // A skipped row did no work: it is neither on time nor late.
    expect(skipped.textContent).not.toContain('tepat waktu');
  },
};

/** Sign-offs inside a lane: each person with the position they signed as. */
export const SignOffsInLane: Story = {
  globals: { locale: 'id' },
  args: { ...signOffCase(4) },
  play: async ({ canvasElement }) => {
    const letter = canvasElement.querySelector('[data-visit="surat#1"]')!;
    expect(letter.querySelector('td')!.textContent).toBe(
      'Rina Operator (Dinas Sosial) → Agus Kasi (paraf Kasi Rehabilitasi Sosial, Dinas Sosial) → Dewi Kabid (paraf Kabid Rehabilitasi Sosial, Dinas Sosial) → Hadi Sekdin (paraf Sekretaris Dinas, Dinas Sosial) → Bambang Kadis (tanda tangan Kepala Dinas, Dinas Sosial)',
    );
  },
};

export const SignOffsInLaneEnglish: Story = {
  globals: { locale: 'en' },
  args: { ...signOffCase(1) },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('[data-visit="surat#1"] td')!.textContent).toBe('Rina Operator (Dinas Sosial) → Agus Kasi (initials of Kasi Rehabilitasi Sosial, Dinas Sosial)');
  },
};

/** Parallel branches: the join names the steps it joined. */
export const ParallelJoin: Story = {
  globals: { locale: 'id' },
  args: { ...fanOutCase('joined') },
  play: async ({ canvasElement }) => {
    const rows = Array.from(canvasElement.querySelectorAll('tbody tr')).map((tr) => tr.getAttribute('data-visit'));
    expect(rows).toEqual(['terima#1', 'kec#1', 'kes#1', 'duk#1', 'pus#1', 'kes-cek#1', 'rekap#1']);
    expect(canvasElement.querySelector('[data-visit="rekap#1"]')!.textContent).toContain('gabungan dari langkah 2, 6, 4, 5');
  },
};

/** A wait is shown with its duration but never counted late; a rejecting end says how the case ended. */
export const WaitAndOutcome: Story = {
  globals: { locale: 'id' },
  args: { ...waitingCase(), now: Date.parse('2025-07-01T02:00:00.000Z') },
  play: async ({ canvasElement }) => {
    const wait = canvasElement.querySelector('[data-visit="balasan#1"]')!;
    expect(wait.textContent).toContain('waktu tunggu (tidak dihitung)');
    expect(wait.querySelector('.rt-late')).toBeNull();
  },
};

export const RejectedEnd: Story = {
  globals: { locale: 'en' },
  args: { ...rejectedCase() },
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelector('[data-visit="tolak#1"]')!.textContent).toContain('outcome: Rejected');
  },
};
