import type { Meta, StoryObj } from '@storybook/react-vite';
import * as Plot from '@observablehq/plot';
import { expect } from 'storybook/test';
import { ChartWithTable } from './ChartWithTable';

interface Row {
  step: string;
  share: number;
}

const rows: Row[] = [
  { step: '1. Menerima berkas', share: 92 },
  { step: '2. <b>Memeriksa</b> berkas', share: 41 },
];

function Example({ empty }: { empty?: boolean }) {
  const data = empty ? [] : rows;
  return (
    <ChartWithTable<Row>
      title="Dalam Waktu"
      description="Bagian kunjungan yang selesai dalam Waktu-nya."
      chart={{ x: { domain: [0, 100] }, marks: [Plot.barX(data, { x: 'share', y: 'step' })] }}
      rows={data}
      rowKey={(r) => r.step}
      empty="Tidak ada kasus yang cocok dengan saringan ini."
      columns={[
        { header: 'Langkah', cell: (r) => r.step },
        { header: 'Dalam Waktu', cell: (r) => `${r.share}%`, numeric: true },
      ]}
    />
  );
}

const meta = { title: 'Runtime/Monev/ChartWithTable', component: Example } satisfies Meta<typeof Example>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithData: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Dalam Waktu' })).toBeVisible();
    const table = canvas.getByRole('table', { name: 'Dalam Waktu' });
    await expect(table).toHaveTextContent('2. <b>Memeriksa</b> berkas');
    // User text stays text in the table and in the chart's labels.
    expect(table.querySelector('b')).toBeNull();
    const chart = canvas.getByTestId('monev-chart');
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(chart.querySelector('b')).toBeNull();
    await expect(chart.querySelector('svg')!).toHaveAttribute('aria-label', 'Dalam Waktu');
  },
};

export const Empty: Story = {
  args: { empty: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Tidak ada kasus yang cocok dengan saringan ini.')).toBeVisible();
    expect(canvas.queryByRole('table')).toBeNull();
    expect(canvas.queryByTestId('monev-chart')).toBeNull();
  },
};
