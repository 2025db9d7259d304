import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { laneGroupsOf } from '../../core/people';
import { loadSamples } from '../../samples/index';
import { LanePicker } from './LanePicker';

const groups = laneGroupsOf(loadSamples().filter((d) => d.flows.length > 0));
const total = groups.reduce((n, g) => n + g.lanes.length, 0);

function Demo() {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  return <LanePicker groups={groups} selected={selected} onChange={setSelected} />;
}

const meta = { title: 'Runtime/Profile/LanePicker', component: Demo } satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(`0 dari ${total} lajur dipilih.`);
    // One organisation at once: every "Dinas Sosial" lane of every SOP.
    const dinsos = groups.find((g) => g.label === 'DINAS SOSIAL')!;
    await userEvent.click(canvas.getByRole('checkbox', { name: `Semua ${dinsos.lanes.length} lajur DINAS SOSIAL` }));
    await expect(canvas.getByRole('status')).toHaveTextContent(`${dinsos.lanes.length} dari ${total} lajur dipilih.`);
    // Search narrows the list; a single lane can be taken.
    await userEvent.type(canvas.getByLabelText('Cari lajur, SOP atau organisasi'), 'kecamatan spm');
    await userEvent.click(canvas.getByRole('checkbox', { name: /^KECAMATAN — Penerbitan Surat Pernyataan Miskin/ }));
    await expect(canvas.getByRole('status')).toHaveTextContent(`${dinsos.lanes.length + 1} dari ${total} lajur dipilih.`);
    await userEvent.clear(canvas.getByLabelText('Cari lajur, SOP atau organisasi'));
    await userEvent.type(canvas.getByLabelText('Cari lajur, SOP atau organisasi'), 'tidak ada lajur begini');
    await expect(canvas.getByText('Tidak ada lajur yang cocok dengan "tidak ada lajur begini".')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Lanes I work in' })).toBeVisible();
    await expect(canvas.getByText('Applicant / public')).toBeVisible();
  },
};
