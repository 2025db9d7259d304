import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { seededDb, WithRuntime } from '../storyFixtures';
import { CasePage } from './CasePage';

const meta = {
  title: 'Runtime/CasePage',
  component: CasePage,
  args: { caseId: '' },
  loaders: [
    async () => {
      const db = await seededDb(1);
      const row = (await db.cases.toCollection().first())!;
      return { db, caseId: row.id };
    },
  ],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <CasePage caseId={loaded['caseId']} />
    </WithRuntime>
  ),
} satisfies Meta<typeof CasePage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { level: 2, name: 'Kasus Siti Aminah' })).toBeVisible();
    await expect(canvas.getByText('Berjalan')).toBeVisible();
    await expect(canvas.getByText('Terlambat')).toBeVisible();
    await expect(canvas.getByRole('img', { name: 'Peta alur SOP per pelaksana; langkah aktif disorot' })).toBeVisible();
    for (const box of canvas.getAllByRole('checkbox', { name: /wajib diperiksa/ })) await userEvent.click(box);
    await userEvent.click(canvas.getByRole('button', { name: 'Selesaikan langkah 1' }));
    await expect(await canvas.findByRole('heading', { level: 3, name: 'Langkah 2' })).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: '2' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { level: 2, name: 'Case of Siti Aminah' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Receipt & summary' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Complete step 1' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/^Not saved yet: Required items not ticked/);
  },
};

/** The clerk's own typing is saved as a draft, and that is not a "draft restored". */
export const TypingIsNotARestore: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await userEvent.type(await canvas.findByLabelText('Catatan'), 'Fotokopi KK menyusul');
    await expect(await canvas.findByText(/^Draf tersimpan otomatis pukul/, {}, { timeout: 3000 })).toBeVisible();
    // Give the live query time to bring the saved draft back to the page, as it did when this said "restored".
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(canvas.queryByText('Draf yang belum dikirim dipulihkan.')).toBeNull();
    // One attachment control per document of step 1, in the checklist.
    await expect(canvas.getAllByRole('button', { name: /^Lampirkan foto\/berkas untuk/ })).toHaveLength(3);
  },
};
