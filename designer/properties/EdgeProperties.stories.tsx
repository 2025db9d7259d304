import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../designer.css';
import { useEditorSnapshot } from '../editor/EditorContext';
import type { EditorStore } from '../editor/editorStore';
import { miniDoc, withEditor } from '../stories/storySupport';
import { EdgeProperties } from './EdgeProperties';

let store: EditorStore | undefined;
const edge = (id: string) => store!.doc.flows[0]!.edges.find((e) => e.id === id);

/** One arrow of the document: its ends and its branch label. */
function EdgeDemo({ edgeId }: { edgeId: string }) {
  const { doc } = useEditorSnapshot();
  const flow = doc.flows[0]!;
  const current = flow.edges.find((e) => e.id === edgeId);
  return <div style={{ padding: 16, maxWidth: 480 }}>{current ? <EdgeProperties flow={flow} edge={current} /> : null}</div>;
}

const meta = {
  title: 'Designer/Properties/EdgeProperties',
  component: EdgeDemo,
  args: { edgeId: 'e4' },
  decorators: [withEditor(miniDoc, undefined, (created) => (store = created))],
} satisfies Meta<typeof EdgeDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The Tidak arrow of the decision, back to step 2. */
export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: 'Panah' })).toBeVisible();
    await expect(canvas.getByRole('combobox', { name: 'Dari langkah' })).toHaveValue('s3');
    await expect(canvas.getByRole('combobox', { name: 'Ke langkah' })).toHaveValue('s2');
    await expect(canvas.getByRole('textbox', { name: 'Label cabang' })).toHaveValue('Tidak');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Ke langkah' }), 's1');
    await expect(edge('e4')).toMatchObject({ from: 's3', to: 's1', label: 'Tidak' });
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus panah ini' }));
    await expect(edge('e4')).toBeUndefined();
  },
};

/** An arrow that leaves the SOP: its destination is text, not a step. */
export const English: Story = {
  globals: { locale: 'en' },
  args: { edgeId: 'e6' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Arrow' })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Destination outside the SOP' })).toHaveValue('Dinas Kesehatan');
    await expect(canvas.getByRole('textbox', { name: 'Branch label' })).toHaveAttribute('placeholder', 'Ya / Tidak');
  },
};

/** The source does not show where the Tidak arrow goes, nor its label legibly. */
export const IllegibleTarget: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Ke langkah' }), '(tujuan tidak terbaca di sumber)');
    await expect(edge('e4')).toMatchObject({ from: 's3', targetUnknown: true });
    await expect(edge('e4')!.to).toBeUndefined();
    await expect(canvas.getByRole('checkbox', { name: 'Tujuan disimpulkan penyusun' })).toBeDisabled();
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Label di sumber' }), 'illegible');
    await expect(edge('e4')).toMatchObject({ labelUnknown: true, label: 'Tidak' });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Ke langkah' }), 's2');
    await expect(edge('e4')!.targetUnknown).toBeUndefined();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Tujuan disimpulkan penyusun' }));
    await expect(edge('e4')!.inferred).toEqual(['target']);
  },
};

/** The Ya arrow's label is the drafter's inference. */
export const InferredLabelEnglish: Story = {
  globals: { locale: 'en' },
  args: { edgeId: 'e3' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Label in the source' }), "the drafter's inference");
    await expect(edge('e3')!.inferred).toEqual(['label']);
    await expect(canvas.getByText(/must be settled before publishing/)).toBeVisible();
  },
};
