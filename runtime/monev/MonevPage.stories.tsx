import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import '../runtime.css';
import { WithRuntime } from '../storyFixtures';
import { MonevPage } from './MonevPage';
import { caseFactsFromEvents, encodeFacts, monevMeasures, monevStepsOf, officesOf } from '../../core/monev';
import { loadCalendar } from '../storage/repository';
import { keepMonevView, monevViewKey } from './monevViewsStore';
import { monevQueryOf, parseMonevFilters } from './monevFilters';
import { TEST_CALENDAR } from '../../core/monev/testing/monevFixtures';
import { TransportError } from '../sync/transport';
import { MONEV_SOP_ID, monevFixtureCases } from './monevFormFixtures';
import type { FetchServerMonev } from './serverMonev';
import { monevFormsDb } from './monevFormsDb';

/** The dashboard, on the hand-timed cases, with what the forms add: "Isi formulir monitoring" and the saved forms. */
const meta = {
  title: 'Runtime/Monev/MonevPage',
  component: MonevPage,
  args: { sopId: MONEV_SOP_ID, query: '?dari=2026-03-16&sampai=2026-03-31' },
  loaders: [async () => ({ db: await monevFormsDb({ forms: true }) })],
  render: (args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <MonevPage {...args} />
    </WithRuntime>
  ),
} satisfies Meta<typeof MonevPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Indonesian: Story = {
  globals: { locale: 'id' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Monev: SOP Uji Monev' }, { timeout: 5000 })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Isi formulir monitoring' })).toBeEnabled();
    await expect(canvas.getAllByRole('button', { name: /^Lihat kasus langkah/ }).length).toBeGreaterThan(0);
    await expect(await canvas.findByRole('heading', { name: 'Formulir monitoring dan evaluasi tersimpan' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Formulir evaluasi' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Fill in the monitoring form' }, { timeout: 5000 })).toBeEnabled();
    await expect(await canvas.findByRole('heading', { name: 'Saved monitoring and evaluation forms' })).toBeVisible();
  },
};

/** Stands in for the server: it holds three of the four cases (so its numbers are visibly not the device's) and refuses a lane filter as the real one refuses an office without a lane. */
const fakeServer: FetchServerMonev = async (sopId, query) => {
  if (query.lane) throw new TransportError('refused', 403, { id: 'Kantor Anda tidak memegang lajur dalam SOP ini.', en: 'Your office holds no lane in this SOP.' }, 'monev.forbidden');
  return { sopId, revision: 1, timeZone: TEST_CALENDAR.timeZone, measures: serverMeasures() };
};

function serverMeasures() {
  const { sop, cases } = monevFixtureCases();
  const facts = cases.slice(0, 3).map((c) => caseFactsFromEvents(c.events, TEST_CALENDAR));
  return monevMeasures(facts, {}, TEST_CALENDAR, monevStepsOf(sop));
}

export const ServerSource: Story = {
  globals: { locale: 'id' },
  args: { query: '?sumber=server', fetchServerMonev: fakeServer },
  play: async ({ canvas }) => {
    const started = serverMeasures().totals.started;
    await expect(await canvas.findByText(new RegExp(`^${started} kasus dimulai`), {}, { timeout: 5000 })).toBeVisible();
    await expect(canvas.getByRole('radio', { name: 'Semua kasus kantor (server)' })).toBeChecked();
    // The server does not say which offices its cases are of; the cases behind its numbers stay on the server.
    expect(canvas.queryByLabelText('Kantor', { selector: 'select' })).toBeNull();
    expect(canvas.queryByRole('button', { name: 'Isi formulir monitoring' })).toBeNull();
    expect(canvas.queryByRole('button', { name: /^Lihat kasus langkah/ })).toBeNull();
    await expect(canvas.getByText(/hanya tersedia untuk kasus di perangkat ini/)).toBeVisible();
  },
};

export const ServerRefuses: Story = {
  globals: { locale: 'en' },
  args: { query: '?lajur=pemohon&sumber=server', fetchServerMonev: fakeServer },
  play: async ({ canvas }) => {
    // The server's own words, in the page's language; the page keeps its heading, source and filters.
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('The measures could not be fetched from the server: Your office holds no lane in this SOP.');
    await expect(canvas.getByRole('heading', { name: 'Monitoring: SOP Uji Monev' })).toBeVisible();
    await expect(canvas.getByRole('radio', { name: "All the office's cases (server)" })).toBeChecked();
  },
};

export const ServerLoading: Story = {
  globals: { locale: 'id' },
  args: { query: '?sumber=server', fetchServerMonev: () => new Promise(() => undefined) },
  play: async ({ canvas }) => {
    const status = await canvas.findByText('Meminta ukuran semua kasus kantor dari server…', {}, { timeout: 5000 });
    await expect(status).toHaveAttribute('role', 'status');
    // Before any number arrives the page still shows what it is about and how to filter it.
    await expect(canvas.getByRole('heading', { name: 'Monev: SOP Uji Monev' })).toBeVisible();
    await expect(canvas.getByLabelText('Dari tanggal')).toBeVisible();
  },
};

/** A link with `sumber=server` opened on a device not signed in: it says so and shows the device's own cases. */
export const ServerSignedOut: Story = {
  globals: { locale: 'id' },
  args: { query: '?sumber=server' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('Masuk ke server (Pengaturan) untuk melihat semua kasus kantor.');
    await expect(await canvas.findByText(/^\d+ kasus dimulai/)).toBeVisible();
    // No server to choose here: no switch, and the device's parts work.
    expect(canvas.queryByRole('group', { name: 'Sumber data' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Isi formulir monitoring' })).toBeEnabled();
  },
};

/**
 * A device slow to read its facts, with a view kept from an earlier visit before cases changed: the old numbers
 * are shown and said to be old, and no form is offered from them until the current ones are measured.
 */
export const StaleWhileUpdating: Story = {
  globals: { locale: 'id' },
  args: { loadFacts: () => new Promise(() => undefined) },
  loaders: [
    async ({ args }) => {
      const db = await monevFormsDb();
      const calendar = await loadCalendar(db);
      const { sop, cases } = monevFixtureCases();
      const steps = monevStepsOf(sop);
      const query = monevQueryOf(parseMonevFilters(args.query), calendar.timeZone);
      const facts = cases.map((c) => caseFactsFromEvents(c.events, calendar));
      const view = { measures: monevMeasures(facts, query, calendar, steps), offices: officesOf([encodeFacts(facts)]), unreadable: 0 };
      await keepMonevView(db, MONEV_SOP_ID, monevViewKey(MONEV_SOP_ID, query, steps, calendar), 'facts-before-the-last-cases', view);
      return { db, started: view.measures.totals.started };
    },
  ],
  play: async ({ canvas, loaded }) => {
    const notice = await canvas.findByText(/^Angka per .+, dari kunjungan sebelumnya: ada kasus yang berubah sejak itu\. Sedang diperbarui…$/, {}, { timeout: 5000 });
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(canvas.getByText(new RegExp(`^${loaded['started']} kasus dimulai`))).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Peringkat hambatan' })).toBeVisible();
    expect(canvas.queryByRole('button', { name: 'Isi formulir monitoring' })).toBeNull();
  },
};
