import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { Text } from '../../core/text/richText';
import { useT } from '../../ui/i18n';
import { ItemList, PlainText } from './PlainText';
import './print.css';

/** Document text printed as text (never HTML): lines kept, list items with a hanging indent, a list numbered when it has several items. */
function PlainTextDemo({ text, items }: { text: Text; items: Text[] }) {
  const t = useT();
  return (
    <div className="print-document" style={{ width: 320, padding: 16 }}>
      <h3>{t('print.doc.notes')}</h3>
      <PlainText text={text} />
      <h3>{t('print.doc.column.kelengkapan')}</h3>
      <ItemList items={items} />
    </div>
  );
}

const meta = {
  title: 'Print/PlainText',
  component: PlainTextDemo,
  args: {
    text: 'Pemohon diberikan informasi bahwa:\n- surat keterangan dipakai untuk pengurusan bantuan melalui program KIP yang merupakan kewenangan Dinas Pendidikan\n- <b>bukan HTML</b>',
    items: ['KTP', 'Kartu Keluarga', 'Surat pengantar RT/RW'],
  },
} satisfies Meta<typeof PlainTextDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('heading', { name: 'Catatan' })).toBeVisible();
    await expect(canvas.getByText('Pemohon diberikan informasi bahwa:')).toBeVisible();
    // Markup in the text is shown as typed, not interpreted.
    await expect(canvas.getByText('<b>bukan HTML</b>')).toBeVisible();
    await expect(canvasElement.querySelector('.plain-text b')).toBeNull();
    // A wrapped list item lines up under its text, not under its marker (which is kept as written).
    const item = canvasElement.querySelector('.text-view__item')!;
    await expect(item.querySelector('.text-view__marker')).toHaveTextContent('-');
    const marker = item.querySelector('.text-view__marker')!.getBoundingClientRect();
    const text = item.lastElementChild!.getBoundingClientRect();
    await expect(text.left).toBeGreaterThan(marker.left);
    await expect(text.height).toBeGreaterThan(20);
    // Several requirements are numbered.
    await expect(canvas.getAllByRole('listitem')).toHaveLength(3);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { items: ['KTP'] },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Notes' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Requirements' })).toBeVisible();
    // A single requirement is not a list.
    await expect(canvas.queryAllByRole('listitem')).toHaveLength(0);
    await expect(canvas.getByText('KTP')).toBeVisible();
  },
};

/** Schema v2 rich text: paragraphs and list items with their own markers ("a.", "b."), bold and a link, printed as text nodes. */
export const RichTextValue: Story = {
  globals: { locale: 'id' },
  args: {
    text: {
      blocks: [
        { spans: [{ text: 'Syarat yang dibawa ' }, { text: 'asli', bold: true }, { text: ':' }] },
        { marker: 'a.', spans: [{ text: 'KTP pemohon' }] },
        { marker: 'b.', spans: [{ text: 'Kartu Keluarga, lihat ' }, { text: 'dinsos.example.go.id', href: 'https://dinsos.example.go.id' }] },
      ],
    },
    items: ['a. KTP', 'b. KK'],
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('asli')).toBeVisible();
    const markers = Array.from(canvasElement.querySelectorAll('.text-view__marker')).map((m) => m.textContent);
    await expect(markers).toEqual(['a.', 'b.', 'a.', 'b.']);
    // Items that carry their own markers are not numbered again.
    await expect(canvas.queryAllByRole('listitem')).toHaveLength(0);
    await expect(canvasElement.querySelector('script, iframe')).toBeNull();
  },
};
