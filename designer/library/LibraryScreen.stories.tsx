import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import '../designer.css';
import { openDesignerDb, SopRepository } from '../storage';
import { sampleDoc, storyDbName } from '../stories/storySupport';
import { LibraryScreen } from './LibraryScreen';

const samples = () => [sampleDoc('oku-01-sktm'), sampleDoc('bwi-spm-online'), sampleDoc('lmj-06-tetirah')];

function Library({ onOpen }: { onOpen: (id: string) => void }) {
  const [repository] = useState(() => new SopRepository(openDesignerDb({ name: storyDbName('library'), seed: samples })));
  return (
    <div className="designer designer--library" style={{ padding: 16 }}>
      <LibraryScreen repository={repository} samples={samples()} onOpen={onOpen} />
    </div>
  );
}

const meta = {
  title: 'Designer/Library/LibraryScreen',
  component: Library,
  args: { onOpen: fn() },
} satisfies Meta<typeof Library>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(await canvas.findByRole('button', { name: 'PENGIRIMAN PESERTA TERTIRAH' })).toBeVisible();
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Cari judul, Nomor SOP, atau instansi' }), '660/04');
    await expect(canvas.queryByRole('button', { name: 'PENGIRIMAN PESERTA TERTIRAH' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine' }));
    await expect(args.onOpen).toHaveBeenCalledWith('bwi-spm-online');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'SOP library' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Import .sop.json files' })).toBeVisible();
  },
};
