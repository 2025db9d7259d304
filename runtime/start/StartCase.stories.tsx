import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { sampleDoc } from '../storage/testing';
import { StartCaseForm, type StartCaseFormProps } from './StartCase';

const meta = {
  title: 'Runtime/StartCaseForm',
  component: StartCaseForm,
  args: { sop: sampleDoc('bwi-spm-online'), onSubmit: fn<StartCaseFormProps['onSubmit']>(async () => undefined) },
} satisfies Meta<typeof StartCaseForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('heading', { name: 'Kasus baru' })).toBeVisible();
    const nik = canvas.getByLabelText(/NIK pemohon/);
    await userEvent.type(nik, '2010011205850001');
    await expect(canvas.getByText('Kode provinsi 20 pada NIK tidak dikenal.')).toBeVisible();
    await expect(nik).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(nik);
    await userEvent.type(nik, '3510011205850001');
    await expect(canvas.getByText('NIK sah: laki-laki, lahir 12-05-85.')).toBeVisible();
    await userEvent.type(canvas.getByLabelText(/Nama pemohon/), 'Budi Santoso');
    await userEvent.click(canvas.getByRole('button', { name: 'Mulai kasus' }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ nama: 'Budi Santoso', nik: '3510011205850001' }));
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: {
    onSubmit: fn<StartCaseFormProps['onSubmit']>(async () => ({
      message: { id: 'Nama pemohon wajib diisi.', en: 'Nama pemohon is required.' },
      details: { nama: { id: 'Nama pemohon wajib diisi.', en: 'Nama pemohon is required.' } },
    })),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("Fill in the applicant's data. Fields marked * are required.")).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Start the case' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Nama pemohon is required.');
    await expect(canvas.getByLabelText(/Nama pemohon/)).toHaveAttribute('aria-invalid', 'true');
  },
};
