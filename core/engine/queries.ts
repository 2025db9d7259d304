/** Questions the screens and the storage layer ask of a case state. */
import type { Edge, SopDocument, Step } from '../../schemas/generated/sop.types';
import { joinAwaits } from './parallel';
import { findFlow, indexFlow } from './sopIndex';
import type { CaseOutcome, CaseState, JoinWait, SignOffSlot, Visit } from './types';

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

/**
 * The earliest due time among the active visits and the case itself (ISO), or undefined. While a waiting step
 * is active the case's own clock is stopped (its due time moves later when the wait ends), so only the steps'
 * due times count then.
 */
export function earliestDue(state: CaseState): string | undefined {
  if (state.status !== 'open') return undefined;
  const active = activeVisits(state);
  const waiting = active.some((v) => v.measure === 'wait');
  const dues = active
    .map((v) => v.dueAt)
    .concat(waiting ? undefined : state.caseDueAt)
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

/**
 * Whether the clerk may answer that an active row does not apply (step.skip):
 * its condition is asked, it is not a decision, and nobody has worked or signed on it yet.
 */
export function canSkip(sop: SopDocument, state: CaseState, visit: Visit): boolean {
  if (visit.status !== 'active' || !visit.asked || visit.workDoneAt !== undefined || visit.signatures.length > 0) return false;
  const flow = findFlow(sop, state.sop.flowId);
  return flow ? indexFlow(flow).steps.get(visit.stepId)?.kind !== 'decision' : false;
}

/** A join step waiting for paths of its parallel region: who has arrived, and what it still waits for. */
export interface PendingJoin {
  wait: JoinWait;
  step: Step;
  /** The visits whose paths have arrived, in the order they arrived. */
  arrived: Visit[];
  /** Active steps that can still reach the join. */
  awaitedVisits: Visit[];
  /** Other joins of the region, waiting themselves, whose path will come on here. */
  awaitedJoins: JoinWait[];
}

export function pendingJoins(sop: SopDocument, state: CaseState): PendingJoin[] {
  const flow = findFlow(sop, state.sop.flowId);
  if (!flow || !state.joins?.length) return [];
  const index = indexFlow(flow);
  const out: PendingJoin[] = [];
  for (const wait of state.joins) {
    const step = index.steps.get(wait.stepId);
    if (!step) continue;
    const awaits = joinAwaits(index, state, wait);
    const arrived = wait.arrivals.map((a) => state.visits.find((v) => v.id === a.visitId)).filter((v): v is Visit => v !== undefined);
    out.push({ wait, step, arrived, awaitedVisits: awaits.visits, awaitedJoins: awaits.joins });
  }
  return out;
}

/**
 * How a closed case ended, for the screens: its recorded outcome; selesai for a
 * case finished before outcomes existed; dibatalkan for a case cancelled by a
 * clerk; undefined while it runs.
 */
export function caseOutcome(state: Pick<CaseState, 'status' | 'outcome'>): CaseOutcome | undefined {
  if (state.status === 'finished') return state.outcome ?? 'selesai';
  if (state.status === 'cancelled') return 'dibatalkan';
  return undefined;
}

/** The visits in the order they happened, each once: the timeline. */
export function timeline(state: CaseState): Visit[] {
  return [...state.visits].sort((a, b) => a.seq - b.seq);
}
