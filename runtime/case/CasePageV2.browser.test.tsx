// The case page in Chromium on schema v2 SOPs, every command through the UI and
// IndexedDB: four lanes at once and a join that waits for all of them, an asked
// row skipped, a sign-off chain inside one lane, and a rejected end that the
// page and the receipt call a rejection.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { askedSop, fanOutSop, rejectionSop, signOffSop } from '../../core/engine/testing/v2Sops';
import { I18nProvider } from '../../ui/i18n';
import { visitCurrentActors } from '../../core/engine';
import { Receipt } from '../receipt/Receipt';
import type { RuntimeDb } from '../storage/db';
import { caseEvents, commitCommand, getCase, newId, startCase, storeSopRevision } from '../storage/repository';
import { scratchDb } from '../storage/testing';
import { WithRuntime } from '../storyFixtures';
import { CasePage, CaseView } from './CasePage';

let db: RuntimeDb | undefined;
let unmount: (() => Promise<void> | void) | undefined;

afterEach(async () => {
  await unmount?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await db?.delete();
  db = undefined;
  unmount = undefined;
});

async function startedCase(sop: SopDocument): Promise<string> {
  db = scratchDb('casepage-v2');
  const row = await storeSopRevision(db, sop);
  const started = await startCase(db, { sopKey: row.key, fields: { nama: 'Siti Aminah' } });
  if (!started.ok) throw new Error(started.rejection.message.en);
  return started.state.id;
}

async function mount(node: React.ReactNode, lang: 'id' | 'en' = 'id') {
  const screen = await render(
    <I18nProvider initialLang={lang} persist={false}>
      <WithRuntime db={db!}>{node}</WithRuntime>
    </I18nProvider>,
  );
  unmount = () => screen.unmount();
  return screen;
}

const forms = () => Array.from(document.querySelectorAll('.rt-step')).map((el) => el.getAttribute('data-visit'));
const stepForm = (visit: string) => document.querySelector(`.rt-step[data-visit="${visit}"]`) as HTMLElement;

