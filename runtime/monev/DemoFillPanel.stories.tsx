import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { addRevision, DeviceDb } from '../../device';
import '../runtime.css';
import { RuntimeProvider } from '../context';
import { STORY_NOW, STORY_PERSON } from '../storyFixtures';
import { sampleDoc, scratchDb } from '../storage/testing';
import { DemoFillPanel } from './DemoFillPanel';

/** A demo database, and a device whose catalogue holds the Banyuwangi sample. */
async function demoDevice() {
  const db = scratchDb('story-demo-fill');
  const device = new DeviceDb(`${db.name}.device`);
  await addRevision(device, sampleDoc('bwi-spm-online'), { source: 'sample' });
  return { db, device };
}

const meta = {
  title: 'Runtime/Monev/DemoFillPanel',
  component: DemoFillPanel,
  args: { onFilled: fn() },
  loaders: [demoDevice],
  render: (args, { loaded }) => (
    <RuntimeProvider db={loaded['db']} device={loaded['device']} seed={false} now={STORY_NOW} person={STORY_PERSON} demo>
      <DemoFillPanel {...args} />
    </RuntimeProvider>
  ),
} satisfies Meta<typeof DemoFillPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas, args, userEvent }) => {
    await canvas.findByRole('option', { name: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine' });
    // A cleared field can be typed into: what is typed is kept, and bounded only when the data is made.
    await userEvent.clear(canvas.getByLabelText('Lama (bulan)'));
    await userEvent.type(canvas.getByLabelText('Lama (bulan)'), '1');
    await expect(canvas.getByLabelText('Lama (bulan)')).toHaveValue(1);
    await userEvent.clear(canvas.getByLabelText('Kasus per hari kerja'));
    await userEvent.type(canvas.getByLabelText('Kasus per hari kerja'), '2');
    await userEvent.click(canvas.getByRole('button', { name: 'Buat data contoh' }));
    await expect(await canvas.findByText(/kasus contoh dibuat untuk Penerbitan Surat Pernyataan Miskin/, {}, { timeout: 30_000 })).toBeVisible();
    await expect(args.onFilled).toHaveBeenCalledOnce();
    await expect(canvas.getByRole('link', { name: 'Buka monev Penerbitan Surat Pernyataan Miskin (SPM) OnLine' })).toHaveAttribute('href', '#/monev/bwi-spm-online');
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await canvas.findByRole('option', { name: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine' });
    await expect(canvas.getByRole('button', { name: 'Make demo data' })).toBeEnabled();
    await expect(canvas.getByLabelText('Length (months)')).toHaveValue(6);
  },
};
