/**
 * Which lanes a step's symbols go to: its column is its actor's lane, and a
 * step with several actors is a chain of symbols across their lanes, in the
 * order the step names them.
 */
import type { Flow, Step } from '../../schemas/generated/sop.types';

export interface ChainLink {
  lane: number;
  actorId: string | null;
  /** This actor acts instead of the previous one ("Kepala / Sekretaris Dinas"). */
  alternative: boolean;
}

export interface StepPlacement {
  chain: ChainLink[];
  /** None of the step's actors has a lane: the chain is one symbol in a borrowed lane. */
  external: boolean;
}

export interface LanePlan {
  /** Actor ids of the lanes, left to right; `null` is the synthetic external column. */
  actorIds: (string | null)[];
  placements: StepPlacement[];
}

/**
 * External actors (the applicant who brings the documents, BPJS) have no
 * lane, as on paper. An actor without a lane is left out of its step's chain.
 * A step none of whose actors has a lane is drawn in the lane of the next step
 * that has one (on paper the applicant's first step sits in the column of the
 * office that receives them), else of the nearest earlier one. Only a flow
 * without any lane gets a synthetic first "external" column, so its steps
 * still have somewhere to be drawn.
 */
export function planLanes(flow: Flow): LanePlan {
  const laneOf = new Map<string, number>();
  flow.lanes.forEach((actorId, i) => {
    if (!laneOf.has(actorId)) laneOf.set(actorId, i);
  });
  const actorIds: (string | null)[] = flow.lanes.length > 0 ? [...flow.lanes] : [null];

  const own = flow.steps.map((step) => ownChain(step, laneOf));
  const placements: StepPlacement[] = new Array(flow.steps.length);
  // Walk backwards to know, for each step, the first lane of the next step that has one.
  let nextLane: ChainLink | null = null;
  const borrowedFromNext: (ChainLink | null)[] = new Array(flow.steps.length);
  for (let i = flow.steps.length - 1; i >= 0; i--) {
    borrowedFromNext[i] = nextLane;
    const chain = own[i]!;
    if (chain.length > 0) nextLane = chain[0]!;
  }
  let previousLane: ChainLink | null = null;
  for (let i = 0; i < flow.steps.length; i++) {
    const chain = own[i]!;
    if (chain.length > 0) {
      placements[i] = { chain, external: false };
      previousLane = chain[chain.length - 1]!;
      continue;
    }
    const borrowed = borrowedFromNext[i] ?? previousLane;
    const lane = borrowed?.lane ?? 0;
    placements[i] = { chain: [{ lane, actorId: actorIds[lane] ?? null, alternative: false }], external: true };
  }
  return { actorIds, placements };
}

/** The step's actors that have a lane, in order, each lane once (a repeated lane would stack two symbols). */
function ownChain(step: Step, laneOf: ReadonlyMap<string, number>): ChainLink[] {
  const chain: ChainLink[] = [];
  const used = new Set<number>();
  for (const stepActor of step.actors) {
    const lane = laneOf.get(stepActor.actor);
    if (lane === undefined || used.has(lane)) continue;
    used.add(lane);
    chain.push({ lane, actorId: stepActor.actor, alternative: chain.length > 0 && stepActor.alternative === true });
  }
  return chain;
}
