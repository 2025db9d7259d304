/**
 * Resolving a command kept for review. Nothing leaves review except by one
 * of these explicit acts:
 * - redo: a step's input goes back into the form of that step's active
 *   visit (as its draft, files included), for the clerk to check and save as
 *   a new command; a return, resume or cancellation is issued again at once
 *   on the case as it is now, by the person acting now;
 * - discard: after the clerk confirmed it in the UI; the input and its files go.
 */
import type { CaseCommand, CommandBy, LocalizedText, StepSubmission } from '../../core/engine';
import type { PersonRef } from '../../core/people';
import type { DraftValues, ReviewRow, RuntimeDb } from '../storage/db';
import { commitCommand, draftIdOf, newId } from '../storage/repository';

export type RedoResult =
  | { kind: 'draft'; visitId: string; stepId: string }
  | { kind: 'issued' }
  | { kind: 'notActive' }
  | { kind: 'refused'; message: LocalizedText };

const STEP_COMMANDS = new Set<CaseCommand['type']>(['step.complete', 'branch.choose', 'step.signOff']);

/** The kept submission as the step form's draft values. */
export function draftValuesOf(command: CaseCommand): DraftValues {
  const s = command as CaseCommand & StepSubmission;
  const fields: Record<string, string> = {};
  for (const [id, value] of Object.entries(s.fields ?? {})) if (!Array.isArray(value)) fields[id] = String(value);
  return {
    ticked: [...(s.ticked ?? [])],
    waivers: Object.fromEntries((s.waivers ?? []).map((w) => [w.requirementId, w.reason])),
    fields,
    output: s.output ?? '',
    note: s.note ?? '',
  };
}

/** Whether redo can work now: a step command needs its step active; a start is never redone (the case exists here). */
export function canRedo(item: Pick<ReviewRow, 'command'>, activeStepIds: readonly string[]): boolean {
  const command = item.command;
  if (command.type === 'case.start') return false;
  if (STEP_COMMANDS.has(command.type)) return activeStepIds.includes((command as { stepId: string }).stepId);
  return true;
}

export async function redoReview(db: RuntimeDb, commandId: string, person: PersonRef | null): Promise<RedoResult> {
  const item = await db.review.get(commandId);
  const row = item && (await db.cases.get(item.caseId));
  if (!item || !row) return { kind: 'notActive' };
  const command = item.command;
  if (STEP_COMMANDS.has(command.type)) {
    const stepId = (command as { stepId: string }).stepId;
    const visit = row.state.visits.find((v) => v.status === 'active' && v.stepId === stepId);
    if (!visit) return { kind: 'notActive' };
    // One transaction: the input is either in the form's draft or still in review, never in neither.
    await db.transaction('rw', db.drafts, db.review, async () => {
      await db.drafts.put({
        id: draftIdOf(item.caseId, visit.id),
        caseId: item.caseId,
        visitId: visit.id,
        values: draftValuesOf(command),
        files: item.files.map((f) => ({
          id: f.id,
          name: f.name,
          type: f.type,
          size: f.size,
          blob: f.blob,
          ...(f.requirementId ? { requirementId: f.requirementId } : {}),
          ...(f.fieldId ? { fieldId: f.fieldId } : {}),
        })),
        updatedAt: Date.now(),
      });
      await db.review.delete(commandId);
    });
    return { kind: 'draft', visitId: visit.id, stepId };
  }
  if (command.type === 'case.start') return { kind: 'notActive' };
  const by: CommandBy = { ...(command.by?.actorId ? { actorId: command.by.actorId } : {}), ...(person ? { person } : {}) };
  const again = { ...command, id: newId(), at: new Date().toISOString(), expectedRevision: row.revision, by } as CaseCommand;
  const result = await commitCommand(db, again);
  if (!result.ok) return { kind: 'refused', message: result.rejection.message };
  await db.review.delete(commandId);
  return { kind: 'issued' };
}

/** Removes a kept command for good (the UI asks first). */
export async function discardReview(db: RuntimeDb, commandId: string): Promise<void> {
  await db.review.delete(commandId);
}
