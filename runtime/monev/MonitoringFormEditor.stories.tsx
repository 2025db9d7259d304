import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import type { MonitoringForm } from '../../core/monev/forms';
import { monitoringFormFixture } from './monevFormFixtures';
import { MonitoringFormEditor } from './MonitoringFormEditor';

/** The editor holds no state of its own: the page keeps the form (and saves it), as this wrapper does. */
function Editing({ form }: { form: MonitoringForm }) {
  const [current, setCurrent] = useState(form);
  return <MonitoringFormEditor form={current} onChange={setCurrent} />;
}

const meta = {
  title: 'Runtime/Monev/MonitoringFormEditor',
  component: MonitoringFormEditor,
  args: { form: monitoringFormFixture('id'), onChange: () => {} },
  render: (args) => <Editing form={args.form} />,
} satisfies Meta<typeof MonitoringFormEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('rowheader', { name: 'Nama SOP' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Tindakan yang harus diambil' })).toBeVisible();
    const step2 = canvas.getByRole('group', { name: 'Langkah 2 berjalan dengan baik' });
    await expect(within(step2).getByRole('radio', { name: 'Tidak' })).toBeChecked();
    await expect(canvas.getByText(/^4 kunjungan; tepat waktu 33%/)).toBeVisible();
    // Amending a row says so; a "Tidak" without an action blocks "Tetapkan".
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Tindakan yang harus diambil langkah 2' }));
    await expect(canvas.getAllByText('Diubah evaluator').length).toBeGreaterThan(0);
    await userEvent.click(canvas.getByRole('button', { name: 'Tetapkan' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent('Langkah 2: tidak berjalan baik, tetapi tindakan yang harus diambil belum diisi.');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { form: monitoringFormFixture('en') },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('rowheader', { name: 'SOP name' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Runs well' })).toBeVisible();
    await expect(within(canvas.getByRole('group', { name: 'Step 2 runs well' })).getByRole('radio', { name: 'No' })).toBeChecked();
    await expect(canvas.getByRole('textbox', { name: "Evaluator's name" })).toHaveValue('Rina Operator');
    await userEvent.click(canvas.getByRole('button', { name: 'Make final' }));
    await expect(canvas.getByText('This form is final and can no longer be changed.')).toBeVisible();
  },
};

/** A final form: judgements locked, text read-only. */
export const Final: Story = {
  globals: { locale: 'id' },
  args: { form: { ...monitoringFormFixture('id'), status: 'final' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Formulir ini sudah ditetapkan dan tidak dapat diubah lagi.')).toBeVisible();
    await expect(within(canvas.getByRole('group', { name: 'Langkah 1 berjalan dengan baik' })).getByRole('radio', { name: 'Ya' })).toBeDisabled();
    await expect(canvas.getByRole('textbox', { name: 'Catatan hasil penilaian langkah 1' })).toHaveAttribute('readonly');
  },
};
