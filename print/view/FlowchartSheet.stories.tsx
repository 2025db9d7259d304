import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { loadSample } from '../../samples';
import { FlowchartSheet } from './FlowchartSheet';

const meta = {
  title: 'Print/FlowchartTable',
  component: FlowchartSheet,
} satisfies Meta<typeof FlowchartSheet>;

export default meta;
type Story = StoryObj<typeof meta>;

const bwi = loadSample('bwi-spm-online')!;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  args: { doc: bwi },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-print-state="ready"]')).not.toBeNull());
    // The SOP's own labels, under the two group headers.
    await expect(canvas.getByRole('columnheader', { name: 'URAIAN KEGIATAN' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Pelaksana' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Mutu Baku' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'KECAMATAN' })).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: 'Jumlah waktu Pelayanan' })).toBeVisible();
    await expect(canvas.getByText('4 Jam 10 Menit')).toBeVisible();
    // One symbol per actor of each step (steps 9 and 10 are hand-offs: two symbols each).
    await expect(canvasElement.querySelectorAll('.flow-symbol')).toHaveLength(12);
    // Each symbol sits in its step's row, inside the actor columns.
    const row = canvasElement.querySelector('tr[data-band="s5"]')!.getBoundingClientRect();
    const symbol = canvasElement.querySelector('[data-step="s5"] path')!.getBoundingClientRect();
    await expect(symbol.top).toBeGreaterThan(row.top);
    await expect(symbol.bottom).toBeLessThan(row.bottom);
    const lane = canvas.getByRole('columnheader', { name: 'KECAMATAN' }).getBoundingClientRect();
    await expect(symbol.left).toBeGreaterThan(lane.left);
    await expect(symbol.right).toBeLessThan(lane.right);
  },
};

/** An English interface still prints the document's language: Bahasa Indonesia. */
export const EnglishInterfaceIndonesianTable: Story = {
  globals: { locale: 'en' },
  args: { doc: { ...loadSample('oku-01-sktm')!, columns: undefined } as never },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-print-state="ready"]')).not.toBeNull());
    await expect(canvas.getByRole('columnheader', { name: 'Kegiatan' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Mutu Baku' })).toBeVisible();
  },
};

/** English labels when English is asked for. */
export const English: Story = {
  globals: { locale: 'en' },
  args: { doc: { ...loadSample('oku-01-sktm')!, columns: undefined } as never, lang: 'en' },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-print-state="ready"]')).not.toBeNull());
    // A document without its own column labels gets the standard ones, in the chosen language.
    await expect(canvas.getByRole('columnheader', { name: 'Activity' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Quality standard' })).toBeVisible();
    // The SOP states no total: none is added.
    await expect(canvas.queryByRole('rowheader', { name: 'Total time' })).toBeNull();
  },
};

/** The black-and-white preset: white symbols with black outlines, black arrows, for a photocopier. */
export const BlackAndWhite: Story = {
  globals: { locale: 'id' },
  args: { doc: bwi, preset: 'hitam-putih' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-print-state="ready"]')).not.toBeNull());
    for (const shape of canvasElement.querySelectorAll('.symbol__shape')) await expect(shape.getAttribute('fill')).toBe('#ffffff');
    await expect(canvasElement.querySelector('.flow-overlay')?.getAttribute('data-preset')).toBe('hitam-putih');
  },
};

/** A phase row spans the whole table, above the step it introduces. */
export const PhaseRow: Story = {
  globals: { locale: 'id' },
  args: { doc: loadSample('kra-pbi-jk-pbpu')! },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-print-state="ready"]')).not.toBeNull());
    const cell = canvas.getByText('PENGAJUAN PENGUSULAN PENERIMA BANTUAN IURAN JAMINAN KESEHATAN');
    await expect(cell.closest('tr')!.nextElementSibling).toHaveAttribute('data-band', 's1');
    await expect(Number(cell.getAttribute('colspan'))).toBe(canvasElement.querySelectorAll('col').length);
  },
};
