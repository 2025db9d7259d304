import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { exportFlowchartSvg } from '../model';
import { loadSample } from '../../samples';
import { svgToPngBlob } from './exportImage';
import { PrintPreview } from './PrintPreview';

const meta = {
  title: 'Print/PrintPreview',
  component: PrintPreview,
} satisfies Meta<typeof PrintPreview>;

export default meta;
type Story = StoryObj<typeof meta>;

const lmj15 = loadSample('lmj-15-pencabutan-kis-pbid')!;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  args: { doc: lmj15 },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/Siap dicetak: \d+ halaman/));
    const landscapePages = canvasElement.querySelectorAll('.print-page').length;
    await userEvent.selectOptions(canvas.getByLabelText('Orientasi'), 'portrait');
    await userEvent.selectOptions(canvas.getByLabelText('Ukuran kertas'), 'f4');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/Siap dicetak/));
    const sheet = canvasElement.querySelector('.print-page')!.getBoundingClientRect();
    await expect(sheet.height).toBeGreaterThan(sheet.width);
    await expect(landscapePages).toBeGreaterThan(1);
    await expect(canvas.getByRole('button', { name: 'Cetak' })).toBeEnabled();
    await expect(canvas.getByLabelText('Kiri')).toHaveValue(15);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { doc: lmj15 },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/Ready to print: \d+ pages/));
    await expect(canvas.getByRole('button', { name: 'Download PNG' })).toBeEnabled();
    await expect(canvas.getByLabelText('Paper size')).toHaveValue('a4');
    // English controls, an Indonesian printout, until the reader picks English.
    await expect(canvas.getByLabelText('Language of the printout')).toHaveValue('id');
    await expect(canvasElement.querySelector('.print-document')).toHaveAttribute('lang', 'id');
  },
};

export const PrintoutInEnglish: Story = {
  globals: { locale: 'id' },
  args: { doc: lmj15 },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/Siap dicetak/));
    await userEvent.selectOptions(canvas.getByLabelText('Bahasa cetakan'), 'en');
    await waitFor(() => expect(canvasElement.querySelector('.print-document')).toHaveAttribute('lang', 'en'));
    await waitFor(() => expect(canvas.getByText(/^Page 1 of \d+$/)).toBeInTheDocument());
  },
};

/** The flowchart exports as SVG and, drawn by the browser, as PNG. */
export const ExportsPng: Story = {
  globals: { locale: 'id' },
  args: { doc: lmj15 },
  play: async () => {
    const svg = exportFlowchartSvg(lmj15, 'main')!;
    const png = await svgToPngBlob(svg, 1);
    await expect(png.type).toBe('image/png');
    const bitmap = await createImageBitmap(png);
    await expect(bitmap.width).toBe(Math.ceil(Number(/width="([\d.]+)"/.exec(svg)![1])));
    await expect(bitmap.height).toBeGreaterThan(300);
  },
};

/** Letter and Legal as well as A4 and F4; the black-and-white style; the additions the signer did not sign, off until asked for. */
export const PaperStyleAndAdditions: Story = {
  globals: { locale: 'id' },
  args: { doc: loadSample('oku-01-sktm')! },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/Siap dicetak/));
    const papers = Array.from((canvas.getByLabelText('Ukuran kertas') as HTMLSelectElement).options).map((o) => o.value);
    await expect(papers).toEqual(['a4', 'f4', 'letter', 'legal']);
    // Nothing is added by default: no computed total, no title above the table.
    await expect(canvas.getByLabelText('Baris jumlah waktu hasil hitungan')).not.toBeChecked();
    await expect(canvasElement.querySelector('.flow-table__total')).toBeNull();
    await userEvent.click(canvas.getByLabelText('Baris jumlah waktu hasil hitungan'));
    await waitFor(() => expect(canvasElement.querySelector('.print-page .flow-table__total [data-total-source="computed"]')).not.toBeNull());
    await userEvent.selectOptions(canvas.getByLabelText('Gaya cetak'), 'hitam-putih');
    await userEvent.selectOptions(canvas.getByLabelText('Ukuran kertas'), 'legal');
    await waitFor(() => expect(canvasElement.querySelector('.print-document')).toHaveAttribute('data-preset', 'hitam-putih'));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/Siap dicetak/));
    for (const shape of canvasElement.querySelectorAll('.print-page .symbol__shape')) await expect(shape.getAttribute('fill')).toBe('#ffffff');
    // Legal landscape: 355.6 mm wide.
    const sheet = canvasElement.querySelector('.print-page')!.getBoundingClientRect();
    await expect(sheet.width / sheet.height).toBeCloseTo(355.6 / 215.9, 1);
  },
};
