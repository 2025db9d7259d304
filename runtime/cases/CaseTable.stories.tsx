import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { caseRowOf, sopRowOf } from '../storage/repository';
import { STORY_NOW, bwiCase } from '../storyFixtures';
import { CaseTable } from './CaseTable';
import { fanOutCase, rejectedCase } from '../case/v2CaseFixtures';

const early = bwiCase(2);
const late = bwiCase(6, { loop: true });
const sopRow = sopRowOf(early.sop);

const meta = {
  title: 'Runtime/CaseTable',
  component: CaseTable,
  args: {
    rows: [caseRowOf(early.sop, early.state), caseRowOf(late.sop, { ...late.state, id: 'case-2', fields: { ...late.state.fields, nama: 'Budi Santoso' } })],
    sops: new Map([[sopRow.key, sopRow]]),
    timeZone: 'Asia/Jakarta',
    now: STORY_NOW,
    caption: 'Kasus',
  },
} satisfies Meta<typeof CaseTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('columnheader', { name: 'Menunggu' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Siti Aminah' })).toHaveAttribute('href', '#/kasus/0193b6c2-7a10-7000-8000-0000000000aa');
    // Both cases were due on 2 June; the story clock is 3 June.
    expect(canvas.getAllByText('Terlambat')).toHaveLength(2);
    await expect(canvas.getByRole('cell', { name: 'DINAS KESEHATAN' })).toBeVisible();
  },
};

/** Cases with commands kept by sync are marked for review. */
export const NeedsReviewIndonesian: Story = {
  globals: { locale: 'id' },
  args: { needsReview: new Set(['case-2']) },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('row', { name: /Budi Santoso/ })).toHaveTextContent('Perlu tinjauan');
    await expect(canvas.getByRole('row', { name: /Siti Aminah/ })).not.toHaveTextContent('Perlu tinjauan');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('columnheader', { name: 'Waiting for' })).toBeVisible();
    expect(canvas.getAllByText('Overdue')).toHaveLength(2);
  },
};

const rejected = rejectedCase();
const parallel = fanOutCase('waiting');
const v2Rows = [
  caseRowOf(rejected.sop, rejected.state),
  caseRowOf(parallel.sop, { ...parallel.state, id: 'case-parallel', fields: { ...parallel.state.fields, nama: 'Budi Santoso' } }),
];
const v2Sops = new Map([rejected.sop, parallel.sop].map((sop) => sopRowOf(sop)).map((row) => [row.key, row]));

/** A rejected case reads "Ditolak" in the list, not "Selesai"; a case in parallel branches lists every active step and lane. */
export const OutcomesAndParallel: Story = {
  globals: { locale: 'id' },
  args: { rows: v2Rows, sops: v2Sops },
  play: async ({ canvas }) => {
    const rejectedRow = canvas.getByRole('row', { name: /Siti Aminah/ });
    await expect(rejectedRow).toHaveTextContent('Ditolak');
    await expect(rejectedRow).not.toHaveTextContent('Selesai');
    const parallelRow = canvas.getByRole('row', { name: /Budi Santoso/ });
    await expect(parallelRow).toHaveTextContent('3, 5');
    await expect(parallelRow).toHaveTextContent('Dinas Kesehatan, Dispendukcapil');
  },
};

export const OutcomesEnglish: Story = {
  globals: { locale: 'en' },
  args: { rows: v2Rows, sops: v2Sops },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('row', { name: /Siti Aminah/ })).toHaveTextContent('Rejected');
  },
};
