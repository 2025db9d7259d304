import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { FinalizeBar, fieldId } from './FormParts';
import { monitoringFormFixture } from './monevFormFixtures';

const form = monitoringFormFixture('id');
const problems = [{ where: 'evaluator', message: { id: 'Nama evaluator belum diisi.', en: "The evaluator's name is not filled in." } }];

const meta = {
  title: 'Runtime/Monev/FinalizeBar',
  component: FinalizeBar,
  args: { form, problems, onFinalize: fn(), focusTarget: (where: string) => fieldId(form.id, where) },
  render: (args) => (
    <>
      <input id={fieldId(form.id, 'evaluator')} aria-label="evaluator" />
      <FinalizeBar {...args} />
    </>
  ),
} satisfies Meta<typeof FinalizeBar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Refused with its problems listed; each takes the evaluator to its field. */
export const BlockedIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args }) => {
    await expect(canvas.queryByRole('alert')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Tetapkan' }));
    await expect(args.onFinalize).not.toHaveBeenCalled();
    await expect(canvas.getByRole('alert')).toHaveTextContent('Formulir belum dapat ditetapkan. Perbaiki dulu:');
    await userEvent.click(canvas.getByRole('button', { name: 'Nama evaluator belum diisi.' }));
    await expect(canvas.getByRole('textbox', { name: 'evaluator' })).toHaveFocus();
  },
};

export const BlockedEnglish: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Make final' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent("The form cannot be made final yet. First fix:The evaluator's name is not filled in.");
  },
};

export const Ready: Story = {
  globals: { locale: 'id' },
  args: { problems: [] },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Tetapkan' }));
    await expect(args.onFinalize).toHaveBeenCalled();
  },
};
