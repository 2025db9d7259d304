import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { generateSop } from '../../bench/generateSop';
import { loadSample } from '../../samples';
import { identityV2Doc } from '../fixtures/craftedV2';
import { PrintDocument } from './PrintDocument';

const meta = {
  title: 'Print/PrintDocument',
  component: PrintDocument,
} satisfies Meta<typeof PrintDocument>;

export default meta;
type Story = StoryObj<typeof meta>;

const long = generateSop({ steps: 24, lanes: 4, decisionEvery: 5 });

async function ready(canvasElement: HTMLElement) {
  await waitFor(() => expect(canvasElement.querySelector('[data-print-state="ready"]')).not.toBeNull(), { timeout: 5000 });
}

/** A table over several pages: arrows that cross a break end at lettered off-page connectors, in pairs. */
export const PagesWithConnectors: Story = {
  globals: { locale: 'id' },
  args: { doc: long, paper: 'a4', orientation: 'landscape' },
  play: async ({ canvas, canvasElement }) => {
    await ready(canvasElement);
    const pages = canvasElement.querySelectorAll('.print-page');
    await expect(pages.length).toBeGreaterThan(2);
    await expect(canvas.getByText(`Halaman 2 dari ${pages.length}`)).toBeVisible();
    const letters = Array.from(canvasElement.querySelectorAll('[data-kind="connector"]')).map((el) => el.getAttribute('data-letter'));
    await expect(letters.length).toBeGreaterThan(0);
    for (const letter of new Set(letters)) await expect(letters.filter((l) => l === letter)).toHaveLength(2);
    // The table header repeats on every page of the table.
    await expect(canvas.getAllByRole('columnheader', { name: 'Pelaksana' })).toHaveLength(pages.length - 1);
  },
};

/** The interface speaks English; the printout speaks the document's language. */
export const EnglishInterfaceIndonesianPages: Story = {
  globals: { locale: 'en' },
  args: { doc: long },
  play: async ({ canvas, canvasElement }) => {
    await ready(canvasElement);
    const pages = canvasElement.querySelectorAll('.print-page');
    await expect(canvas.getByText(`Halaman 1 dari ${pages.length}`)).toBeVisible();
  },
};

export const PagesInEnglish: Story = {
  globals: { locale: 'en' },
  args: { doc: long, paper: 'f4', orientation: 'portrait', lang: 'en' },
  play: async ({ canvas, canvasElement }) => {
    await ready(canvasElement);
    const pages = canvasElement.querySelectorAll('.print-page');
    await expect(canvas.getByText(`Page 1 of ${pages.length}`)).toBeVisible();
    // F4 portrait: 215 mm wide.
    await expect(Math.abs(canvasElement.querySelector('.print-page')!.getBoundingClientRect().width - (215 * 96) / 25.4)).toBeLessThan(1);
  },
};

/** A signed SOP: identity page, the table, then the signature block. */
export const SignedSop: Story = {
  globals: { locale: 'id' },
  args: { doc: loadSample('kra-pbi-jk-pbpu')! },
  play: async ({ canvas, canvasElement }) => {
    await ready(canvasElement);
    await expect(canvas.getByText('Drs. SUGENG RAHARTO,M.Si.')).toBeVisible();
    await expect(canvas.getByText('Karanganyar, Januari 2023')).toBeVisible();
    await expect(canvasElement.querySelector('.print-page:last-of-type [data-part="signature"]')).not.toBeNull();
  },
};

/** Off-page connectors sit in the lane cells of a page's last and first rows: no blank row of their own. */
export const ConnectorsInTheRows: Story = {
  globals: { locale: 'id' },
  args: { doc: long, paper: 'a4', orientation: 'landscape' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(canvasElement.querySelectorAll('.print-page tr.flow-table__connectors')).toHaveLength(0);
    const rows = Array.from(canvasElement.querySelectorAll<HTMLTableRowElement>('.print-page tr[data-connectors]'));
    await expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) await expect(row.classList.contains('flow-table__step') || row.classList.contains('flow-table__section')).toBe(true);
  },
};

/** A schema v2 SOP on Letter: the identity page as the SOP has it, the electronic signature repeated at the foot of every page. */
export const SchemaV2OnLetter: Story = {
  globals: { locale: 'id' },
  args: { doc: identityV2Doc(), paper: 'letter', orientation: 'landscape' },
  play: async ({ canvas, canvasElement }) => {
    await ready(canvasElement);
    const pages = canvasElement.querySelectorAll('.print-page');
    await expect(canvasElement.querySelectorAll('[data-part="footer-esign"]')).toHaveLength(pages.length);
    await expect(canvas.getByRole('rowheader', { name: 'Judul SOP' })).toBeVisible();
    await expect(canvas.queryByRole('rowheader', { name: 'Nomor SOP' })).toBeNull();
    // Letter landscape: 11 × 8.5 in.
    const sheet = pages[0]!.getBoundingClientRect();
    await expect(sheet.width / sheet.height).toBeCloseTo(279.4 / 215.9, 1);
  },
};
