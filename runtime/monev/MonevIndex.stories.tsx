import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { addRevision, DeviceDb } from '../../device';
import '../runtime.css';
import { RuntimeProvider } from '../context';
import { STORY_NOW, STORY_PERSON } from '../storyFixtures';
import { sampleDoc, scratchDb } from '../storage/testing';
import { MonevIndex } from './MonevIndex';

/** A device whose catalogue holds the Banyuwangi sample, and a database (real or demo) still without cases. */
async function device() {
  const db = scratchDb('story-monev-index');
  const device = new DeviceDb(`${db.name}.device`);
  await addRevision(device, sampleDoc('bwi-spm-online'), { source: 'sample' });
  return { db, device };
}

const meta = {
  title: 'Runtime/Monev/MonevIndex',
  component: MonevIndex,
  args: { demo: false },
  loaders: [device],
  render: (args, { loaded }) => (
    <RuntimeProvider db={loaded['db']} device={loaded['device']} seed={false} now={STORY_NOW} person={STORY_PERSON} demo={(args as { demo: boolean }).demo}>
      <MonevIndex />
    </RuntimeProvider>
  ),
} satisfies Meta<typeof MonevIndex & { demo: boolean }>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The real database: no case yet, and a way to try the dashboards on demo data instead. */
export const RealIndonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Monitoring dan evaluasi SOP' })).toBeVisible();
    const link = canvas.getByRole('link', { name: 'Coba dasbor dengan data contoh' });
    await expect(link.getAttribute('href')).toMatch(/\?contoh-monev#\/monev$/);
    expect(canvas.queryByRole('button', { name: 'Buat data contoh' })).toBeNull();
    // A published SOP is listed before its first case, so its drafter sees it will be measured.
    await expect(await canvas.findByRole('heading', { name: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine' })).toBeVisible();
    await expect(canvas.getByText('0 kasus')).toBeVisible();
  },
};

/** The demo database: make a month of cases, then the SOP is listed with them and its dashboard is linked. */
export const DemoFillIndonesian: Story = {
  globals: { locale: 'id' },
  args: { demo: true },
  play: async ({ canvas, userEvent }) => {
    // The published SOPs come from the device's catalogue a moment after the panel shows.
    await canvas.findByRole('option', { name: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine' });
    const sop = canvas.getByLabelText('SOP');
    await expect(sop).toHaveDisplayValue('Penerbitan Surat Pernyataan Miskin (SPM) OnLine');
    await userEvent.clear(canvas.getByLabelText('Lama (bulan)'));
    await userEvent.type(canvas.getByLabelText('Lama (bulan)'), '1');
    await userEvent.clear(canvas.getByLabelText('Kasus per hari kerja'));
    await userEvent.type(canvas.getByLabelText('Kasus per hari kerja'), '2');
    await userEvent.click(canvas.getByRole('button', { name: 'Buat data contoh' }));
    const done = await canvas.findByText(/kasus contoh dibuat untuk Penerbitan Surat Pernyataan Miskin/, {}, { timeout: 30_000 });
    await expect(done).toBeVisible();
    await expect(canvas.getAllByRole('link', { name: 'Buka monev Penerbitan Surat Pernyataan Miskin (SPM) OnLine' })[0]).toHaveAttribute('href', '#/monev/bwi-spm-online');
    // About 20 working days × 2 cases: the card counts what was made.
    const count = await canvas.findByText(/^[1-9][\d.]* kasus$/, {}, { timeout: 10_000 });
    expect(Number(count.textContent!.split(' ')[0])).toBeGreaterThan(15);
    expect(Number(count.textContent!.split(' ')[0])).toBeLessThan(90);
  },
};

export const DemoEnglish: Story = {
  globals: { locale: 'en' },
  args: { demo: true },
  play: async ({ canvas }) => {
    await canvas.findByRole('option', { name: 'Penerbitan Surat Pernyataan Miskin (SPM) OnLine' });
    await expect(canvas.getByRole('button', { name: 'Make demo data' })).toBeEnabled();
    // Published SOPs are listed before their first case.
    await expect(await canvas.findByText('0 cases')).toBeVisible();
  },
};
