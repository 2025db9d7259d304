/** Questions the screens and the storage layer ask of a case state. */
import type { Edge, SopDocument, Step } from '../../schemas/generated/sop.types';
import { findFlow, indexFlow } from './sopIndex';
import type { CaseState, SignOffSlot, Visit } from './types';

export function activeVisits(state: CaseState): Visit[] {
  return state.visits.filter((v) => v.status === 'active');
}

/** The actors who must act next on a visit: its performers, or the next signer(s) of its chain. */
export function visitCurrentActors(visit: Visit): string[] {
  if (visit.status !== 'active') return [];
  if (visit.phase === 'work') return visit.workActors.length > 0 ? visit.workActors : (visit.chain[0]?.actors ?? []);
  return nextSignOffSlot(visit)?.actors ?? [];
}

export function nextSignOffSlot(visit: Visit): SignOffSlot | undefined {
  return visit.phase === 'signing' ? visit.chain[visit.signatures.length] : undefined;
}

/** Every actor a case waits on now, in visit order, without repeats. */
export function currentActors(state: CaseState): string[] {
  return [...new Set(activeVisits(state).flatMap(visitCurrentActors))];
}

/** The earliest due time among the active visits and the case itself (ISO), or undefined. */
export function earliestDue(state: CaseState): string | undefined {
  if (state.status !== 'open') return undefined;
  const dues = activeVisits(state)
    .map((v) => v.dueAt)
    .concat(state.caseDueAt)
    .filter((d): d is string => d !== undefined);
  return dues.length ? dues.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : undefined;
}

export function isCaseOverdue(state: CaseState, nowMs: number): boolean {
  const due = earliestDue(state);
  return due !== undefined && nowMs > Date.parse(due);
}

export function isVisitOverdue(visit: Visit, nowMs: number): boolean {
  return visit.status === 'active' && visit.dueAt !== undefined && nowMs > Date.parse(visit.dueAt);
}

/** What can be done on an active visit now. */
export type VisitAction =
  | { kind: 'complete'; visit: Visit; step: Step }
  | { kind: 'choose'; visit: Visit; step: Step; branches: Edge[] }
  | { kind: 'signOff'; visit: Visit; step: Step; slot: SignOffSlot; slotIndex: number };

export function visitAction(sop: SopDocument, state: CaseState, visit: Visit): VisitAction | undefined {
  const flow = findFlow(sop, state.sop.flowId);
  if (!flow || visit.status !== 'active') return undefined;
  const index = indexFlow(flow);
  const step = index.steps.get(visit.stepId);
  if (!step) return undefined;
  if (visit.phase === 'signing') {
    const slotIndex = visit.signatures.length;
    const slot = visit.chain[slotIndex];
    return slot ? { kind: 'signOff', visit, step, slot, slotIndex } : undefined;
  }
  if (step.kind === 'decision') return { kind: 'choose', visit, step, branches: index.outgoing.get(step.id) ?? [] };
  return { kind: 'complete', visit, step };
}

/** Steps a case at `visit` may be sent back to: steps this case already completed, in row order. */
export function returnTargets(sop: SopDocument, state: CaseState, visit: Visit): Step[] {
  const flow = findFlow(sop, state.sop.flowId);
  if (!flow) return [];
  const done = new Set(state.visits.filter((v) => v.status === 'done').map((v) => v.stepId));
  return flow.steps.filter((s) => s.id !== visit.stepId && done.has(s.id));
}

/** The visits in the order they happened, each once: the timeline. */
export function timeline(state: CaseState): Visit[] {
  return [...state.visits].sort((a, b) => a.seq - b.seq);
}
