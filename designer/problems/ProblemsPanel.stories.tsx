import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { validateSop } from '../../core/validation';
import { computeFlowTotal } from '../../core/waktu';
import '../designer.css';
import { sampleDoc } from '../stories/storySupport';
import { ProblemsPanel } from './ProblemsPanel';

const doc = sampleDoc('bwi-spm-online');
doc.flows[0]!.steps[1]!.waktu = { raw: 'secepatnya' };
doc.flows[0]!.edges = doc.flows[0]!.edges.slice(1);

const meta = {
  title: 'Designer/ProblemsPanel',
  component: ProblemsPanel,
  args: {
    diagnostics: validateSop(doc).diagnostics,
    total: computeFlowTotal(doc.flows[0]!),
    statedTotal: doc.flows[0]!.statedTotal?.raw,
    describe: (d) => d.pointer,
    onSelect: fn(),
  },
} satisfies Meta<typeof ProblemsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: /^Galat/ })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: /^Peringatan/ })).toBeVisible();
    await expect(canvas.getByTestId('computed-total')).toHaveTextContent('Jumlah waktu (dihitung)');
    await expect(canvas.getByTestId('computed-total')).toHaveTextContent('tertulis: 4 Jam 10 Menit');
    await userEvent.click(canvas.getAllByRole('button', { name: /secepatnya/ })[0]!);
    await expect(args.onSelect).toHaveBeenCalledWith(expect.objectContaining({ ruleId: 'waktu.unparsed' }));
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('heading', { name: /^Errors/ })).toBeVisible();
    const toggle = canvas.getByRole('button', { name: 'Problems' });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  },
};

export const NoProblems: Story = {
  globals: { locale: 'id' },
  args: { diagnostics: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Tidak ada masalah. SOP ini sah.')).toBeVisible();
  },
};
