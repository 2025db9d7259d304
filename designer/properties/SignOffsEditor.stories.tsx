import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import '../designer.css';
import { useEditorSnapshot } from '../editor/EditorContext';
import type { EditorStore } from '../editor/editorStore';
import { miniDoc, withEditor } from '../stories/storySupport';
import { SignOffsEditor } from './SignOffsEditor';

let store: EditorStore | undefined;
const signOffs = () => store!.doc.flows[0]!.steps.find((s) => s.id === 's4')!.signOffs;

/** The sign-off chain of step 4 (the Kasi initials it), on the document being edited. */
function Step4SignOffs() {
  const flow = useEditorSnapshot().doc.flows[0]!;
  return <SignOffsEditor flow={flow} step={flow.steps.find((s) => s.id === 's4')!} />;
}

const meta = {
  title: 'Designer/Properties/SignOffsEditor',
  component: Step4SignOffs,
  decorators: [withEditor(miniDoc, undefined, (created) => (store = created))],
} satisfies Meta<typeof Step4SignOffs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two sign-offs added and named, the second moved first, undo puts them back, one removed. */
export const AddNameAndMove: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('group', { name: 'Paraf dan tanda tangan dalam lajur' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: '+ Paraf/tanda tangan' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Jabatan 1' }), 'Kasi');
    await userEvent.click(canvas.getByRole('button', { name: '+ Paraf/tanda tangan' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Jabatan 2' }), 'Kabid');
    await waitFor(() => expect(signOffs()?.map((s) => s.position)).toEqual(['Kasi', 'Kabid']));
    await userEvent.click(canvas.getByRole('button', { name: 'Naikkan paraf/tanda tangan 2' }));
    await waitFor(() => expect(signOffs()?.map((s) => s.position)).toEqual(['Kabid', 'Kasi']));
    await expect(canvas.getByRole('textbox', { name: 'Jabatan 1' })).toHaveValue('Kabid');
    store!.undo();
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Jabatan 1' })).toHaveValue('Kasi'));
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus paraf/tanda tangan 2' }));
    await waitFor(() => expect(signOffs()?.map((s) => s.position)).toEqual(['Kasi']));
  },
};

/** In English, before any sign-off. */
export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: '+ Sign-off' })).toBeVisible();
    await expect(canvas.queryByRole('textbox', { name: 'Position 1' })).toBeNull();
  },
};
