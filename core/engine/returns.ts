/**
 * Which return a visit has to do with: the one that sent it back (the visit
 * was returned) or the one that brought the case to it (the visit is a step
 * the case came back to). The screens show the reason and the missing
 * requirements in both places, so the clerk at the earlier step knows what to fix.
 */
import type { CaseState, ReturnRecord, Visit } from './types';

/** The return that ended this visit, when it was sent back (to an earlier step or to the applicant). */
export function returnThatEnded(state: CaseState, visit: Visit): ReturnRecord | undefined {
  if (visit.status !== 'returned' || visit.endedAt === undefined) return undefined;
  return state.returns.find((r) => r.at === visit.endedAt && r.fromStepIds.includes(visit.stepId));
}

/**
 * The return this visit answers: for a step the case was sent back to, that
 * return; for a step reopened when the applicant came back, the return to the
 * applicant before it. Undefined for a visit reached in the ordinary way.
 */
export function returnBehind(state: CaseState, visit: Visit): ReturnRecord | undefined {
  if (visit.via !== 'return' && visit.via !== 'resume') return undefined;
  const activated = Date.parse(visit.activatedAt);
  const candidates = state.returns.filter((r) =>
    visit.via === 'return' ? 'stepId' in r.to && r.to.stepId === visit.stepId : 'applicant' in r.to,
  );
  return candidates.filter((r) => Date.parse(r.at) <= activated).at(-1);
}
