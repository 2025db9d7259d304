/**
 * Review notes (schema v2 `Step.reviewNotes`): working notes for the next
 * revision, most often the findings of an SOP evaluation (monev) that the
 * runtime hands to the designer. They are never printed. Attaching an
 * evaluation's notes is one command (one undo step), and so is resolving or
 * removing one note.
 *
 * Where a note goes whose step is gone (the drafter removed or merged it
 * since the evaluated revision), and where the evaluation's general notes go:
 * on the first step of the first flow (the SOP's start). It is the one place
 * every SOP with steps has, it needs no second kind of note holder in the
 * schema, and it shows with the same badge and list as any other step's
 * notes, so nothing the evaluator wrote is dropped or hidden. The note's text
 * is kept as the evaluator wrote it (it names the step in its own words).
 */
import type { ReviewNote, SopDocument, Step } from '../../../schemas/generated/sop.types';
import { IdAllocator } from '../ids';
import { stepInSchemaOrder, withChanges, withFlow, withStep } from '../immutable';
import { findFlow, findStep } from '../rules';
import { refuse, type Change, type Refusal } from '../types';
import { defineCommand, type Applied } from './define';

/** The schema's maxItems for `reviewNotes`, and the LongText limit of a note's text. */
export const MAX_REVIEW_NOTES = 200;
export const MAX_REVIEW_NOTE_TEXT = 20000;
const MAX_EVALUATION_ID = 200;

/** The evaluation a revision answers, as its change note links it. */
export interface EvaluationLink {
  id: string;
  title: string;
  url?: string;
}

export interface AttachEvaluationNotesParams {
  evaluation: EvaluationLink;
  /** Notes on steps, by step id (as in the evaluated revision). */
  notes: readonly { stepId: string; text: string }[];
  /** Notes about the SOP as a whole. */
  generalNotes?: readonly string[];
  /** The change note's date (YYYY-MM-DD), when the designer opened the evaluation. */
  date?: string;
}

/** True when this evaluation's notes are already in the document (its change note or any of its notes). */
export function hasEvaluation(doc: SopDocument, evaluationId: string): boolean {
  if ((doc.revision.changeNotes ?? []).some((n) => n.evaluation?.id === evaluationId)) return true;
  return doc.flows.some((f) => f.steps.some((s) => (s.reviewNotes ?? []).some((n) => n.evaluationId === evaluationId)));
}

/** The open (not yet resolved) review notes of a step. */
export function openReviewNotes(step: Step): ReviewNote[] {
  return (step.reviewNotes ?? []).filter((n) => !n.resolved);
}

function withReviewNotes(step: Step, notes: ReviewNote[]): Step {
  return stepInSchemaOrder(withChanges(step, { reviewNotes: notes.length > 0 ? notes : undefined }));
}

function cleanText(text: unknown): string {
  return typeof text === 'string' ? text.trim() : '';
}

