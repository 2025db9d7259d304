import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import type { ReviewRow } from '../storage/db';
import { sampleDoc } from '../storage/testing';
import { ReviewPanel } from './ReviewPanel';

const sop = sampleDoc('bwi-spm-online');
const at = '2025-06-03T02:10:00.000Z';

const overtaken: ReviewRow = {
  commandId: 'c-glagah-s2',
  caseId: 'case-1',
  command: { type: 'step.complete', id: 'c-glagah-s2', caseId: 'case-1', expectedRevision: 2, at, stepId: 's2', note: 'Dicek dari kecamatan', by: { actorId: 'desa-kelurahan' } },
  rejection: { code: 'step.notActive', message: { id: 'Langkah 2 tidak sedang aktif.', en: 'Step 2 is not active.' } },
  source: 'rebase',
  keptAt: Date.parse(at),
  files: [],
};

const refused: ReviewRow = {
  commandId: 'c-kemiren-s4',
  caseId: 'case-1',
  command: { type: 'step.complete', id: 'c-kemiren-s4', caseId: 'case-1', expectedRevision: 4, at, stepId: 's4', ticked: ['s4-r1'], output: 'Rumah layak dikunjungi', by: { actorId: 'desa-kelurahan' } },
  rejection: { code: 'lane.forbidden', message: { id: 'Anda tidak berperan sebagai DESA/KELURAHAN.', en: 'You do not act as DESA/KELURAHAN.' } },
  source: 'server',
  keptAt: Date.parse(at),
  files: [{ id: 'f1', name: 'foto-rumah.jpg', type: 'image/jpeg', size: 3, blob: new Blob(['abc']) }],
};

const meta = {
  title: 'Runtime/ReviewPanel',
  component: ReviewPanel,
  args: {
    items: [overtaken],
    sop,
    activeStepIds: ['s3'],
    timeZone: 'Asia/Jakarta',
    onRedo: fn(async () => ({ kind: 'draft' as const, visitId: 's4#1', stepId: 's4' })),
    onDiscard: fn(async () => undefined),
  },
} satisfies Meta<typeof ReviewPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Another office did the step first: the input is shown, and only an explicit, confirmed discard removes it. */
export const OvertakenIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: 'Perlu tinjauan' })).toBeVisible();
    await expect(canvas.getByText('Dicek dari kecamatan')).toBeVisible();
    await expect(canvas.getByText('Alasan: Langkah 2 tidak sedang aktif.')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Kerjakan ulang' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Buang' }));
    await expect(args.onDiscard).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Ya, buang' }));
    await expect(args.onDiscard).toHaveBeenCalledWith('c-glagah-s2');
  },
};

/** The server refused it and the step is active again: redo puts the input back into the step's form. */
export const RefusedEnglish: Story = {
  globals: { locale: 'en' },
  args: { items: [refused], activeStepIds: ['s4'] },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByText('Refused by the server')).toBeVisible();
    await expect(canvas.getByText('Rumah layak dikunjungi')).toBeVisible();
    await expect(canvas.getByText('foto-rumah.jpg')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Redo' }));
    await expect(args.onRedo).toHaveBeenCalledWith('c-kemiren-s4');
    await expect(await canvas.findByRole('status')).toHaveTextContent('The input is in the form of step 4. Check it, then save.');
  },
};

/** Markup typed by a clerk stays text. */
export const HostileInputIndonesian: Story = {
  globals: { locale: 'id' },
  args: { items: [{ ...overtaken, command: { ...overtaken.command, note: '<img src=x onerror=alert(1)>' } as ReviewRow['command'] }] },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
