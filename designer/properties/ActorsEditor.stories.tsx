import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { command } from '../../core/document';
import '../designer.css';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import type { EditorStore } from '../editor/editorStore';
import { withEditor } from '../stories/storySupport';
import { ActorsEditor } from './ActorsEditor';

let store: EditorStore | undefined;
const step = () => store!.doc.flows[0]!.steps.find((s) => s.id === 's6')!;

/** Step 6 of the sample: three actors, each with a role; every change is `step.update`. */
function ActorsDemo() {
  const editor = useEditorStore();
  const { doc } = useEditorSnapshot();
  const flow = doc.flows[0]!;
  const current = flow.steps.find((s) => s.id === 's6')!;
  return (
    <div style={{ padding: 16, maxWidth: 560 }}>
      <ActorsEditor flow={flow} step={current} onChange={(actors) => editor.run(command('step.update', { flowId: flow.id, stepId: current.id, changes: { actors } }), { select: false })} />
    </div>
  );
}

const meta = {
  title: 'Designer/Properties/ActorsEditor',
  component: ActorsDemo,
  decorators: [withEditor('lmj-07-rekom-keringanan-biaya-rs', undefined, (created) => (store = created))],
} satisfies Meta<typeof ActorsDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Pelaksana' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Pelaksana 1' })).toHaveValue('kasi');
    await expect(canvas.getByRole('combobox', { name: 'Pelaksana 3' })).toHaveValue('sekdin');
    // The second actor signs, and may stand in for the first ("Kasi / Kabid").
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Peran pelaksana 2' }), 'signs');
    await userEvent.click(canvas.getAllByRole('checkbox', { name: 'atau (menggantikan sebelumnya)' })[0]!);
    await expect(step().actors[1]).toEqual({ actor: 'kabid', role: 'signs', alternative: true });
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus pelaksana 3' }));
    await expect(step().actors.map((a) => a.actor)).toEqual(['kasi', 'kabid']);
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Actors' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Move actor 1 up' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Move actor 1 down' }));
    await expect(canvas.getByRole('combobox', { name: 'Actor 1' })).toHaveValue('kabid');
    await userEvent.click(canvas.getByRole('button', { name: '+ Actor' }));
    await expect(canvas.getAllByRole('combobox', { name: /^Actor \d$/ })).toHaveLength(4);
  },
};
