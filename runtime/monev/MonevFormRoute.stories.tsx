import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { getEvaluationHandoff } from '../../device';
import '../runtime.css';
import { WithRuntime } from '../storyFixtures';
import { deviceDbFor } from '../storage/deviceDbFor';
import { evaluationFormFixture, MONEV_SOP_ID } from './monevFormFixtures';
import { monevFormsDb } from './monevFormsDb';
import { saveMonevForm } from './formStore';
import { MonevFormRoute } from './MonevFormRoute';

const evaluation = evaluationFormFixture();

const meta = {
  title: 'Runtime/Monev/MonevFormRoute',
  component: MonevFormRoute,
  args: { sopId: MONEV_SOP_ID, formId: evaluation.id, go: fn() },
  loaders: [async () => ({ db: await monevFormsDb({ forms: true }) })],
  render: (args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <MonevFormRoute {...args} />
    </WithRuntime>
  ),
} satisfies Meta<typeof MonevFormRoute>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The evaluation hands its notes to the designer through the device database, then goes to the designer. */
export const OpensTheDesignerIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Buka draf revisi di Perancang' }));
    // The hand-off is written first (its module loads on demand), then the page goes.
    await waitFor(() => expect(args.go).toHaveBeenCalledOnce());
    expect(String((args.go as ReturnType<typeof fn>).mock.calls[0]![0])).toMatch(new RegExp(`/designer/\\?evaluasi=${evaluation.id}$`));
    const row = await getEvaluationHandoff(deviceDbFor(loaded['db']), evaluation.id);
    expect(row).toMatchObject({ sopId: MONEV_SOP_ID, revision: evaluation.subject.revision });
    expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** A form whose period runs backwards (damaged) is refused, said in words, and nobody leaves the page. */
export const RefusedEnglish: Story = {
  globals: { locale: 'en' },
  loaders: [
    async () => {
      const db = await monevFormsDb({ forms: true });
      await saveMonevForm(db, { ...evaluation, subject: { ...evaluation.subject, period: { from: '2026-06-30', to: '2026-01-01' } } });
      return { db };
    },
  ],
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Open a revision draft in the Designer' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/^The revision draft could not be opened: .*period: the start date is after the end date/);
    await expect(args.go).not.toHaveBeenCalled();
  },
};
