/**
 * Review notes from an SOP evaluation: attached as one command (idempotent),
 * resolved and removed one by one, every step undoable, never breaking the
 * schema.
 */
import { describe, expect, it } from 'vitest';
import type { SopDocument } from '../../../schemas/generated/sop.types';
import { validateSop } from '../../validation';
import { hasEvaluation, openReviewNotes } from '../commands/reviewNoteCommands';
import { command, runCommand } from '../commands/registry';
import { createHistory } from '../history';
import { diffRevisions } from '../diffRevisions';
import { publishRevision } from '../publish';
import { mainFlow, run, sample } from './support';

const bwi = () => sample('bwi-spm-online');
const step = (doc: SopDocument, id: string) => mainFlow(doc).steps.find((s) => s.id === id)!;
const EVALUATION = { id: 'eval-2026-1', title: 'Evaluasi SOP Penerbitan SPM, Januari–Juni 2026', url: '../runtime/#/monev/evaluasi/eval-2026-1' };
const attach = (extra: Partial<Parameters<typeof command<'evaluationNotes.attach'>>[1]> = {}) =>
  command('evaluationNotes.attach', {
    evaluation: EVALUATION,
    notes: [
      { stepId: 's5', text: 'Langkah 5 melebihi Waktu pada 62% kasus; pertimbangkan 30 menit' },
      { stepId: 's5', text: 'Antrean panjang sebelum langkah ini' },
      { stepId: 's3', text: '  Sering dikembalikan karena berkas kurang  ' },
    ],
    generalNotes: ['Tambahkan langkah verifikasi NIK'],
    date: '2026-07-04',
    ...extra,
  });
const schemaErrors = (doc: SopDocument) => validateSop(doc).diagnostics.filter((d) => d.ruleId.startsWith('schema'));

describe('evaluationNotes.attach', () => {
  it('puts each note on its step, the general notes on the first step, and links the evaluation in the next revision', () => {
    const before = bwi();
    const { doc, title } = run(before, attach());
    expect(title.id).toBe('Lampirkan catatan evaluasi');
    expect(step(doc, 's5').reviewNotes).toEqual([
      { id: 'rn1', text: 'Langkah 5 melebihi Waktu pada 62% kasus; pertimbangkan 30 menit', evaluationId: 'eval-2026-1' },
      { id: 'rn2', text: 'Antrean panjang sebelum langkah ini', evaluationId: 'eval-2026-1' },
    ]);
    expect(step(doc, 's3').reviewNotes).toEqual([{ id: 'rn3', text: 'Sering dikembalikan karena berkas kurang', evaluationId: 'eval-2026-1' }]);
    expect(step(doc, 's1').reviewNotes).toEqual([{ id: 'rn4', text: 'Tambahkan langkah verifikasi NIK', evaluationId: 'eval-2026-1' }]);
    expect(doc.revision.changeNotes!.at(-1)).toEqual({
      revision: before.revision.number + 1,
      date: '2026-07-04',
      note: 'Tindak lanjut Evaluasi SOP Penerbitan SPM, Januari–Juni 2026.',
      evaluation: EVALUATION,
    });
    expect(hasEvaluation(doc, 'eval-2026-1')).toBe(true);
    // The notes are the last field of the step, as the schema orders them.
    expect(Object.keys(step(doc, 's5')).at(-1)).toBe('reviewNotes');
    expect(schemaErrors(doc)).toEqual([]);
  });

  it('is idempotent: the same evaluation again adds nothing (no undo step either)', () => {
    const once = run(bwi(), attach()).doc;
    const again = run(once, attach());
    expect(again.patch).toEqual([]);
    expect(again.doc).toBe(once);
    const history = createHistory(once);
    history.execute(attach());
    expect(history.getState().canUndo).toBe(false);
  });

  it('puts a note whose step is gone on the first step and says so', () => {
    const outcome = run(bwi(), attach({ notes: [{ stepId: 's99', text: 'Langkah lama 12 tidak perlu' }], generalNotes: [] }));
    expect(step(outcome.doc, 's1').reviewNotes?.map((n) => n.text)).toEqual(['Langkah lama 12 tidak perlu']);
    expect(outcome.message?.id).toMatch(/1 catatan evaluasi menyangkut langkah yang tidak ada lagi/);
    expect(outcome.message?.en).toMatch(/no longer in this draft/);
  });

  it('is one undo step, and undo restores the document exactly', () => {
    const before = bwi();
    const history = createHistory(before);
    expect(history.execute(attach()).ok).toBe(true);
    const attached = history.doc;
    history.undo();
    expect(history.doc).toEqual(before);
    expect(history.getState().canUndo).toBe(false);
    history.redo();
    expect(history.doc).toEqual(attached);
  });

  it('refuses an evaluation without id or title, and an SOP without steps, in both languages', () => {
    const noTitle = runCommand(bwi(), attach({ evaluation: { id: 'e', title: ' ' } }));
    expect(noTitle.ok ? '' : noTitle.code).toBe('evaluationNotes.invalid');
    const empty = { ...bwi(), flows: [] };
    const refused = runCommand(empty, attach());
    expect(refused.ok ? '' : refused.reason).toEqual({
      id: 'SOP ini belum punya langkah; catatan evaluasi tidak dapat dilampirkan.',
      en: 'This SOP has no steps yet; the evaluation notes cannot be attached.',
    });
  });
});

