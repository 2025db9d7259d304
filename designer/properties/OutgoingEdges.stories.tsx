import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { useEditorSnapshot } from '../editor/EditorContext';
import type { EditorStore } from '../editor/editorStore';
import { miniDoc, withEditor } from '../stories/storySupport';
import { OutgoingEdges } from './OutgoingEdges';

let store: EditorStore | undefined;
const edgesFrom = (stepId: string) => store!.doc.flows[0]!.edges.filter((e) => e.from === stepId);

/** The arrows out of one step, in the properties panel: how an arrow is drawn and aimed with the keyboard. */
function OutgoingDemo({ stepId }: { stepId: string }) {
  const { doc } = useEditorSnapshot();
  const flow = doc.flows[0]!;
  const step = flow.steps.find((s) => s.id === stepId)!;
  return (
    <div style={{ padding: 16, maxWidth: 560 }}>
      <OutgoingEdges flow={flow} step={step} />
    </div>
  );
}

const meta = {
  title: 'Designer/Properties/OutgoingEdges',
  component: OutgoingDemo,
  args: { stepId: 's3' },
  decorators: [withEditor(miniDoc, undefined, (created) => (store = created))],
} satisfies Meta<typeof OutgoingDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The decision: Ya onward, Tidak back to step 2; then a third arrow, out of the SOP. */
export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Panah keluar' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Tujuan panah 1' })).toHaveValue('s4');
    await expect(canvas.getByRole('textbox', { name: 'Label panah 2' })).toHaveValue('Tidak');
    // Targets are named by step number and text.
    await expect(canvas.getAllByRole('option', { name: '→ Langkah 2: Petugas memeriksa kelengkapan berkas' })).toHaveLength(3);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Sambungkan ke langkah' }), '__leaves__');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Tujuan di luar SOP' }), 'Kecamatan');
    await userEvent.click(canvas.getByRole('button', { name: 'Sambungkan' }));
    await expect(edgesFrom('s3').at(-1)).toMatchObject({ leaves: { target: 'Kecamatan' } });
    await expect(canvas.getByRole('combobox', { name: 'Tujuan panah 3' })).toHaveDisplayValue('keluar SOP: Kecamatan');
  },
};

/** A process step whose only arrow is removed: the panel says nothing leaves it. */
export const English: Story = {
  globals: { locale: 'en' },
  args: { stepId: 's2' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Outgoing arrows' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Target of arrow 1' })).toHaveValue('s3');
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Remove arrow 1' }));
    await expect(await canvas.findByText('No arrow leaves this step yet.')).toBeVisible();
  },
};