export const attachEvaluationNotes = defineCommand<AttachEvaluationNotesParams>({
  title: { id: 'Lampirkan catatan evaluasi', en: 'Attach evaluation notes' },
  run(doc, { evaluation, notes, generalNotes = [], date }) {
    const evaluationId = cleanText(evaluation.id);
    const title = cleanText(evaluation.title);
    if (!evaluationId || evaluationId.length > MAX_EVALUATION_ID || !title) {
      return refuse('evaluationNotes.invalid', {
        id: 'Evaluasi tanpa id atau judul; catatannya tidak dilampirkan.',
        en: 'The evaluation has no id or title; its notes were not attached.',
      });
    }
    // Idempotent: the same evaluation again (a second click, a reload of the link) adds nothing.
    if (hasEvaluation(doc, evaluationId)) return { doc, changes: [] };
    const general = doc.flows.find((f) => f.steps.length > 0);
    if (!general) {
      return refuse('evaluationNotes.no-steps', {
        id: 'SOP ini belum punya langkah; catatan evaluasi tidak dapat dilampirkan.',
        en: 'This SOP has no steps yet; the evaluation notes cannot be attached.',
      });
    }
    const generalStepId = general.steps[0]!.id;
    const where = new Map<string, string>();
    for (const flow of doc.flows) for (const step of flow.steps) where.set(step.id, flow.id);

    // Each note in order, on its step, or on the general step when its step is gone.
    const added = new Map<string, ReviewNote[]>();
    const ids = new IdAllocator(doc);
    let orphans = 0;
    const place = (stepId: string, text: string) => {
      const note: ReviewNote = { id: ids.next('rn'), text, evaluationId };
      added.set(stepId, [...(added.get(stepId) ?? []), note]);
    };
    for (const note of notes) {
      const text = cleanText(note.text);
      if (!text) continue;
      if (text.length > MAX_REVIEW_NOTE_TEXT) return tooLong();
      if (where.has(note.stepId)) place(note.stepId, text);
      else {
        orphans++;
        place(generalStepId, text);
      }
    }
    for (const raw of generalNotes) {
      const text = cleanText(raw);
      if (!text) continue;
      if (text.length > MAX_REVIEW_NOTE_TEXT) return tooLong();
      place(generalStepId, text);
    }

    let next = doc;
    const changes: Change[] = [];
    for (const [stepId, fresh] of added) {
      const flowId = where.get(stepId)!;
      const flowIndex = next.flows.findIndex((f) => f.id === flowId);
      const flow = next.flows[flowIndex]!;
      const stepIndex = flow.steps.findIndex((s) => s.id === stepId);
      const step = flow.steps[stepIndex]!;
      const list = [...(step.reviewNotes ?? []), ...fresh];
      if (list.length > MAX_REVIEW_NOTES) {
        return refuse('reviewNote.too-many', {
          id: `Paling banyak ${MAX_REVIEW_NOTES} catatan tinjauan per langkah; langkah ${step.number ?? step.id} akan melebihinya.`,
          en: `At most ${MAX_REVIEW_NOTES} review notes per step; step ${step.number ?? step.id} would exceed it.`,
        });
      }
      next = withFlow(next, flowIndex, withStep(flow, stepIndex, withReviewNotes(step, list)));
      changes.push({ kind: 'step', id: stepId, flowId, change: 'updated' });
    }

    // The revision this draft becomes links the evaluation in its history.
    const link: EvaluationLink = { id: evaluationId, title, ...(evaluation.url ? { url: evaluation.url } : {}) };
    const changeNote = {
      revision: doc.revision.number + 1,
      ...(date ? { date } : {}),
      note: `Tindak lanjut ${title}.`,
      evaluation: link,
    };
    next = { ...next, revision: { ...next.revision, changeNotes: [...(next.revision.changeNotes ?? []), changeNote] } };
    changes.push({ kind: 'document', change: 'updated' });

    const applied: Applied = { doc: next, changes, select: [] };
    if (orphans > 0) {
      applied.message = {
        id: `${orphans} catatan evaluasi menyangkut langkah yang tidak ada lagi di draf ini; catatan itu ditaruh pada langkah pertama.`,
        en: `${orphans} evaluation note(s) concern a step no longer in this draft; they were put on the first step.`,
      };
    }
    return applied;
  },
});

function tooLong(): Refusal {
  return refuse('reviewNote.too-long', {
    id: `Catatan evaluasi lebih dari ${MAX_REVIEW_NOTE_TEXT.toLocaleString('id-ID')} karakter; tidak ada yang dilampirkan.`,
    en: `An evaluation note is longer than ${MAX_REVIEW_NOTE_TEXT.toLocaleString('en')} characters; nothing was attached.`,
  });
}

interface ReviewNoteRef {
  flowId: string;
  stepId: string;
  noteId: string;
}

type Located = { flowIndex: number; stepIndex: number; step: Step; noteIndex: number };

function locate(doc: SopDocument, { flowId, stepId, noteId }: ReviewNoteRef): Located | Refusal {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const located = findStep(found.flow, stepId);
  if ('ok' in located) return located;
  const noteIndex = (located.step.reviewNotes ?? []).findIndex((n) => n.id === noteId);
  if (noteIndex < 0) return refuse('reviewNote.not-found', { id: 'Catatan tinjauan ini tidak ada lagi.', en: 'This review note no longer exists.' });
  return { flowIndex: found.flowIndex, stepIndex: located.stepIndex, step: located.step, noteIndex };
}

function replaceNotes(doc: SopDocument, at: Located, flowId: string, notes: ReviewNote[]): Applied {
  const flow = doc.flows[at.flowIndex]!;
  return {
    doc: withFlow(doc, at.flowIndex, withStep(flow, at.stepIndex, withReviewNotes(at.step, notes))),
    changes: [{ kind: 'step', id: at.step.id, flowId, change: 'updated' }],
  };
}

export interface ResolveReviewNoteParams extends ReviewNoteRef {
  /** false reopens a note marked done by mistake; default true. */
  resolved?: boolean;
}

export const resolveReviewNote = defineCommand<ResolveReviewNoteParams>({
  title: { id: 'Tandai catatan tinjauan selesai', en: 'Mark review note done' },
  run(doc, params) {
    const at = locate(doc, params);
    if ('ok' in at) return at;
    const notes = at.step.reviewNotes!.slice();
    const { resolved: _was, ...note } = notes[at.noteIndex]!;
    notes[at.noteIndex] = params.resolved === false ? note : { ...note, resolved: true };
    return replaceNotes(doc, at, params.flowId, notes);
  },
});

export const removeReviewNote = defineCommand<ReviewNoteRef>({
  title: { id: 'Hapus catatan tinjauan', en: 'Remove review note' },
  run(doc, params) {
    const at = locate(doc, params);
    if ('ok' in at) return at;
    const notes = at.step.reviewNotes!.filter((_, index) => index !== at.noteIndex);
    return replaceNotes(doc, at, params.flowId, notes);
  },
});
