import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { exportFlowchartSvg } from '../../core/print';
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
