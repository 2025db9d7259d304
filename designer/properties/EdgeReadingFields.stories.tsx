import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import '../designer.css';
import { useEditorSnapshot } from '../editor/EditorContext';
import type { EditorStore } from '../editor/editorStore';
import { miniDoc, withEditor } from '../stories/storySupport';
import { EdgeReadingFields } from './EdgeReadingFields';

let store: EditorStore | undefined;
const edge = (id: string) => store!.doc.flows[0]!.edges.find((e) => e.id === id)!;

/** How the "Ya" arrow out of the decision reads in the source, on the document being edited. */
function YesArrowReading() {
  const flow = useEditorSnapshot().doc.flows[0]!;
  return <EdgeReadingFields flow={flow} edge={flow.edges.find((e) => e.id === 'e3')!} />;
}

const meta = {
  title: 'Designer/Properties/EdgeReadingFields',
  component: YesArrowReading,
  decorators: [withEditor(miniDoc, undefined, (created) => (store = created))],
} satisfies Meta<typeof YesArrowReading>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A label read from the source; marked as the drafter's inference, then illegible, and the target inferred. */
export const MarkLabelAndTarget: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    const reading = canvas.getByRole('combobox', { name: 'Label di sumber' });
    await expect(reading).toHaveValue('read');
    await userEvent.selectOptions(reading, 'inferred');
    await waitFor(() => expect(edge('e3').inferred).toEqual(['label']));
    await userEvent.selectOptions(reading, 'illegible');
    await waitFor(() => expect(edge('e3').labelUnknown).toBe(true));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Tujuan disimpulkan penyusun' }));
    await waitFor(() => expect(edge('e3').inferred).toContain('target'));
  },
};

/** In English. */
export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('option', { name: "the drafter's inference" })).toBeInTheDocument();
  },
};
