/** Invariants every case state must satisfy, whatever commands led to it. Returns the broken ones. */
import type { SopDocument } from '../../../schemas/generated/sop.types';
import { findFlow } from '../sopIndex';
import type { CaseEvent, CaseState } from '../types';

export function consistencyProblems(sop: SopDocument, state: CaseState, events: readonly CaseEvent[]): string[] {
  const problems: string[] = [];
  const flow = findFlow(sop, state.sop.flowId);
  const stepIds = new Set(flow?.steps.map((s) => s.id));
  const active = state.visits.filter((v) => v.status === 'active');

  if (state.revision !== state.commandIds.length) problems.push(`revision ${state.revision} ≠ ${state.commandIds.length} commands`);
  if (new Set(state.commandIds).size !== state.commandIds.length) problems.push('a command id appears twice');
  if (new Set(state.visits.map((v) => v.id)).size !== state.visits.length) problems.push('duplicate visit ids');
  if (new Set(events.map((e) => e.id)).size !== events.length) problems.push('duplicate event ids');
  events.forEach((e, i) => {
    const previous = i === 0 ? 0 : events[i - 1]!.revision;
    if (e.revision !== previous && e.revision !== previous + 1) problems.push(`event ${e.id} jumps from revision ${previous} to ${e.revision}`);
  });
  if (state.status === 'open' && active.length === 0) problems.push('open case with no active step');
  if (state.status !== 'open' && active.length > 0) problems.push(`${state.status} case with active steps`);
  if ((state.status === 'finished' || state.status === 'cancelled') !== (state.closedAt !== undefined)) problems.push('closedAt does not match the status');
  const activeSteps = active.map((v) => v.stepId);
  if (new Set(activeSteps).size !== activeSteps.length) problems.push('two active visits of one step');
  const perStep = new Map<string, number>();
  state.visits.forEach((v, i) => {
    if (v.seq !== i) problems.push(`visit ${v.id} has seq ${v.seq} at position ${i}`);
    const n = (perStep.get(v.stepId) ?? 0) + 1;
    perStep.set(v.stepId, n);
    if (v.visitNo !== n || v.id !== `${v.stepId}#${n}`) problems.push(`visit ${v.id} should be visit ${n} of ${v.stepId}`);
    if (!stepIds.has(v.stepId)) problems.push(`visit ${v.id} of a step not in the flow`);
    if (v.status === 'active') {
      if (v.phase === 'done') problems.push(`active visit ${v.id} in phase done`);
      if (v.endedAt !== undefined) problems.push(`active visit ${v.id} has an end`);
      if (v.phase === 'signing' && v.signatures.length >= v.chain.length) problems.push(`visit ${v.id} signing with a full chain`);
    } else if (v.endedAt === undefined) problems.push(`ended visit ${v.id} without endedAt`);
    if (v.status === 'done') {
      if (v.phase !== 'done') problems.push(`done visit ${v.id} in phase ${v.phase}`);
      if (v.skipped) {
        if (v.signatures.length > 0) problems.push(`skipped visit ${v.id} with signatures`);
        if (!v.asked) problems.push(`skipped visit ${v.id} that was never asked`);
      } else if (v.signatures.length !== v.chain.length) problems.push(`done visit ${v.id} with ${v.signatures.length}/${v.chain.length} signatures`);
    }
    for (const fork of v.scope ?? []) {
      const split = state.visits.find((s) => s.id === fork);
      if (!split || split.status !== 'done' || split.seq >= v.seq) problems.push(`visit ${v.id} runs in region ${fork}, which is not a finished earlier split`);
    }
    v.signatures.forEach((sig, k) => {
      if (sig.slot !== k || !v.chain[k]?.actors.includes(sig.actorId)) problems.push(`visit ${v.id} signature ${k} out of order`);
    });
  });
  const joins = state.joins ?? [];
  if (state.joins !== undefined && joins.length === 0) problems.push('an empty joins list is kept');
  if (state.status === 'finished' || state.status === 'cancelled') {
    if (joins.length > 0) problems.push(`${state.status} case with paths waiting at joins`);
  }
  const visitById = new Map(state.visits.map((v) => [v.id, v]));
  for (const wait of joins) {
    const step = flow?.steps.find((s) => s.id === wait.stepId);
    if (step?.join !== 'all') problems.push(`paths wait at ${wait.stepId}, which is no join`);
    if (wait.scope.at(-1) !== wait.forkId) problems.push(`wait at ${wait.stepId} for ${wait.forkId} with scope ${wait.scope.join('/')}`);
    if (wait.arrivals.length === 0) problems.push(`wait at ${wait.stepId} with no arrival`);
    for (const arrival of wait.arrivals) {
      if (visitById.get(arrival.visitId)?.status !== 'done') problems.push(`wait at ${wait.stepId} counts ${arrival.visitId}, which is not done`);
    }
    if (joins.filter((w) => w.stepId === wait.stepId && w.forkId === wait.forkId).length > 1) problems.push(`two waits at ${wait.stepId} for ${wait.forkId}`);
  }
  return problems;
}
