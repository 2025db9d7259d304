import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { command } from '../../core/document';
import '../designer.css';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import type { EditorStore } from '../editor/editorStore';
import { miniDoc, withEditor } from '../stories/storySupport';
import { RequirementsEditor } from './RequirementsEditor';

let store: EditorStore | undefined;
const requirements = () => store!.doc.flows[0]!.steps[0]!.requirements ?? [];

/** Kelengkapan of step 1 (KTP, Kartu Keluarga): edit, mark as must-tick for the clerk, reorder, add, remove. */
function RequirementsDemo() {
  const editor = useEditorStore();
  const { doc } = useEditorSnapshot();
  const flow = doc.flows[0]!;
  const step = flow.steps[0]!;
  return (
    <div style={{ padding: 16, maxWidth: 520 }}>
      <RequirementsEditor
        step={step}
        onChange={(items) => editor.run(command('step.update', { flowId: flow.id, stepId: step.id, changes: { requirements: items.length > 0 ? items : null } }), { select: false })}
      />
    </div>
  );
}

const meta = {
  title: 'Designer/Properties/RequirementsEditor',
  component: RequirementsDemo,
  decorators: [withEditor(miniDoc, undefined, (created) => (store = created))],
} satisfies Meta<typeof RequirementsDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Kelengkapan' })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Kelengkapan 1' })).toHaveValue('KTP');
    await userEvent.click(canvas.getAllByRole('checkbox', { name: 'wajib dicentang' })[0]!);
    await expect(requirements()[0]).toMatchObject({ text: 'KTP', mustCheck: true });
    await userEvent.click(canvas.getByRole('button', { name: '+ Kelengkapan' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Kelengkapan 3' }), 'Surat pengantar RT');
    await expect(requirements().map((r) => r.text)).toEqual(['KTP', 'Kartu Keluarga', 'Surat pengantar RT']);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Requirements' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Move requirement 2 up' }));
    await expect(canvas.getByRole('textbox', { name: 'Requirement 1' })).toHaveValue('Kartu Keluarga');
    await userEvent.click(canvas.getByRole('button', { name: 'Remove requirement 2' }));
    await expect(requirements().map((r) => r.text)).toEqual(['Kartu Keluarga']);
  },
};
