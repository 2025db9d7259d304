import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { WithRuntime } from '../storyFixtures';
import { CasePage } from './CasePage';
import { fanOutCase, rejectedCase, storedV2Case } from './v2CaseFixtures';

/** The case page on schema v2 SOPs: parallel branches, a join that waits, a rejected end. */
const meta = {
  title: 'Runtime/CasePage/Schema v2',
  component: CasePage,
  args: { caseId: '' },
} satisfies Meta<typeof CasePage>;

export default meta;
type Story = StoryObj<typeof meta>;

const KECAMATAN = [{ sopId: 'fan-out-empat', actorId: 'kecamatan' }];

/** Four lanes at once: the Kecamatan clerk gets the Kecamatan's form; the three other lanes are listed, one click away. */
export const ParallelBranches: Story = {
  globals: { locale: 'id' },
  loaders: [() => storedV2Case(() => fanOutCase('split'))],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']} lanes={KECAMATAN}>
      <CasePage caseId={loaded['caseId']} />
    </WithRuntime>
  ),
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByText('Kasus ini sedang berjalan di 4 langkah sekaligus.')).toBeVisible();
    const forms = () => Array.from(canvasElement.querySelectorAll('.rt-step')).map((el) => el.getAttribute('data-visit'));
    expect(forms()).toEqual(['kec#1']);
    const others = canvas.getByRole('region', { name: 'Sedang dikerjakan lajur lain' });
    expect(Array.from(others.querySelectorAll('li')).map((li) => li.firstElementChild!.textContent)).toEqual([
      'Langkah 3: Dinas Kesehatan',
      'Langkah 5: Dispendukcapil',
      'Langkah 6: Puskesmas',
    ]);
    await userEvent.click(within(others).getByRole('button', { name: 'Kerjakan langkah 6 di sini' }));
    expect(forms()).toEqual(['kec#1', 'pus#1']);
    await userEvent.click(canvas.getByRole('button', { name: 'Selesaikan langkah 2' }));
    // Kecamatan's path now waits at the join for the three others.
    const join = await canvas.findByRole('region', { name: 'Langkah 7 menunggu cabang paralel' });
    await expect(join).toHaveTextContent('Menunggu: langkah 3 (Dinas Kesehatan); langkah 5 (Dispendukcapil); langkah 6 (Puskesmas)');
    await expect(join).toHaveTextContent('Sudah masuk: langkah 2 (Kecamatan)');
  },
};

/** Two branches done, two to go: the join says what it waits for. */
export const JoinWaiting: Story = {
  globals: { locale: 'id' },
  loaders: [() => storedV2Case(() => fanOutCase('waiting'))],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <CasePage caseId={loaded['caseId']} />
    </WithRuntime>
  ),
  play: async ({ canvas, canvasElement }) => {
    const join = await canvas.findByRole('region', { name: 'Langkah 7 menunggu cabang paralel' });
    await expect(join).toHaveTextContent('Menunggu: langkah 3 (Dinas Kesehatan); langkah 5 (Dispendukcapil)');
    await expect(join).toHaveTextContent('Sudah masuk: langkah 2 (Kecamatan); langkah 6 (Puskesmas)');
    // With no lanes set, every active step is a form, as on a front-office computer.
    expect(Array.from(canvasElement.querySelectorAll('.rt-step')).map((el) => el.getAttribute('data-visit'))).toEqual(['kes#1', 'duk#1']);
    expect(canvasElement.querySelector('[data-visit="rekap#1"]')).toBeNull();
  },
};

export const JoinWaitingEnglish: Story = {
  globals: { locale: 'en' },
  loaders: [() => storedV2Case(() => fanOutCase('waiting'))],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <CasePage caseId={loaded['caseId']} />
    </WithRuntime>
  ),
  play: async ({ canvas }) => {
    const join = await canvas.findByRole('region', { name: 'Step 7 waits for parallel branches' });
    await expect(join).toHaveTextContent('Waiting for: step 3 (Dinas Kesehatan); step 5 (Dispendukcapil)');
    await expect(canvas.getByText('This case is in progress at 2 steps at once.')).toBeVisible();
  },
};

/** A case that ended at a "ditolak" end: it reads as a rejection, not as done. */
export const Rejected: Story = {
  globals: { locale: 'id' },
  loaders: [() => storedV2Case(rejectedCase)],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <CasePage caseId={loaded['caseId']} />
    </WithRuntime>
  ),
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole('heading', { level: 2, name: 'Kasus Siti Aminah' })).toBeVisible();
    const status = canvasElement.querySelector('.rt-case__header .rt-status')!;
    expect(status.textContent).toBe('Ditolak');
    expect(status.classList.contains('rt-status--ditolak')).toBe(true);
    await expect(canvas.queryByText('Selesai', { selector: '.rt-status' })).toBeNull();
    const banner = canvasElement.querySelector('[data-outcome="ditolak"]')!;
    expect(banner.textContent).toMatch(/^Permohonan ditolak pada 2 Jun 2025, .* WIB\.Berakhir di langkah 4: Surat pemberitahuan penolakan disampaikan kepada pemohon$/);
    await expect(canvas.getByText(/hasil: Ditolak/)).toBeVisible();
  },
};

export const RejectedEnglish: Story = {
  globals: { locale: 'en' },
  loaders: [() => storedV2Case(rejectedCase)],
  render: (_args, { loaded }) => (
    <WithRuntime db={loaded['db']}>
      <CasePage caseId={loaded['caseId']} />
    </WithRuntime>
  ),
  play: async ({ canvasElement, canvas }) => {
    await canvas.findByRole('heading', { level: 2, name: 'Case of Siti Aminah' });
    expect(canvasElement.querySelector('.rt-case__header .rt-status')!.textContent).toBe('Rejected');
    expect(canvasElement.querySelector('[data-outcome="ditolak"]')!.textContent).toMatch(/^The application was rejected at 2 Jun 2025/);
  },
};
