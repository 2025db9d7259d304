import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { CanvasPieces } from '../stories/canvasDemo';
import { miniDoc, sampleDoc } from '../stories/storySupport';

/** The paper table behind the symbols: No and Kegiatan, the lanes under "Pelaksana", the Mutu Baku columns and Keterangan. */
const meta = {
  title: 'Designer/Canvas/SwimlaneTable',
  component: CanvasPieces,
  args: { table: true },
} satisfies Meta<typeof CanvasPieces>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  // The sample's own column labels ("Alat" for Kelengkapan) are kept.
  args: { doc: sampleDoc('lmj-07-rekom-keringanan-biaya-rs'), selected: ['s2'] },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Pelaksana')).toBeVisible();
    await expect(canvas.getByText('Mutu Baku')).toBeVisible();
    await expect(canvas.getByText('Alat')).toBeVisible();
    for (const lane of ['Pengelola', 'Kasi', 'Kabid', 'Sekdin', 'Kadin']) await expect(canvas.getByText(lane, { exact: true })).toBeVisible();
    // One row per step, with its number and its text; the selected step's row is marked.
    await expect(canvasElement.querySelectorAll('.swimlane-table [data-step-id]')).toHaveLength(9);
    await expect(canvas.getByText(/^Petugas memeriksa kelengkapan dokumen administratif/)).toBeVisible();
    await expect(canvasElement.querySelector('[data-step-id="s2"]')).toHaveClass('swimlane-table__row--selected');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  // Without labels of its own, the SOP gets the standard ones in the interface language.
  args: { doc: miniDoc() },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Actors')).toBeVisible();
    await expect(canvas.getByText('Quality standard')).toBeVisible();
    await expect(canvas.getByText('Remarks')).toBeVisible();
    await expect(canvas.getByText('Kartu Keluarga')).toBeVisible();
    await expect(canvas.getByText('1 hari kerja')).toBeVisible();
  },
};

/** lmj-10 numbers no rows in a column of its own: the table plan leaves the No column out, on screen as on paper. */
export const WithoutNoColumn: Story = {
  globals: { locale: 'id' },
  args: { doc: sampleDoc('lmj-10-santunan-kematian') },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.swimlane-table__td--no')).toHaveLength(0);
    await expect(canvasElement.querySelectorAll('.swimlane-table__td--kegiatan').length).toBeGreaterThan(0);
  },
};

/** bwi-spm-online has one: its step numbers are in it. */
export const WithNoColumn: Story = {
  globals: { locale: 'id' },
  args: { doc: sampleDoc('bwi-spm-online') },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('.swimlane-table__td--no').length).toBeGreaterThan(0);
    await expect(canvasElement.querySelectorAll('.swimlane-table__td--kelengkapan')).toHaveLength(0);
  },
};
