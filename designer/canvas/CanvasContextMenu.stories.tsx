import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import '../designer.css';
import type { EditorStore } from '../editor/editorStore';
import { miniDoc, withEditor } from '../stories/storySupport';
import { CanvasContextMenu } from './CanvasContextMenu';

let store: EditorStore | undefined;
const flow = miniDoc().flows[0]!;

const meta = {
  title: 'Designer/Canvas/CanvasContextMenu',
  component: CanvasContextMenu,
  args: { target: { kind: 'step', stepId: 's3', x: 40, y: 40 }, flow, onClose: fn() },
  decorators: [withEditor(miniDoc, { selection: { kind: 'steps', flowId: 'main', ids: ['s3'] } }, (created) => (store = created))],
} satisfies Meta<typeof CanvasContextMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    const menu = canvas.getByRole('menu', { name: 'Menu langkah' });
    await expect(menu).toBeVisible();
    // The first item has the focus; arrow keys move through the menu.
    await expect(canvas.getByRole('menuitem', { name: 'Tambah Proses sesudahnya' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('menuitem', { name: 'Tambah Keputusan sesudahnya' })).toHaveFocus();
    // A decision can become a process, and move to another lane.
    await expect(canvas.getByRole('menuitem', { name: 'Pindah ke lajur Kepala Seksi' })).toBeVisible();
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Jadikan Proses' }));
    await expect(store!.doc.flows[0]!.steps[2]!.kind).toBe('process');
    await expect(args.onClose).toHaveBeenCalled();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { target: { kind: 'edge', edgeId: 'e4', x: 40, y: 40 } },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('menu', { name: 'Step menu' })).toBeVisible();
    await expect(canvas.getByRole('menuitem', { name: 'Delete arrow' })).toBeVisible();
    await expect(canvas.getByRole('menuitem', { name: 'Label it "Ya"' })).toBeVisible();
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Remove label' }));
    await expect(store!.doc.flows[0]!.edges.find((e) => e.id === 'e4')!.label).toBeUndefined();
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalled();
  },
};

/** On the empty canvas: add a step at the end. */
export const OnThePane: Story = {
  globals: { locale: 'id' },
  args: { target: { kind: 'pane', x: 40, y: 40 } },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Tambah Proses', 'Tambah Keputusan', 'Tambah Selesai', 'Tambah Konektor']);
  },
};
