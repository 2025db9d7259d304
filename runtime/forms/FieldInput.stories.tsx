import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import type { CaseField } from '../../schemas/generated/sop.types';
import { FieldInput } from './FieldInput';

function Controlled({ field }: { field: CaseField }) {
  const [value, setValue] = useState('');
  return <FieldInput field={field} value={value} onChange={setValue} />;
}

const meta = {
  title: 'Runtime/FieldInput',
  component: Controlled,
  args: { field: { id: 'nik', label: 'NIK pemohon', type: 'nik', required: true } },
} satisfies Meta<typeof Controlled>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText(/NIK pemohon/);
    await expect(input).toBeRequired();
    await userEvent.type(input, '35100152058500');
    await expect(canvas.getByText('NIK harus 16 angka (tertulis 14 karakter).')).toBeVisible();
    await userEvent.type(input, '02');
    await expect(canvas.getByText('NIK sah: perempuan, lahir 12-05-85.')).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByLabelText(/NIK pemohon/), '3510019905850002');
    await expect(canvas.getByText(/The birth date in the NIK \(990585\) is not valid; women add 40 to the day\./)).toBeVisible();
  },
};

export const Choice: Story = {
  args: { field: { id: 'jenis', label: 'Jenis bantuan', type: 'choice', required: false, options: ['Sembako', 'Uang tunai'] } },
  play: async ({ canvas }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Jenis bantuan'), 'Uang tunai');
    await expect(canvas.getByLabelText('Jenis bantuan')).toHaveValue('Uang tunai');
  },
};
