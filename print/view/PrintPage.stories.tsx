import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { pageBox, type Orientation, type PaperSize } from '../model';
import { useT } from '../../ui/i18n';
import { identityV2Doc } from '../fixtures/craftedV2';
import { PrintPage } from './PrintPage';
import './print.css';

/** One sheet: its paper size in millimetres, the margins, the content, and "Halaman 2 dari 5" at the foot. */
function PageDemo({ paper, orientation }: { paper: PaperSize; orientation: Orientation }) {
  const t = useT();
  return (
    <div className="print-document" style={{ padding: 16, background: '#e5e7eb' }}>
      <PrintPage box={pageBox(paper, orientation, { top: 20, right: 15, bottom: 20, left: 25 })} number={2} pageCount={5} running="400/01/2025 · Pelayanan Surat Keterangan" t={t}>
        <p>{t('print.symbol.legend')}</p>
      </PrintPage>
    </div>
  );
}

const meta = {
  title: 'Print/PrintPage',
  component: PageDemo,
  args: { paper: 'a4', orientation: 'landscape' },
} satisfies Meta<typeof PageDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const MM = 96 / 25.4;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    const page = canvas.getByRole('region', { name: 'Halaman 2 dari 5' });
    // A4 landscape: 297 × 210 mm.
    const box = page.getBoundingClientRect();
    await expect(Math.round(box.width / MM)).toBe(297);
    await expect(Math.round(box.height / MM)).toBe(210);
    await expect(canvas.getByText('Halaman 2 dari 5')).toBeVisible();
    await expect(canvas.getByText('400/01/2025 · Pelayanan Surat Keterangan')).toBeVisible();
    // The left margin the user set (25 mm) is where the content starts.
    const content = canvas.getByText('Simbol diagram alir').getBoundingClientRect();
    await expect(Math.round((content.left - box.left) / MM)).toBe(25);
  },
};

/** F4 portrait (215 × 330 mm), the other common paper of Indonesian offices. */
export const English: Story = {
  globals: { locale: 'en' },
  args: { paper: 'f4', orientation: 'portrait' },
  play: async ({ canvas }) => {
    const page = canvas.getByRole('region', { name: 'Page 2 of 5' });
    const box = page.getBoundingClientRect();
    await expect(Math.round(box.width / MM)).toBe(215);
    await expect(Math.round(box.height / MM)).toBe(330);
    await expect(canvas.getByText('Page 2 of 5')).toBeVisible();
  },
};

/** An SOP signed electronically and repeating its signature in every footer: the QR code and the BSrE statement at the foot of the sheet. */
export const ElectronicSignatureFooter: Story = {
  globals: { locale: 'id' },
  render: (args) => <EsignPageDemo {...args} />,
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('img', { name: 'Kode QR tanda tangan elektronik' })).toBeVisible();
    await expect(canvas.getByText(/Balai Sertifikasi Elektronik/)).toBeVisible();
    await expect(canvasElement.querySelector('[data-part="footer-esign"]')).not.toBeNull();
    await expect(canvas.getByText('Halaman 2 dari 5')).toBeVisible();
  },
};

function EsignPageDemo({ paper, orientation }: { paper: PaperSize; orientation: Orientation }) {
  const t = useT();
  const esign = identityV2Doc().electronicSignature!;
  return (
    <div className="print-document" style={{ padding: 16, background: '#e5e7eb' }}>
      <PrintPage box={pageBox(paper, orientation)} number={2} pageCount={5} esign={esign} t={t}>
        <p>{t('print.symbol.legend')}</p>
      </PrintPage>
    </div>
  );
}
