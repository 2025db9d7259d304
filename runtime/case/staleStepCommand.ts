/**
 * A step command the engine refused only because the case moved on since the
 * page showed it: in a case running in several lanes at once, another lane
 * finishing (on this device, in another tab, or pulled from the server) must
 * not make a clerk redo their own step. The command is asked again on the
 * case as it is now when the step it acts on is exactly as the clerk saw it,
 * so nothing they decided on has changed; the engine then checks it again
 * there, as sync does with commands queued offline (core/sync/caseSync.ts).
 * A return, a cancellation or a step that changed stays refused: the clerk
 * must look again.
 */
import type { CaseCommand, CaseState } from '../../core/engine';

const STEP_COMMANDS = new Set<CaseCommand['type']>(['step.complete', 'branch.choose', 'step.signOff', 'step.skip']);

/** The command on `now`'s revision, or undefined when it must stay refused. */
export function stepCommandOnNewerCase(seen: CaseState, now: CaseState, command: CaseCommand): CaseCommand | undefined {
  if (!STEP_COMMANDS.has(command.type) || !('stepId' in command)) return undefined;
  if (now.revision <= seen.revision || now.status !== seen.status) return undefined;
  const visit = seen.visits.find((v) => v.stepId === command.stepId && v.status === 'active');
  if (!visit) return undefined;
  const visitNow = now.visits.find((v) => v.id === visit.id);
  if (!visitNow || JSON.stringify(visitNow) !== JSON.stringify(visit)) return undefined;
  return { ...command, expectedRevision: now.revision };
}
