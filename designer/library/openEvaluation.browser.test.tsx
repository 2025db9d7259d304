// designer/?evaluasi=<id>: an SOP evaluation handed over by the runtime opens as a revision draft
// with the evaluator's notes on its steps (real Chromium, real IndexedDB).
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { addRevision, DeviceDb, getEvaluationHandoff, putEvaluationHandoff, type EvaluationHandoffInput } from '../../device';
import { loadSample } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { documentToJson, openDesignerDb, SopRepository } from '../storage';
import { STORAGE_SCHEMA_VERSION } from '../storage/records';
import { openDesigner, userEvent, waitForSaved } from '../tests/helpers';
import { openEvaluation } from './openEvaluation';

const SPM = 'bwi-spm-online';
const spm = (): SopDocument => structuredClone(loadSample(SPM)!);
const EVALUATION_TITLE = 'Evaluasi SOP Penerbitan SPM, Januari–Juni 2026';

const handoff = (overrides: Partial<EvaluationHandoffInput> = {}): EvaluationHandoffInput => ({
  id: 'eval-2026-1',
  sopId: SPM,
  revision: 1,
  title: EVALUATION_TITLE,
  period: { from: '2026-01-01', to: '2026-06-30' },
  evaluatedAt: '2026-07-03T02:00:00.000Z',
  evaluator: { name: 'Sri Wahyuni' },
  runtimeUrl: '../runtime/#/monev/evaluasi/eval-2026-1',
  notes: [
    { stepId: 's5', text: 'Langkah 5 melebihi Waktu pada 62% kasus; pertimbangkan 30 menit' },
    { stepId: 's5', text: '<b>Antrean</b> panjang sebelum langkah ini' },
  ],
  generalNotes: ['Tambahkan langkah verifikasi NIK'],
  createdAt: '2026-07-03T02:00:00.000Z',
  ...overrides,
});

let designer: Awaited<ReturnType<typeof openDesigner>> | undefined;
const devices: DeviceDb[] = [];
afterEach(async () => {
  const name = designer?.dbName;
  await designer?.dispose();
  designer = undefined;
  for (const db of devices.splice(0)) db.close();
  if (name) await Dexie.delete(`${name}.device`);
});

/** The device database the designer under test opens (App names it after its own database). */
function deviceOf(dbName: string): DeviceDb {
  const db = new DeviceDb(`${dbName}.device`);
  devices.push(db);
  return db;
}

const step5 = () => document.querySelector<HTMLElement>('.react-flow__node[data-id="s5#0"]')!;
const badges = () => [...document.querySelectorAll('[data-testid="review-note-badge"]')].map((b) => b.textContent);
const notesOf = (doc: SopDocument | undefined, stepId: string) => doc?.flows[0]!.steps.find((s) => s.id === stepId)?.reviewNotes;

