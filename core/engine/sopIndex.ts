/**
 * Read-only lookups into the SOP a case runs on, built once per document
 * (documents are immutable once published, so a WeakMap cache is safe).
 */
import type { Edge, Flow, Requirement, SopDocument, Step } from '../../schemas/generated/sop.types';
import { canonicalJson, sha256Hex } from './sha256';
import type { SignOffSlot, SopPin } from './types';

export interface FlowIndex {
  flow: Flow;
  steps: Map<string, Step>;
  stepOrder: Map<string, number>;
  outgoing: Map<string, Edge[]>;
  requirements: Map<string, Requirement>;
}

const hashes = new WeakMap<SopDocument, string>();
const flowIndexes = new WeakMap<Flow, FlowIndex>();

/** SHA-256 of the document's canonical JSON: the exact content a case is pinned to. */
export function sopContentHash(sop: SopDocument): string {
  let hash = hashes.get(sop);
  if (!hash) {
    hash = sha256Hex(canonicalJson(sop));
    hashes.set(sop, hash);
  }
  return hash;
}

/**
 * Records a hash computed earlier for this very document object (the runtime
 * stores each revision with its hash and reads it back), so a commit need not
 * hash the whole SOP again.
 */
export function rememberSopContentHash(sop: SopDocument, hash: string): void {
  if (!hashes.has(sop)) hashes.set(sop, hash);
}

export function findFlow(sop: SopDocument, flowId?: string): Flow | undefined {
  return flowId === undefined ? sop.flows[0] : sop.flows.find((f) => f.id === flowId);
}

export function pinSop(sop: SopDocument, flowId?: string): SopPin | undefined {
  const flow = findFlow(sop, flowId);
  if (!flow) return undefined;
  return { sopId: sop.id, revision: sop.revision.number, contentHash: sopContentHash(sop), flowId: flow.id, title: sop.identity.title ?? '' };
}

export function indexFlow(flow: Flow): FlowIndex {
  let index = flowIndexes.get(flow);
  if (index) return index;
  const steps = new Map<string, Step>();
  const stepOrder = new Map<string, number>();
  const outgoing = new Map<string, Edge[]>();
  const requirements = new Map<string, Requirement>();
  flow.steps.forEach((step, i) => {
    if (steps.has(step.id)) return;
    steps.set(step.id, step);
    stepOrder.set(step.id, i);
    outgoing.set(step.id, []);
    for (const r of step.requirements ?? []) requirements.set(r.id, r);
  });
  for (const edge of flow.edges) outgoing.get(edge.from)?.push(edge);
  index = { flow, steps, stepOrder, outgoing, requirements };
  flowIndexes.set(flow, index);
  return index;
}

/** The actors who do a step's work: performers, else (no roles stated as such) nobody in particular. */
export function workActorsOf(step: Step): string[] {
  return [...new Set(step.actors.filter((a) => a.role === 'performs').map((a) => a.actor))];
}

/**
 * A step's sign-off chain, in the order it is signed:
 * 1. the sign-offs inside a lane's organisation (`signOffs`: paraf Kasi → Kabid → Sekdin,
 *    tanda tangan Kadis), each by a position of one lane (the one it names, else the
 *    step's first performer, else its first actor);
 * 2. then every approves/signs actor of the row in order; an actor marked `alternative`
 *    signs instead of the one before it ("Kepala / Sekretaris Dinas"), so both share one slot.
 * The positions come first because paraf inside the organisation that did the work
 * precede the hand-over to the other lanes that approve or sign the result.
 */
export function signOffChainOf(step: Step): SignOffSlot[] {
  const slots: SignOffSlot[] = [];
  const defaultLane = step.actors.find((a) => a.role === 'performs')?.actor ?? step.actors[0]?.actor;
  for (const signOff of step.signOffs ?? []) {
    const lane = signOff.actor ?? defaultLane;
    slots.push({
      actors: lane === undefined ? [] : [lane],
      role: signOff.action === 'tandaTangan' ? 'signs' : 'approves',
      position: signOff.position,
      action: signOff.action,
    });
  }
  for (const a of step.actors) {
    if (a.role !== 'approves' && a.role !== 'signs') continue;
    const previous = slots[slots.length - 1];
    if (a.alternative && previous && previous.position === undefined) previous.actors.push(a.actor);
    else slots.push({ actors: [a.actor], role: a.role });
  }
  return slots;
}

/** A step needs its own work (form, branch choice) unless it is nothing but a sign-off chain. */
export function stepHasWork(step: Step): boolean {
  return step.kind === 'decision' || workActorsOf(step).length > 0 || signOffChainOf(step).length === 0;
}

export function requiredRequirements(step: Step): Requirement[] {
  return (step.requirements ?? []).filter((r) => r.mustCheck === true);
}

/** Label of an actor as the SOP writes it (the id when the actor is unknown). */
export function actorLabel(sop: SopDocument, actorId: string): string {
  return sop.actors.find((a) => a.id === actorId)?.label ?? actorId;
}
