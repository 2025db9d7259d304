import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { useEditorSnapshot } from '../editor/EditorContext';
import { withEditor } from '../stories/storySupport';
import { TableView } from './TableView';

function CurrentTable() {
  const { doc, ui } = useEditorSnapshot();
  return (
    <div style={{ height: 600, display: 'flex' }}>
      <TableView doc={doc} flow={doc.flows.find((f) => f.id === ui.flowId)!} />
    </div>
  );
}

const meta = {
  title: 'Designer/TableView',
  component: CurrentTable,
  decorators: [withEditor('oku-01-sktm')],
} satisfies Meta<typeof CurrentTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('grid')).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'AKTIVITAS' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Persyaratan/Kelengkapan' })).toBeVisible();
    await expect(canvas.getAllByRole('row')).toHaveLength(5);
    // The symbol and where each row's arrow goes, beside Pelaksana.
    await expect(canvas.getByRole('columnheader', { name: 'Simbol' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Simbol langkah 1.' })).toHaveDisplayValue('Mulai');
    await expect(canvas.getAllByRole('row')[1]!.querySelector('.step-grid__cell--branches')).toHaveTextContent('→ 2');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Step table' })).toBeVisible();
    await expect(canvas.getByText(/Paste rows from Excel or Word/)).toBeVisible();
  },
};

export const KeyboardEditing: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    const firstRow = canvas.getAllByRole('row')[1]!;
    await userEvent.click(firstRow.querySelector('.step-grid__cell--waktu')!);
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{F2}');
    const editor = canvas.getByRole('textbox', { name: 'Waktu 2.' });
    await userEvent.clear(editor);
    await userEvent.type(editor, '45 menit{Enter}');
    await expect(canvas.getAllByRole('row')[2]!.querySelector('.step-grid__cell--waktu')).toHaveTextContent('45 menit');
    // The cursor went down a row, ready for the next entry.
    await expect(canvas.getAllByRole('row')[3]!.querySelector('.step-grid__cell--waktu')).toHaveClass('step-grid__cell--active');
  },
};

export const ShiftSelectsARange: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    const rows = () => canvas.getAllByRole('row').slice(1);
    await userEvent.click(rows()[0]!.querySelector('.step-grid__cell--text')!);
    await userEvent.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    await expect(rows().map((row) => row.getAttribute('aria-selected'))).toEqual(['true', 'true', 'true', 'false']);
    await userEvent.keyboard('{ArrowUp}');
    await expect(rows().map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false', 'false']);
  },
};
