import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { casesOfStep } from '../../core/monev';
import { STORY_CALENDAR, storyFacts, storyMeasures } from './monevStoryData';
import { StepCases } from './StepCases';

const step = storyMeasures().steps.find((s) => s.stepId === 's7')!;

const meta = {
  title: 'Runtime/Monev/StepCases',
  component: StepCases,
  args: { facts: storyFacts(), query: {}, step, which: 'late', calendar: STORY_CALENDAR, onWhich: fn(), onClose: fn() },
} satisfies Meta<typeof StepCases>;

export default meta;
type Story = StoryObj<typeof meta>;

export const LateCasesIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    const late = casesOfStep(storyFacts(), {}, 's7', 'late', STORY_CALENDAR);
    await expect(canvas.getByRole('heading', { name: /^Kasus langkah 7:/ })).toBeVisible();
    // One row per late case, each linking to its case page, with the lateness said in words.
    const rows = canvas.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(Math.min(late.length, 200));
    await expect(canvas.getAllByRole('link')[0]).toHaveAttribute('href', `#/kasus/${late[0]!.caseId}`);
    await expect(rows[0]!).toHaveTextContent('terlambat');
    await userEvent.selectOptions(canvas.getByLabelText('Tampilkan'), 'returned');
    await expect(args.onWhich).toHaveBeenCalledWith('returned');
    await userEvent.click(canvas.getByRole('button', { name: 'Tutup daftar kasus' }));
    await expect(args.onClose).toHaveBeenCalled();
  },
};

export const NoneEnglish: Story = {
  globals: { locale: 'en' },
  args: { which: 'skipped' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('No such case with these filters.')).toBeVisible();
  },
};
