import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { bwiCase } from '../storyFixtures';
import { CameBackNotice } from './CameBackNotice';

const sentBack = bwiCase(5, { sentBack: true });

const meta = {
  title: 'Runtime/CameBackNotice',
  component: CameBackNotice,
  args: { ...sentBack, record: sentBack.state.returns[0]!, timeZone: 'Asia/Jakarta' },
} satisfies Meta<typeof CameBackNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    const notice = canvas.getByRole('note', { name: 'Kasus dikembalikan ke langkah ini' });
    await expect(notice).toHaveTextContent('Dikembalikan dari langkah 6 oleh KECAMATAN, 2 Jun 2025, 11.52 WIB.');
    await expect(notice).toHaveTextContent('Alasan: Fotokopi KTP pemilik rumah belum ada');
    await expect(canvas.getByRole('listitem')).toHaveTextContent('Photo kopi KTP pemilik rumah, jika numpang/sewa');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    const notice = canvas.getByRole('note', { name: 'The case was sent back to this step' });
    await expect(notice).toHaveTextContent('Returned from step 6 by KECAMATAN, 2 Jun 2025, 11:52 WIB.');
    await expect(notice).toHaveTextContent('Missing requirements:');
  },
};

/** The return names the person who made it, beside their lane. */
export const WithPerson: Story = {
  globals: { locale: 'id' },
  args: { record: { ...sentBack.state.returns[0]!, by: { actorId: 'kecamatan', user: 'Rina Operator' } } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('note')).toHaveTextContent('Dikembalikan dari langkah 6 oleh Rina Operator (KECAMATAN), 2 Jun 2025, 11.52 WIB.');
  },
};

/** Returned to the applicant, with no lane recorded: the "came back" heading and no "by". */
export const ApplicantCameBack: Story = {
  globals: { locale: 'id' },
  args: { record: { at: '2025-06-02T02:00:00.000Z', fromStepIds: ['s1'], to: { applicant: true }, reason: 'KK belum dibawa', missing: [] } },
  play: async ({ canvas }) => {
    const notice = canvas.getByRole('note', { name: 'Pemohon kembali setelah berkas dikembalikan kepadanya' });
    await expect(notice).toHaveTextContent('Dikembalikan dari langkah 1, 2 Jun 2025, 09.00 WIB.');
    await expect(canvas.queryByRole('list')).toBeNull();
  },
};
