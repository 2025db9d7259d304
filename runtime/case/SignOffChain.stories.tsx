import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SignOffChain } from './SignOffChain';
import { signOffCase } from './v2CaseFixtures';

const drafted = signOffCase(0);
const signedOnce = signOffCase(1);
const surat = (c: typeof drafted) => c.state.visits.find((v) => v.stepId === 'surat')!;

const meta = {
  title: 'Runtime/SignOffChain',
  component: SignOffChain,
  args: { sop: drafted.sop, visit: surat(drafted), timeZone: 'Asia/Jakarta', headingId: 'chain' },
} satisfies Meta<typeof SignOffChain>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nobody has initialled yet: the Kasi is next, the rest wait. */
export const NoneYet: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    const items = canvas.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Paraf Kasi Rehabilitasi Sosial (Dinas Sosial) · giliran berikutnya',
      'Paraf Kabid Rehabilitasi Sosial (Dinas Sosial) · menunggu',
      'Paraf Sekretaris Dinas (Dinas Sosial) · menunggu',
      'Tanda tangan Kepala Dinas (Dinas Sosial) · menunggu',
    ]);
  },
};

export const OneSignedEnglish: Story = {
  globals: { locale: 'en' },
  args: { sop: signedOnce.sop, visit: surat(signedOnce) },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Initials and signatures, in order' })).toBeVisible();
    const [first, second] = canvas.getAllByRole('listitem');
    expect(first!.textContent).toMatch(/^Initials of Kasi Rehabilitasi Sosial \(Dinas Sosial\) · done by Agus Kasi at 2 Jun 2025, .* WIB · Note: Sudah diperiksa$/);
    expect(second!.textContent).toBe('Initials of Kabid Rehabilitasi Sosial (Dinas Sosial) · next');
  },
};
