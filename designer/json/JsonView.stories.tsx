import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import '../designer.css';
import { sampleDoc } from '../stories/storySupport';
import { JsonView } from './JsonView';

const meta = {
  title: 'Designer/JsonView',
  component: JsonView,
  args: { doc: sampleDoc('oku-01-sktm'), onApply: fn(() => null), onUndo: fn(), onRedo: fn() },
  render: (args) => (
    <div style={{ height: 560, display: 'flex' }}>
      <JsonView {...args} />
    </div>
  ),
} satisfies Meta<typeof JsonView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.json-view')).toHaveAttribute('data-ready', 'true'), { timeout: 40_000 });
    await expect(canvas.getByTestId('json-status')).toHaveTextContent('JSON sah dan sama dengan dokumen.');
    await expect(canvasElement.querySelector('.monaco-editor')).not.toBeNull();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText(/Valid changes apply automatically/)).toBeVisible();
    await waitFor(() => expect(canvasElement.querySelector('.json-view')).toHaveAttribute('data-ready', 'true'), { timeout: 30_000 });
    await expect(canvas.getByTestId('json-status')).toHaveTextContent('The JSON is valid and matches the document.');
  },
};

/** Breaks the text in the editor the way a drafter's slip would: a comma deleted. */
async function dropFirstComma() {
  const { monaco } = await import('./monacoSetup');
  const model = monaco.editor.getModels().find((m) => m.uri.path.endsWith('oku-01-sktm.sop.json'))!;
  const text = model.getValue();
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text: text.replace(',', '') }], () => null);
}

export const SyntaxErrorIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.json-view')).toHaveAttribute('data-ready', 'true'), { timeout: 30_000 });
    await dropFirstComma();
    await waitFor(() => expect(canvas.getByTestId('json-status')).toHaveTextContent('Teks bukan JSON yang sah (baris 3, kolom 3): Kurang tanda koma (,) sebelum'));
  },
};

export const SyntaxErrorEnglish: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.json-view')).toHaveAttribute('data-ready', 'true'), { timeout: 30_000 });
    await dropFirstComma();
    await waitFor(() => expect(canvas.getByTestId('json-status')).toHaveTextContent('The text is not valid JSON (line 3, column 3): A comma (,) is missing before'));
  },
};
