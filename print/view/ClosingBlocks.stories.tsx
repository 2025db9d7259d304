import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { NotesBlock, SignatureBlock } from './ClosingBlocks';
import './print.css';

/** What closes a printed SOP: the signature block (when the SOP has one) and the notes (Catatan). */
function ClosingDemo({ doc }: { doc: SopDocument }) {
  const t = useT();
  return (
    <div className="print-document" style={{ width: 900, padding: 16 }}>
      <SignatureBlock doc={doc} t={t} />
      <NotesBlock doc={doc} t={t} />
    </div>
  );
}

const meta = {
  title: 'Print/ClosingBlocks',
  component: ClosingDemo,
  args: { doc: { ...loadSample('kra-pbi-jk-pbpu')!, notes: loadSample('blt-sk-kip')!.notes! } },
} satisfies Meta<typeof ClosingDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    // Place and date, position, room to sign, name, rank and NIP, as signed.
    await expect(canvas.getByText('Karanganyar, Januari 2023')).toBeVisible();
    await expect(canvas.getByText('KEPALA DINAS SOSIAL KABUPATEN KARANGANYAR,')).toBeVisible();
    await expect(canvas.getByText('Drs. SUGENG RAHARTO,M.Si.')).toBeVisible();
    await expect(canvas.getByText('NIP. 19650925 198603 1 015')).toBeVisible();
    const name = canvas.getByText('Drs. SUGENG RAHARTO,M.Si.').getBoundingClientRect();
    const position = canvas.getByText('KEPALA DINAS SOSIAL KABUPATEN KARANGANYAR,').getBoundingClientRect();
    await expect(name.top - position.bottom).toBeGreaterThan(30);
    // The notes, with their list items kept as items.
    await expect(canvas.getByText('Catatan:')).toBeVisible();
    await expect(canvasElement.querySelectorAll('.notes-block .text-view__item').length).toBe(2);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('NIP 19650925 198603 1 015')).toBeVisible();
    await expect(canvas.getByText('Notes:')).toBeVisible();
  },
};

/** An SOP without a signature or notes prints neither. */
export const Nothing: Story = {
  globals: { locale: 'id' },
  args: { doc: loadSample('oku-01-sktm')! },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.signature-block')).toBeNull();
    await expect(canvasElement.querySelector('.notes-block')).toBeNull();
  },
};
