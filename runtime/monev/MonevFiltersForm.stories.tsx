import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { STORY_NOW } from '../storyFixtures';
import { MonevFiltersForm } from './MonevFiltersForm';

const meta = {
  title: 'Runtime/Monev/FiltersForm',
  component: MonevFiltersForm,
  args: {
    filters: { from: '2025-01-01', to: '2025-06-30', step: 's7', which: 'late' },
    offices: ['Dinas Sosial', 'Kecamatan Giri', 'Desa Kemiren'],
    lanes: [
      { id: 'desa-kelurahan', label: 'Desa / Kelurahan' },
      { id: 'kecamatan', label: 'Kecamatan' },
    ],
    revisions: [1, 2],
    now: STORY_NOW,
    timeZone: 'Asia/Jakarta',
    onChange: fn(),
  },
} satisfies Meta<typeof MonevFiltersForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByLabelText('Dari tanggal')).toHaveValue('2025-01-01');
    await userEvent.selectOptions(canvas.getByLabelText('Kantor'), 'Kecamatan Giri');
    // A new filter keeps the others and closes the step's case list.
    await expect(args.onChange).toHaveBeenLastCalledWith({ from: '2025-01-01', to: '2025-06-30', office: 'Kecamatan Giri' });
    await userEvent.click(canvas.getByRole('button', { name: '6 bulan terakhir' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ from: '2024-12-04', to: '2025-06-03' });
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus saringan' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({});
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { revisions: [1] },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Actor'), 'kecamatan');
    await expect(args.onChange).toHaveBeenLastCalledWith({ from: '2025-01-01', to: '2025-06-30', lane: 'kecamatan' });
    // One revision on the device: nothing to choose.
    expect(canvas.queryByLabelText('Revision')).toBeNull();
  },
};

/** The server's source: it does not say which offices its cases are of, so there is no office to pick. */
export const WithoutOffices: Story = {
  globals: { locale: 'id' },
  args: { filters: { from: '2025-01-01', source: 'server' }, offices: undefined },
  play: async ({ canvas, args, userEvent }) => {
    expect(canvas.queryByLabelText('Kantor')).toBeNull();
    await userEvent.selectOptions(canvas.getByLabelText('Pelaksana'), 'kecamatan');
    await expect(args.onChange).toHaveBeenLastCalledWith({ from: '2025-01-01', source: 'server', lane: 'kecamatan' });
    // Clearing the filters keeps the source the numbers come from.
    await userEvent.click(canvas.getByRole('button', { name: 'Hapus saringan' }));
    await expect(args.onChange).toHaveBeenLastCalledWith({ source: 'server' });
  },
};