describe('the case page on schema v2 SOPs (Chromium)', () => {
  it('runs four lanes at once and waits at the join until the last of them is done', async () => {
    const caseId = await startedCase(fanOutSop());
    const screen = await mount(<CasePage caseId={caseId} />);
    await screen.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    await expect.element(screen.getByText('Kasus ini sedang berjalan di 4 langkah sekaligus.')).toBeVisible();
    expect(forms()).toEqual(['kec#1', 'kes#1', 'duk#1', 'pus#1']);

    const join = screen.getByRole('region', { name: 'Langkah 7 menunggu cabang paralel' });
    // Out of row order, as lanes finish: Puskesmas, then Dispendukcapil, then Kecamatan.
    await screen.getByRole('button', { name: 'Selesaikan langkah 6' }).click();
    await expect.element(join).toHaveTextContent('Menunggu: langkah 2 (Kecamatan); langkah 3 (Dinas Kesehatan); langkah 5 (Dispendukcapil)');
    await screen.getByRole('button', { name: 'Selesaikan langkah 5' }).click();
    // Each lane's arrival shows at the join before the next lane finishes, as the clerks would see it.
    await expect.element(join).toHaveTextContent('Menunggu: langkah 2 (Kecamatan); langkah 3 (Dinas Kesehatan)');
    await screen.getByRole('button', { name: 'Selesaikan langkah 2' }).click();
    await expect.element(join).toHaveTextContent('Menunggu: langkah 3 (Dinas Kesehatan)');
    await expect.element(join).toHaveTextContent('Sudah masuk: langkah 6 (Puskesmas); langkah 5 (Dispendukcapil); langkah 2 (Kecamatan)');

    // Dinas Kesehatan re-checks once (a loop inside its branch), and the join still waits.
    await screen.getByRole('button', { name: 'Selesaikan langkah 3' }).click();
    await screen.getByRole('button', { name: /^Tidak → kembali ke langkah 3/ }).click();
    await expect.element(screen.getByRole('heading', { level: 3, name: /^Langkah 3kunjungan ke-2/ })).toBeVisible();
    expect(forms()).toEqual(['kes#2']);
    await screen.getByRole('button', { name: 'Selesaikan langkah 3' }).click();
    await screen.getByRole('button', { name: /^Ya → langkah 7/ }).click();

    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 7' })).toBeVisible();
    // The join's waiting panel and the timeline follow the stored case a moment after the new step's form.
    await expect.poll(() => document.querySelector('.rt-join')).toBeNull();
    await expect.poll(() => document.querySelector('.rt-timeline tr[data-visit="rekap#1"]')?.textContent).toContain('gabungan dari langkah 6, 5, 2, 4');
    const state = (await getCase(db!, caseId))!.state;
    expect(state.visits.find((v) => v.id === 'rekap#1')).toMatchObject({ via: 'join', joined: ['pus#1', 'duk#1', 'kec#1', 'kes-cek#2'] });
  });

  it('takes a step on a page drawn before another lane moved on, and refuses one whose own step changed meanwhile', async () => {
    const sop = fanOutSop();
    const caseId = await startedCase(sop);
    const completeBehindThePage = async (stepId: string) => {
      const row = (await db!.cases.get(caseId))!;
      const done = await commitCommand(db!, { type: 'step.complete', id: newId(), caseId, at: new Date().toISOString(), expectedRevision: row.revision, stepId, by: { actorId: visitCurrentActors(row.state.visits.find((v) => v.stepId === stepId && v.status === 'active')!)[0]! } });
      expect(done.ok, JSON.stringify(done)).toBe(true);
    };
    await completeBehindThePage('terima');
    // The page as it was drawn: then Dispendukcapil finishes in another tab, and the Kecamatan clerk finishes theirs here.
    const drawn = (await db!.cases.get(caseId))!;
    const screen = await mount(<CaseView row={drawn} sop={sop} drafts={[]} />);
    await completeBehindThePage('duk');
    await screen.getByRole('button', { name: 'Selesaikan langkah 2' }).click();
    await expect.poll(async () => (await getCase(db!, caseId))!.state.visits.find((v) => v.id === 'kec#1')?.status).toBe('done');
    expect(document.querySelector('[role="alert"]')).toBeNull();

    // Dinas Kesehatan's step is finished in the other tab too: the same step on this old page is refused, and says why.
    await completeBehindThePage('kes');
    await screen.getByRole('button', { name: 'Selesaikan langkah 3' }).click();
    await expect.element(screen.getByText(/^Kasus ini sudah diubah di tempat lain/)).toBeVisible();
    const finishedKes = (await caseEvents(db!, caseId)).filter((e) => e.type === 'step.completed' && 'stepId' in e && e.stepId === 'kes');
    expect(finishedKes).toHaveLength(1);
  });

  it('asks whether a conditional row applies, and records the skip with the person and the reason', async () => {
    const caseId = await startedCase(askedSop());
    const screen = await mount(<CasePage caseId={caseId} />);
    await screen.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    const question = screen.getByRole('group', { name: 'Apakah langkah ini berlaku untuk pemohon ini?' });
    await expect.element(question).toHaveTextContent('Syarat: Jika pemohon hanya memerlukan rawat jalan');
    await screen.getByLabelText('Alasan tidak berlaku (tidak wajib)').fill('Pemohon dirawat inap');
    await screen.getByRole('button', { name: 'Tidak berlaku: lewati langkah 2' }).click();
    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 3' })).toBeVisible();
    const row = document.querySelector('.rt-timeline tr[data-visit="rawat-jalan#1"]')!;
    expect(row.textContent).toContain('Rina Operator (Kasi Perlindungan Sosial)');
    expect(row.textContent).toContain('dilewati: tidak berlaku');
    expect(row.textContent).toContain('Alasan dilewati: Pemohon dirawat inap');
    const skipped = (await caseEvents(db!, caseId)).find((e) => e.type === 'step.skipped')!;
    expect(skipped).toMatchObject({ stepId: 'rawat-jalan', note: 'Pemohon dirawat inap', by: { actorId: 'kasi', person: { name: 'Rina Operator' } } });
  });

  it('takes a sign-off chain inside one lane in order, showing who signed and who is next', async () => {
    const caseId = await startedCase(signOffSop());
    const screen = await mount(<CasePage caseId={caseId} />);
    await screen.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    await screen.getByRole('button', { name: 'Selesaikan langkah 2' }).click();
    const chain = screen.getByRole('region', { name: 'Paraf dan tanda tangan, berurutan' });
    await expect.element(chain).toHaveTextContent('Paraf Kasi Rehabilitasi Sosial (Dinas Sosial) · giliran berikutnya');
    for (const position of ['Kasi Rehabilitasi Sosial', 'Kabid Rehabilitasi Sosial', 'Sekretaris Dinas']) {
      await screen.getByRole('button', { name: `Catat paraf ${position}` }).click();
      await expect.element(chain).toHaveTextContent(new RegExp(`Paraf ${position} \\(Dinas Sosial\\) · sudah, oleh Rina Operator pada `));
    }
    expect(stepForm('surat#1').querySelector('[aria-current="step"]')!.textContent).toContain('Tanda tangan Kepala Dinas');
    await screen.getByRole('button', { name: 'Catat tanda tangan Kepala Dinas' }).click();
    await expect.element(screen.getByRole('heading', { level: 3, name: 'Langkah 3' })).toBeVisible();
    const signed = (await caseEvents(db!, caseId)).filter((e) => e.type === 'step.signed').map((e) => ('position' in e ? e.position : undefined));
    expect(signed).toEqual(['Kasi Rehabilitasi Sosial', 'Kabid Rehabilitasi Sosial', 'Sekretaris Dinas', 'Kepala Dinas']);
  });

  it('calls a case that reached a "ditolak" end rejected, on the page and on the receipt', async () => {
    const caseId = await startedCase(rejectionSop());
    let screen = await mount(<CasePage caseId={caseId} />);
    await screen.getByRole('button', { name: 'Selesaikan langkah 1' }).click();
    await screen.getByRole('button', { name: /^Tidak Layak →/ }).click();
    await screen.getByRole('button', { name: 'Selesaikan langkah 4' }).click();
    await expect.element(screen.getByText(/^Permohonan ditolak pada /)).toBeVisible();
    expect(document.querySelector('.rt-case__header .rt-status')!.textContent).toBe('Ditolak');

    await screen.unmount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    screen = await mount(<Receipt caseId={caseId} />, 'en');
    await expect.element(screen.getByRole('cell', { name: 'Rejected: the application cannot be granted' })).toBeVisible();
    await expect.element(screen.getByRole('cell', { name: 'Rejected', exact: true })).toBeVisible();
  });
});
