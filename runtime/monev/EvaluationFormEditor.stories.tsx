import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { EvaluationForm } from '../../core/monev/forms';
import { EvaluationFormEditor, type EvaluationFormEditorProps } from './EvaluationFormEditor';
import { evaluationFormFixture, noteStepsFixture } from './monevFormFixtures';

function Editing({ form, ...rest }: EvaluationFormEditorProps) {
  const [current, setCurrent] = useState<EvaluationForm>(form);
  return <EvaluationFormEditor {...rest} form={current} onChange={setCurrent} />;
}

const meta = {
  title: 'Runtime/Monev/EvaluationFormEditor',
  component: EvaluationFormEditor,
  args: { form: evaluationFormFixture('id'), steps: noteStepsFixture(), onChange: () => {} },
  render: (args) => <Editing {...args} />,
} satisfies Meta<typeof EvaluationFormEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Kriteria penilaian' })).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: 'Mampu mendorong peningkatan kinerja' })).toBeVisible();
    await expect(canvas.getAllByRole('group', { name: /^Kriteria ".*" terpenuhi$/ })).toHaveLength(7);
    await expect(canvas.getByRole('radio', { name: 'SOP direvisi' })).toBeChecked();
    await expect(canvas.getByRole('textbox', { name: 'Isi catatan 2' })).toHaveValue('Langkah 2 melebihi Waktu-nya pada 67% kasus; pertimbangkan 90 menit.');
    await userEvent.click(canvas.getByRole('button', { name: 'Tambah catatan langkah' }));
    await expect(canvas.getByRole('combobox', { name: 'Langkah catatan 4' })).toHaveValue('s1');
    await userEvent.click(canvas.getByRole('button', { name: 'Tetapkan' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent('Kriteria "Sinergi satu dengan lainnya" belum dinilai.');
    // No designer hand-off given: no button for it.
    await expect(canvas.queryByRole('button', { name: 'Buka draf revisi di Perancang' })).toBeNull();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  args: { form: evaluationFormFixture('en') },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Assessment criteria' })).toBeVisible();
    await expect(canvas.getByRole('radio', { name: 'Revise the SOP' })).toBeChecked();
    for (const group of canvas.getAllByRole('group', { name: /^Criterion ".*" met$/ })) await userEvent.click(within(group).getByRole('radio', { name: 'Yes' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Make final' }));
    await expect(canvas.getByText('This form is final and can no longer be changed.')).toBeVisible();
  },
};

/** With the designer hand-off plugged in (added by the revision-draft work): the button hands over the form. */
export const WithRevisionDraft: Story = {
  globals: { locale: 'id' },
  args: { onOpenRevisionDraft: fn() },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Buka draf revisi di Perancang' }));
    await expect(args.onOpenRevisionDraft).toHaveBeenCalledWith(expect.objectContaining({ kind: 'evaluation' }));
  },
};
