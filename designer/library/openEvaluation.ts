/**
 * Honours `designer/?evaluasi=<id>`: the runtime's evaluation page handed an
 * SOP evaluation over through the device database (device/evaluationHandoffs)
 * and asks for a revision draft of the evaluated SOP with the evaluator's
 * notes on its steps.
 *
 * Which draft: the drafter's own live draft when there is one (their work in
 * progress is never replaced; a deleted one is restored, as `?sop=` does);
 * otherwise a new draft of the evaluated revision, from the designer's own
 * revisions or, when this designer never published it (it came from a file
 * or a server), from the device catalogue. A new draft continues the
 * published revision as publishing does: same number, status draft, so
 * publishing it freezes the next number.
 *
 * The notes themselves are not written here: the editor runs the returned
 * command once the draft is open, so attaching them is one undoable step in
 * the drafter's history (and, being idempotent, a second opening adds nothing).
 */
import { command, type Command } from '../../core/document';
import { getEvaluationHandoff, getRevision, catalogueKeyOf, markEvaluationHandoffOpened, type DeviceDb, type EvaluationHandoffRow } from '../../device';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { translate } from '../../core/i18n';
import type { EditorStore } from '../editor/editorStore';
import { StorageError, type SopRepository } from '../storage';
import { bilingual } from '../ui/bilingual';

/** Where the draft the notes go to came from. */
export type EvaluationDraftSource = 'live' | 'restored' | 'revision' | 'catalogue';

export type OpenEvaluationOutcome =
  | { kind: 'opened'; sopId: string; handoff: EvaluationHandoffRow; source: EvaluationDraftSource; attach: Command }
  | { kind: 'missing-handoff'; id: string }
  | { kind: 'missing-sop'; handoff: EvaluationHandoffRow };

/** The draft that continues a published revision (as `publishRevision`'s next draft). */
export function draftOfRevision(published: SopDocument): SopDocument {
  const doc = structuredClone(published);
  const { changeNotes } = doc.revision;
  return { ...doc, revision: { number: doc.revision.number, status: 'draft', ...(changeNotes ? { changeNotes } : {}) } };
}

/** The command that attaches the hand-off's notes to the open draft. */
export function attachCommandOf(handoff: EvaluationHandoffRow, date: string): Command {
  return command('evaluationNotes.attach', {
    evaluation: { id: handoff.id, title: handoff.title, ...(handoff.runtimeUrl ? { url: handoff.runtimeUrl } : {}) },
    notes: handoff.notes,
    ...(handoff.generalNotes ? { generalNotes: handoff.generalNotes } : {}),
    date,
  });
}

/**
 * Finds the hand-off and makes sure a draft of its SOP is in the library.
 * Nothing is created when the hand-off or the evaluated SOP is missing. A
 * hand-off that does not hold throws the device's bilingual error.
 */
export async function openEvaluation(
  repository: SopRepository,
  device: DeviceDb,
  evaluationId: string,
  now: () => Date = () => new Date(),
): Promise<OpenEvaluationOutcome> {
  const handoff = await getEvaluationHandoff(device, evaluationId);
  if (!handoff) return { kind: 'missing-handoff', id: evaluationId };
  const at = now();
  const opened = (source: EvaluationDraftSource): OpenEvaluationOutcome => ({
    kind: 'opened',
    sopId: handoff.sopId,
    handoff,
    source,
    attach: attachCommandOf(handoff, at.toISOString().slice(0, 10)),
  });
  const mark = () => markEvaluationHandoffOpened(device, handoff.id, at.toISOString()).catch(() => false);

  const state = await repository.draftState(handoff.sopId);
  if (state === 'live') {
    await mark();
    return opened('live');
  }
  if (state === 'deleted') {
    await repository.restoreDraft(handoff.sopId);
    await mark();
    return opened('restored');
  }
  let source: EvaluationDraftSource = 'revision';
  let published = await repository.loadRevision(handoff.sopId, handoff.revision);
  if (!published) {
    source = 'catalogue';
    published = (await getRevision(device, catalogueKeyOf(handoff.sopId, handoff.revision)))?.doc;
  }
  if (!published) return { kind: 'missing-sop', handoff };
  try {
    await repository.createDraft(draftOfRevision(published));
  } catch (error) {
    // Another tab created it a moment ago: the notes go to that one.
    if (!(error instanceof StorageError && error.kind === 'exists')) throw error;
    source = 'live';
  }
  await mark();
  return opened(source);
}

/** How many of the document's review notes came from this evaluation. */
export function notesFromEvaluation(doc: SopDocument, evaluationId: string): number {
  return doc.flows.reduce((sum, f) => sum + f.steps.reduce((n, s) => n + (s.reviewNotes ?? []).filter((r) => r.evaluationId === evaluationId).length, 0), 0);
}

const OPENED_MESSAGE = {
  live: 'designer.evaluation.openedLive',
  restored: 'designer.evaluation.openedLive',
  revision: 'designer.evaluation.openedRevision',
  catalogue: 'designer.evaluation.openedCatalogue',
} as const;

/**
 * What the editor does once the draft is open: runs the attach command (one
 * undo step) and tells the drafter, in both languages, which evaluation the
 * notes came from (or that they were already there, or why they could not be attached).
 */
export function attachOnOpening(outcome: Extract<OpenEvaluationOutcome, { kind: 'opened' }>): (store: EditorStore) => void {
  const { handoff, source, attach } = outcome;
  return (store) => {
    const ran = store.run(attach, { select: false, quiet: true });
    if (!ran.ok) {
      store.notify(
        { id: translate('id', 'designer.evaluation.refused', { title: handoff.title, reason: ran.reason.id }), en: translate('en', 'designer.evaluation.refused', { title: handoff.title, reason: ran.reason.en }) },
        'error',
      );
      return;
    }
    if (ran.patch.length === 0) {
      store.notify(bilingual('designer.evaluation.already', { title: handoff.title }));
      return;
    }
    const params = { title: handoff.title, from: handoff.period.from, to: handoff.period.to, revision: handoff.revision, count: notesFromEvaluation(ran.doc, handoff.id) };
    const opened = bilingual(OPENED_MESSAGE[source], params);
    // Notes whose step is gone were put on the first step: the command says so, after which evaluation.
    const extra = [source === 'restored' ? bilingual('designer.evaluation.restored') : undefined, ran.message].filter((m) => m !== undefined);
    store.notify({ id: [opened.id, ...extra.map((m) => m.id)].join(' '), en: [opened.en, ...extra.map((m) => m.en)].join(' ') });
  };
}
