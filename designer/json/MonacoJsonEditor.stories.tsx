import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { useT } from '../../ui/i18n';
import '../designer.css';
import { documentText } from './jsonText';
import MonacoJsonEditor from './MonacoJsonEditor';
import { sampleDoc } from '../stories/storySupport';

const doc = sampleDoc('oku-01-sktm');

/** Monaco alone, as the JSON view lazy-loads it, with the interface's labels. */
function MonacoDemo(props: { onTextChange: (text: string) => void; onReady: () => void }) {
  const t = useT();
  return (
    <div style={{ height: 420, display: 'flex', flexDirection: 'column' }}>
      <MonacoJsonEditor
        sopId={doc.id}
        text={documentText(doc)}
        ariaLabel={t('designer.json.label')}
        loadingLabel={t('designer.json.loading')}
        onUndo={() => false}
        onRedo={() => false}
        {...props}
      />
    </div>
  );
}

const meta = {
  title: 'Designer/Json/MonacoJsonEditor',
  component: MonacoDemo,
  args: { onTextChange: fn(), onReady: fn() },
} satisfies Meta<typeof MonacoDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One story only: Monaco is large and slow to start. It waits for the editor and reads the document in it. */
export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(args.onReady).toHaveBeenCalled(), { timeout: 30_000 });
    const editor = canvasElement.querySelector('.monaco-editor');
    await expect(editor).not.toBeNull();
    await expect(canvasElement.querySelector('[aria-label="Dokumen SOP sebagai JSON"]')).not.toBeNull();
    await waitFor(() => expect(canvasElement.querySelector('.view-lines')?.textContent).toContain('"schemaVersion"'));
    await expect(args.onTextChange).not.toHaveBeenCalled();
  },
};