describe('reviewNote.resolve and reviewNote.remove', () => {
  const ref = { flowId: 'main', stepId: 's5' };
  it('marks a note done (and reopens it), removes one, and each is one undo step', () => {
    const attached = run(bwi(), attach()).doc;
    const resolved = run(attached, command('reviewNote.resolve', { ...ref, noteId: 'rn1' })).doc;
    expect(step(resolved, 's5').reviewNotes![0]).toMatchObject({ id: 'rn1', resolved: true });
    expect(openReviewNotes(step(resolved, 's5')).map((n) => n.id)).toEqual(['rn2']);
    const reopened = run(resolved, command('reviewNote.resolve', { ...ref, noteId: 'rn1', resolved: false })).doc;
    expect(step(reopened, 's5').reviewNotes![0]).not.toHaveProperty('resolved');
    const removed = run(resolved, command('reviewNote.remove', { ...ref, noteId: 'rn2' })).doc;
    expect(step(removed, 's5').reviewNotes!.map((n) => n.id)).toEqual(['rn1']);
    // The last note removed takes the field with it.
    const empty = run(removed, command('reviewNote.remove', { ...ref, noteId: 'rn1' })).doc;
    expect(step(empty, 's5')).not.toHaveProperty('reviewNotes');
    // The evaluation stays linked: opening it again does not bring the removed notes back.
    expect(run(empty, attach()).patch).toEqual([]);

    const history = createHistory(attached);
    history.execute(command('reviewNote.resolve', { ...ref, noteId: 'rn1' }));
    history.execute(command('reviewNote.remove', { ...ref, noteId: 'rn2' }));
    history.undo();
    expect(step(history.doc, 's5').reviewNotes!.map((n) => n.id)).toEqual(['rn1', 'rn2']);
    history.undo();
    expect(history.doc).toEqual(attached);
    expect(history.getState().canUndo).toBe(false);
  });

  it('refuses a note that is not there', () => {
    const outcome = runCommand(bwi(), command('reviewNote.remove', { ...ref, noteId: 'rn1' }));
    expect(outcome.ok ? '' : outcome.code).toBe('reviewNote.not-found');
  });
});

describe('revision diff', () => {
  it('does not list review notes as a change of the SOP', () => {
    const before = bwi();
    const after = run(before, attach()).doc;
    expect(diffRevisions(before, after).isEmpty).toBe(true);
  });
});

describe('publishing a draft that follows up an evaluation', () => {
  it('publishes as revision n+1 whose history links the evaluation', () => {
    const draft = run({ ...bwi(), revision: { number: 1, status: 'draft' } }, attach()).doc;
    const outcome = publishRevision(draft, { note: 'Waktu langkah 5 menjadi 30 menit', date: '2026-08-01' });
    if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message.en).join('; '));
    expect(outcome.published.revision.number).toBe(2);
    expect(outcome.published.revision.changeNotes!.filter((n) => n.revision === 2)).toEqual([
      { revision: 2, date: '2026-07-04', note: 'Tindak lanjut Evaluasi SOP Penerbitan SPM, Januari–Juni 2026.', evaluation: EVALUATION },
      { revision: 2, date: '2026-08-01', note: 'Waktu langkah 5 menjadi 30 menit' },
    ]);
  });

  it('publishes no review note; the next draft keeps the open ones, drops the resolved ones, and the drafter is told', () => {
    const attached = run({ ...bwi(), revision: { number: 1, status: 'draft' } }, attach()).doc;
    const resolvedId = step(attached, 's5').reviewNotes![0]!.id;
    const draft = run(attached, command('reviewNote.resolve', { flowId: 'main', stepId: 's5', noteId: resolvedId })).doc;
    const outcome = publishRevision(draft, { note: 'Waktu langkah 5 menjadi 30 menit', date: '2026-08-01' });
    if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message.en).join('; '));
    expect(outcome.published.flows.flatMap((f) => f.steps).filter((s) => s.reviewNotes !== undefined)).toEqual([]);
    expect(JSON.stringify(outcome.published)).not.toContain('Antrean panjang');
    expect(step(outcome.nextDraft, 's5').reviewNotes!.map((n) => n.text)).toEqual(['Antrean panjang sebelum langkah ini']);
    expect(step(outcome.nextDraft, 's3').reviewNotes).toHaveLength(1);
    expect(schemaErrors(outcome.published)).toEqual([]);
    expect(schemaErrors(outcome.nextDraft)).toEqual([]);
    const warning = outcome.diagnostics.find((d) => d.ruleId === 'publish.review-notes-open');
    expect(warning?.severity).toBe('warning');
    // Three open notes: one left on s5, one on s3, the general note on the first step.
    expect(warning?.message.id).toMatch(/^3 catatan tinjauan belum ditandai selesai/);
    expect(warning?.message.en).toMatch(/^3 review note\(s\) not marked done/);
  });

  it('publishes a document without review notes unchanged and with no warning about them', () => {
    const outcome = publishRevision({ ...bwi(), revision: { number: 1, status: 'draft' } }, { note: 'x', date: '2026-08-01' });
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.diagnostics.some((d) => d.ruleId === 'publish.review-notes-open')).toBe(false);
    expect(outcome.published.flows).toEqual(bwi().flows);
  });
});