describe('opening an SOP evaluation in the designer', () => {
  it('adds the notes to the drafter\'s live draft as one undoable command, shows them, and resolves one', async () => {
    const dbName = `evaluation-live-${Date.now()}`;
    const device = deviceOf(dbName);
    await putEvaluationHandoff(device, handoff());
    designer = await openDesigner({ dbName, seed: () => [spm()], evaluationRequest: 'eval-2026-1' });
    const screen = designer.screen;

    await expect.element(screen.getByText(/Catatan dari "Evaluasi SOP Penerbitan SPM, Januari–Juni 2026" \(2026-01-01 s\.d\. 2026-06-30\) ditambahkan ke draf Anda: 3 catatan/)).toBeVisible();
    // Badges: two open notes on step 5, the general note on the first step.
    await expect.poll(badges).toEqual(expect.arrayContaining(['2', '1']));
    expect(step5().getAttribute('aria-label')).toMatch(/, 2 catatan tinjauan terbuka$/);
    await waitForSaved();
    const saved = await designer.stored(SPM);
    expect(notesOf(saved, 's5')?.map((n) => n.text)).toEqual(['Langkah 5 melebihi Waktu pada 62% kasus; pertimbangkan 30 menit', '<b>Antrean</b> panjang sebelum langkah ini']);
    // The live draft stays what it is (here the seeded sample, revision 1); the change note is for the revision it becomes.
    expect(saved!.revision.number).toBe(1);
    expect(saved!.revision.changeNotes?.at(-1)).toMatchObject({ revision: 2, evaluation: { id: 'eval-2026-1', title: EVALUATION_TITLE } });
    expect((await getEvaluationHandoff(device, 'eval-2026-1'))?.openedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // The step's properties list its notes, as text (the markup stays letters).
    await userEvent.click(step5());
    const list = screen.getByRole('region', { name: /Catatan tinjauan/ });
    await expect.element(list.getByText('<b>Antrean</b> panjang sebelum langkah ini')).toBeVisible();
    expect(document.querySelector('.review-notes b')).toBeNull();
    await expect.element(list.getByText(EVALUATION_TITLE)).toBeVisible();
    await list.getByRole('button', { name: /^Tandai selesai catatan 1:/ }).click();
    await expect.poll(badges).toEqual(expect.arrayContaining(['1', '1']));
    await expect.element(list.getByText('(1 terbuka dari 2)')).toBeVisible();
    await waitForSaved();
    expect(notesOf(await designer.stored(SPM), 's5')?.[0]).toMatchObject({ resolved: true });

    // Undo: the resolve, then the whole attachment in one step.
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(badges).toEqual(expect.arrayContaining(['2', '1']));
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(badges).toEqual([]);
    await waitForSaved();
    expect(await designer.stored(SPM)).toEqual(spm());
  }, 40_000);

  it('creates a new revision draft from the device catalogue when the designer has no draft of the SOP', async () => {
    const dbName = `evaluation-new-${Date.now()}`;
    const device = deviceOf(dbName);
    await addRevision(device, spm(), { source: 'server' });
    await putEvaluationHandoff(device, handoff({ notes: [{ stepId: 's-lama', text: 'Langkah lama 12 terlalu lama' }], generalNotes: [] }));
    designer = await openDesigner({ dbName, seed: () => [], evaluationRequest: 'eval-2026-1', lang: 'en' });
    const screen = designer.screen;

    await expect.element(screen.getByText(/A new revision draft from revision 1 \(this device's catalogue\) was created with the notes from "Evaluasi SOP Penerbitan SPM, Januari–Juni 2026"/)).toBeVisible();
    // The note's step is gone: it went to the first step, and the drafter is told.
    await expect.element(screen.getByText(/concern a step no longer in this draft; they were put on the first step/)).toBeVisible();
    await expect.poll(badges).toEqual(['1']);
    await waitForSaved();
    const created = (await designer.stored(SPM))!;
    expect(created.revision).toMatchObject({ number: 1, status: 'draft' });
    expect(created.revision).not.toHaveProperty('publishedAt');
    expect(notesOf(created, 's1')?.map((n) => n.text)).toEqual(['Langkah lama 12 terlalu lama']);
    const { reviewNotes: _notes, ...firstStep } = created.flows[0]!.steps[0]!;
    expect(firstStep).toEqual(spm().flows[0]!.steps[0]);

    // The revision history shows what the next revision follows up, linked back to the runtime.
    await screen.getByRole('tab', { name: 'History' }).click();
    const link = screen.getByRole('link', { name: EVALUATION_TITLE });
    await expect.element(link).toBeVisible();
    expect(link.element().getAttribute('href')).toMatch(/\/runtime\/#\/monev\/evaluasi\/eval-2026-1$/);
  }, 40_000);

  it('says so in both languages, and creates nothing, when the hand-off or the evaluated SOP is missing', async () => {
    designer = await openDesigner({ seed: () => [], evaluationRequest: 'tidak-ada' });
    await expect.element(designer.screen.getByText(/Evaluasi "tidak-ada" tidak ada di perangkat ini; tidak ada draf yang dibuat/)).toBeVisible();
    await expect.element(designer.screen.getByRole('heading', { name: 'Pustaka SOP' })).toBeVisible();
    await designer.dispose();

    const dbName = `evaluation-no-sop-${Date.now()}`;
    await putEvaluationHandoff(deviceOf(dbName), handoff());
    designer = await openDesigner({ dbName, seed: () => [], evaluationRequest: 'eval-2026-1', lang: 'en' });
    await expect.element(designer.screen.getByText(/SOP "bwi-spm-online" revision 1, the one evaluated \("Evaluasi SOP Penerbitan SPM, Januari–Juni 2026"\), is neither in the Designer nor in this device's catalogue; no draft was created/)).toBeVisible();
    expect(await designer.stored(SPM)).toBeUndefined();
  }, 40_000);
});

describe('openEvaluation (the opening, without the app)', () => {
  it('starts the draft from the designer\'s own published revision when there is no draft', async () => {
    const name = `evaluation-revision-${Date.now()}`;
    const db = openDesignerDb({ name, seed: () => [] });
    const device = deviceOf(name);
    try {
      const published = spm();
      await db.revisions.add({ sopId: SPM, number: 1, schemaVersion: STORAGE_SCHEMA_VERSION, publishedAt: '2024-01-16', note: 'Terbit', title: published.identity.title ?? '', json: documentToJson(published) });
      await putEvaluationHandoff(device, handoff());
      const repository = new SopRepository(db);
      const outcome = await openEvaluation(repository, device, 'eval-2026-1', () => new Date('2026-07-04T01:00:00.000Z'));
      expect(outcome).toMatchObject({ kind: 'opened', sopId: SPM, source: 'revision', attach: { id: 'evaluationNotes.attach', params: { date: '2026-07-04' } } });
      const draft = (await repository.loadDraft(SPM))!.doc;
      expect(draft.revision).toEqual({ number: 1, status: 'draft' });
      expect((await getEvaluationHandoff(device, 'eval-2026-1'))?.openedAt).toBe('2026-07-04T01:00:00.000Z');
      // Opening again finds the live draft.
      expect((await openEvaluation(repository, device, 'eval-2026-1')).kind === 'opened' && (await openEvaluation(repository, device, 'eval-2026-1'))).toMatchObject({ source: 'live' });
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});
