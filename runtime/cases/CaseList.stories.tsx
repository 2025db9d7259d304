import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { seededDb, WithRuntime } from '../storyFixtures';
import { CaseList } from './CaseList';

const meta = {
  title: 'Runtime/CaseList',
  component: CaseList,
  loaders: [async () => ({ db: await seededDb(6) })],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <CaseList />
    </WithRuntime>
  ),
} satisfies Meta<typeof CaseList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Diurutkan menurut batas waktu, yang paling mendesak di atas.')).toBeVisible();
    await waitFor(() => expect(canvas.getAllByRole('row')).toHaveLength(7));
    const names = canvas.getAllByRole('rowheader').map((th) => th.textContent);
    // Most urgent first: Budi's step 2 ("10 Menit", due 08.35) before Siti's step 1 ("60 Menit", due 09.00).
    expect(names.slice(0, 2)).toEqual(['Budi Santoso', 'Siti Aminah']);
    await userEvent.selectOptions(canvas.getByLabelText('Menunggu pelaksana'), 'desa-kelurahan');
    await waitFor(() => expect(canvas.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Budi Santoso', 'Slamet Riyadi', 'Agus Salim']));
    await userEvent.type(canvas.getByLabelText('Cari nomor kasus, nama pemohon atau awalan NIK'), 'dewi');
    await expect(await canvas.findByText('1 hasil untuk "dewi" (paling banyak 50).')).toBeVisible();
    await userEvent.clear(canvas.getByLabelText('Cari nomor kasus, nama pemohon atau awalan NIK'));
    await userEvent.type(canvas.getByLabelText('Cari nomor kasus, nama pemohon atau awalan NIK'), '3510011205850003');
    await waitFor(() => expect(canvas.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Ani Rahayu']));
    // By case number, as read over the phone: Ani's number, typed in lower case with spaces.
    const number = canvas.getAllByRole('cell')[0]!.textContent!;
    expect(number).toMatch(/^SPM-2025-\w{4}-0003$/);
    await userEvent.clear(canvas.getByLabelText('Cari nomor kasus, nama pemohon atau awalan NIK'));
    await userEvent.type(canvas.getByLabelText('Cari nomor kasus, nama pemohon atau awalan NIK'), number.toLowerCase().replace(/-/g, ' - '));
    await waitFor(() => expect(canvas.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Ani Rahayu']));
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Sorted by due time, most urgent first.')).toBeVisible();
    await userEvent.selectOptions(canvas.getByLabelText('Status'), 'finished');
    await expect(await canvas.findByText('No matching case.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};
