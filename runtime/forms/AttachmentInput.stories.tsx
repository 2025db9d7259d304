import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { AttachmentInput, type AttachedFile } from './AttachmentInput';

let counter = 0;

/** The control as a form holds it: files added and removed in local state. */
function Controlled({ item, onPick }: { item: string; onPick?: () => void }) {
  const [files, setFiles] = useState<AttachedFile[]>([]);
  return (
    <div onClickCapture={(e) => (e.target as HTMLElement).tagName === 'INPUT' && onPick?.()}>
      <AttachmentInput
        item={item}
        files={files}
        onAdd={(added) => setFiles((f) => [...f, ...added.map((file) => ({ id: `f${++counter}`, name: file.name, size: file.size }))])}
        onRemove={(id) => setFiles((f) => f.filter((x) => x.id !== id))}
      />
    </div>
  );
}

const meta = {
  title: 'Runtime/AttachmentInput',
  component: Controlled,
  args: { item: 'KK asli beserta photo kopinya', onPick: fn() },
} satisfies Meta<typeof Controlled>;

export default meta;
type Story = StoryObj<typeof meta>;

const inputOf = (root: HTMLElement) => root.querySelector<HTMLInputElement>('input[type="file"]')!;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, canvasElement, args }) => {
    // One control: a button, named for its document; the native picker is hidden behind it.
    const button = canvas.getByRole('button', { name: 'Lampirkan foto/berkas untuk "KK asli beserta photo kopinya"' });
    await expect(button).toHaveTextContent('Lampirkan foto/berkas');
    await expect(canvas.getAllByRole('button')).toHaveLength(1);
    const input = inputOf(canvasElement);
    expect(input.hidden).toBe(true);
    // No `capture`: a phone offers the camera and its files, not the camera alone.
    expect(input.hasAttribute('capture')).toBe(false);
    expect(input.accept).toBe('image/*,application/pdf');
    // The button opens the picker (the input's click, which the browser turns into the file dialog).
    await userEvent.click(button);
    await expect(args.onPick).toHaveBeenCalled();

    await userEvent.upload(input, [new File(['kk'], 'kk-depan.jpg', { type: 'image/jpeg' }), new File(['kk2'], 'kk-belakang.pdf', { type: 'application/pdf' })]);
    const list = canvas.getByRole('list', { name: 'Lampiran untuk "KK asli beserta photo kopinya"' });
    await expect(list).toHaveTextContent('kk-depan.jpg');
    await expect(list).toHaveTextContent('kk-belakang.pdf');
    await expect(button).toHaveAccessibleDescription(/kk-depan\.jpg.*kk-belakang\.pdf/);
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus lampiran kk-depan.jpg' }));
    await expect(list).not.toHaveTextContent('kk-depan.jpg');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { item: 'KTP' },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('button', { name: 'Attach photo/file for "KTP"' })).toHaveTextContent('Attach photo/file');
    // A scan dropped from the desktop is attached as if picked.
    const file = new File(['scan'], 'ktp-scan.pdf', { type: 'application/pdf' });
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(file);
    // Dispatched natively: a real DataTransfer carries the file (testing-library's helper would copy an empty one).
    const zone = canvasElement.querySelector('.rt-attach')!;
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }));
    await waitFor(() => expect(zone.classList.contains('rt-attach--drop')).toBe(true));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
    await expect(await canvas.findByRole('list', { name: 'Attached for "KTP"' })).toHaveTextContent('ktp-scan.pdf');
    await expect(canvas.getByRole('button', { name: 'Remove attachment ktp-scan.pdf' })).toHaveTextContent('Remove');
  },
};
