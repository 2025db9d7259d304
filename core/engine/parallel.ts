/**
 * Parallel regions: where a `split: "parallel"` step fans out, where its paths
 * meet again (`join: "all"`), and which paths a waiting join still waits for.
 * The model is described in README.md ("Parallel regions").
 *
 * The static part (regions) is computed once per flow from the graph; the
 * dynamic part (who a join waits for) reads the case state, so decide and the
 * screens ask the same question and get the same answer.
 */
import type { Flow } from '../../schemas/generated/sop.types';
import type { FlowIndex } from './sopIndex';
import type { CaseState, JoinWait, Visit } from './types';

export interface ParallelRegion {
  splitId: string;
  /** The join the region's paths meet at: the nearest `join: "all"` step every branch reaches. */
  joinId?: string;
  /** Steps inside the region: reachable from the split's targets before the join (split and join excluded). */
  steps: ReadonlySet<string>;
  /** For each region step: the join steps a path from it reaches without leaving the region (the region's join included). */
  reachesJoins: ReadonlyMap<string, ReadonlySet<string>>;
}

const regionCache = new WeakMap<Flow, ReadonlyMap<string, ParallelRegion>>();

/** Every parallel region of a flow, by split step id. */
export function parallelRegions(index: FlowIndex): ReadonlyMap<string, ParallelRegion> {
  let regions = regionCache.get(index.flow);
  if (regions) return regions;
  const built = new Map<string, ParallelRegion>();
  const forward = forwardSuccessors(index);
  for (const step of index.flow.steps) {
    if (step.split === 'parallel' && index.steps.get(step.id) === step) built.set(step.id, buildRegion(index, forward, step.id));
  }
  regions = built;
  regionCache.set(index.flow, regions);
  return regions;
}

function successors(index: FlowIndex, stepId: string): string[] {
  const out: string[] = [];
  for (const edge of index.outgoing.get(stepId) ?? []) {
    if (edge.to !== undefined && index.steps.has(edge.to)) out.push(edge.to);
  }
  return out;
}

const isJoin = (index: FlowIndex, stepId: string) => index.steps.get(stepId)?.join === 'all';

type Successors = (stepId: string) => readonly string[];

/**
 * The flow's arrows without its loops: an arrow to the same or an earlier row runs up the page, and in a
 * Permenpan flowchart that is a loop back (the print and the clerk's branch buttons read it the same way).
 * Which join closes a region, and which steps lie between, is read on these: a loop from after the join back
 * into a branch, or from a branch back before the split, must not make the region look larger. (A depth-first
 * classification would not do: such a loop enters the region at two places, and which arrow looks like the
 * loop would depend on the order of the arrows.)
 */
function forwardSuccessors(index: FlowIndex): Successors {
  const row = (id: string) => index.stepOrder.get(id) ?? 0;
  return (stepId) => successors(index, stepId).filter((next) => row(next) > row(stepId));
}

/** Steps reachable from `from` (itself included), never expanding `blocked`; with their BFS distance. */
function reach(next: Successors, from: readonly string[], blocked: ReadonlySet<string>): Map<string, number> {
  const distance = new Map<string, number>();
  const queue: string[] = [];
  for (const id of from) {
    if (!distance.has(id)) {
      distance.set(id, 1);
      queue.push(id);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (blocked.has(id)) continue;
    for (const after of next(id)) {
      if (!distance.has(after)) {
        distance.set(after, distance.get(id)! + 1);
        queue.push(after);
      }
    }
  }
  return distance;
}

function buildRegion(index: FlowIndex, forward: Successors, splitId: string): ParallelRegion {
  const targets = [...new Set(successors(index, splitId))];
  const noSplit = new Set([splitId]);
  // The matching join: a join step every branch reaches going forward; of several, the one whose farthest
  // branch is nearest (an inner join of a nested region is nearer to its own split than the outer join).
  const perTarget = targets.map((t) => reach(forward, [t], noSplit));
  let joinId: string | undefined;
  let best = Infinity;
  for (const id of perTarget[0]?.keys() ?? []) {
    if (id === splitId || !isJoin(index, id) || !perTarget.every((r) => r.has(id))) continue;
    const farthest = Math.max(...perTarget.map((r) => r.get(id)!));
    if (farthest < best || (farthest === best && index.stepOrder.get(id)! < index.stepOrder.get(joinId!)!)) {
      joinId = id;
      best = farthest;
    }
  }
  const boundary = new Set([splitId, ...(joinId ? [joinId] : [])]);
  const steps = new Set([...reach(forward, targets, boundary).keys()].filter((id) => !boundary.has(id)));

  const reachesJoins = new Map<string, Set<string>>();
  for (const id of steps) {
    const found = new Set<string>();
    const seen = new Set<string>();
    const stack = successors(index, id);
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      if (next === joinId) {
        found.add(next);
      } else if (steps.has(next)) {
        if (isJoin(index, next)) found.add(next);
        stack.push(...successors(index, next));
      }
    }
    reachesJoins.set(id, found);
  }
  return { splitId, ...(joinId ? { joinId } : {}), steps, reachesJoins };
}

/** The region a fork (a split visit's id) activated. */
export function regionOfFork(index: FlowIndex, state: CaseState, forkId: string): ParallelRegion | undefined {
  const split = state.visits.find((v) => v.id === forkId);
  return split ? parallelRegions(index).get(split.stepId) : undefined;
}

/** What a waiting join still waits for: active steps and other waiting joins of its region that can reach it. */
export interface JoinAwaits {
  visits: Visit[];
  joins: JoinWait[];
}

export function joinAwaits(index: FlowIndex, state: CaseState, wait: JoinWait): JoinAwaits {
  const region = regionOfFork(index, state, wait.forkId);
  if (!region) return { visits: [], joins: [] };
  const reaches = (stepId: string) => region.reachesJoins.get(stepId)?.has(wait.stepId) ?? false;
  return {
    visits: state.visits.filter((v) => v.status === 'active' && (v.scope ?? []).includes(wait.forkId) && reaches(v.stepId)),
    // Another join's waiting paths come on here once it is released; so do the paths of an inner region waiting at
    // this very step (nested regions sharing one join), which arrive again for this region when released.
    joins: (state.joins ?? []).filter(
      (w) => w !== wait && w.scope.includes(wait.forkId) && (reaches(w.stepId) || (w.stepId === wait.stepId && w.forkId !== wait.forkId)),
    ),
  };
}

/** A join fires for a region activation when nothing of that activation can still arrive. */
export function joinIsReady(index: FlowIndex, state: CaseState, wait: JoinWait): boolean {
  const awaits = joinAwaits(index, state, wait);
  return awaits.visits.length === 0 && awaits.joins.length === 0;
}
