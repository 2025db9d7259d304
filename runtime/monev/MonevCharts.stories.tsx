import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { actorLabel } from '../../core/engine';
import { BottleneckRanking, CountsOverTime, LeadTimeChart, StepsAgainstStandard, WaitsAndReasons } from './MonevCharts';
import { storyMeasures, storySop } from './monevStoryData';

function AllCharts({ onShowCases }: { onShowCases: (stepId: string) => void }) {
  const measures = storyMeasures();
  return (
    <div className="mv-grid">
      <BottleneckRanking measures={measures} />
      <StepsAgainstStandard measures={measures} laneLabel={(id) => (id ? actorLabel(storySop, id) : '—')} onShowCases={onShowCases} />
      <CountsOverTime measures={measures} />
      <LeadTimeChart measures={measures} />
      <WaitsAndReasons measures={measures} />
    </div>
  );
}

const meta = {
  title: 'Runtime/Monev/Charts',
  component: AllCharts,
  args: { onShowCases: fn() },
} satisfies Meta<typeof AllCharts>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    const worst = storyMeasures().bottlenecks[0]!;
    // The ranking names the worst step in words, and every chart has its table.
    await expect(canvas.getByRole('note')).toHaveTextContent(`Hambatan terbesar: langkah ${worst.row}`);
    for (const title of ['Peringkat hambatan', 'Langkah dibanding Mutu Baku', 'Kasus dari waktu ke waktu', 'Lama penyelesaian kasus'])
      await expect(canvas.getByRole('table', { name: title })).toBeVisible();
    expect(canvas.getAllByTestId('monev-chart').length).toBeGreaterThanOrEqual(4);
    expect(canvas.getAllByTestId('monev-chart')[0]!.querySelector('svg')).not.toBeNull();
    await expect(canvas.getByRole('table', { name: 'Alasan pengembalian' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Lihat kasus langkah 7' }));
    await expect(args.onShowCases).toHaveBeenCalledWith('s7');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('note')).toHaveTextContent(/^Worst bottleneck: step \d+/);
    await expect(canvas.getByRole('table', { name: 'Steps against the quality standard' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Within Waktu' })).toBeVisible();
  },
};
