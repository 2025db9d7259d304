/**
 * Where a decision's branch leads, said the way a clerk needs it on the
 * button: "Tidak → kembali ke langkah 4 (Desa/Kelurahan)". A branch may loop
 * back to an earlier row, go on to a later one, reach an end, or leave the SOP
 * for another agency; off-page connectors are passed through, as the engine
 * does, so the button names the step that will really be waiting.
 */
import type { Edge, SopDocument, Step } from '../../schemas/generated/sop.types';
import { translate, type Lang, type MessageKey } from '../i18n';
import { stepName } from './decide';
import { actorLabel, findFlow, indexFlow, signOffChainOf, workActorsOf } from './sopIndex';

export type BranchDestination =
  /** A step of this flow: a later row (forward), the same or an earlier row (back), or an end terminator. */
  | { kind: 'forward' | 'back' | 'end'; step: Step; number: string; actors: string[] }
  /** The case continues at another agency or SOP. */
  | { kind: 'leaves'; target: string };

/**
 * The steps (or the outside target) a branch edge leads to. Empty when the edge
 * points at nothing this flow knows (an invalid document): the button then
 * shows its label alone rather than a guess.
 */
export function branchDestinations(sop: SopDocument, flowId: string | undefined, edge: Edge): BranchDestination[] {
  const flow = findFlow(sop, flowId);
  if (!flow) return [];
  const index = indexFlow(flow);
  const fromRow = index.stepOrder.get(edge.from) ?? -1;
  const found: BranchDestination[] = [];
  const seen = new Set<string>();

  const follow = (next: Edge) => {
    if (next.leaves) {
      if (!found.some((d) => d.kind === 'leaves' && d.target === next.leaves!.target)) found.push({ kind: 'leaves', target: next.leaves.target });
      return;
    }
    const step = next.to === undefined ? undefined : index.steps.get(next.to);
    if (!step || seen.has(step.id)) return;
    seen.add(step.id);
    if (step.kind === 'connector') {
      for (const onward of index.outgoing.get(step.id) ?? []) follow(onward);
      return;
    }
    const row = index.stepOrder.get(step.id) ?? 0;
    const kind = step.kind === 'end' ? 'end' : row <= fromRow ? 'back' : 'forward';
    found.push({ kind, step, number: stepName(step), actors: actingLanes(step).map((id) => actorLabel(sop, id)) });
  };

  follow(edge);
  return found;
}

/** Who acts at a step, for naming it: its performers, else its first signer(s), else whoever the row names. */
function actingLanes(step: Step): string[] {
  const performers = workActorsOf(step);
  if (performers.length > 0) return performers;
  const firstSlot = signOffChainOf(step)[0];
  if (firstSlot) return firstSlot.actors;
  return [...new Set(step.actors.map((a) => a.actor))];
}

export interface BranchWording {
  /** The SOP's own label for the branch ("Tidak", "memenuhi syarat"), empty when it has none. */
  label: string;
  /** Where it leads, starting with the arrow: "→ kembali ke langkah 4 (Desa/Kelurahan)"; empty when unknown. */
  destination: string;
  /** Both, as the button reads: "Tidak → kembali ke langkah 4 (Desa/Kelurahan)". */
  text: string;
}

const KEYS: Readonly<Record<BranchDestination['kind'], MessageKey>> = {
  forward: 'runtime.branch.forward',
  back: 'runtime.branch.back',
  end: 'runtime.branch.end',
  leaves: 'runtime.branch.leaves',
};

export function describeDestination(destination: BranchDestination, lang: Lang): string {
  if (destination.kind === 'leaves') return translate(lang, KEYS.leaves, { target: destination.target });
  const step =
    destination.actors.length > 0
      ? translate(lang, 'runtime.branch.stepBy', { number: destination.number, actors: destination.actors.join(', ') })
      : translate(lang, 'runtime.branch.step', { number: destination.number });
  return translate(lang, KEYS[destination.kind], { step });
}

/** The words on a decision's button for one of its branches, in the interface language. */
export function describeBranch(sop: SopDocument, flowId: string | undefined, edge: Edge, lang: Lang): BranchWording {
  const label = (edge.label ?? '').trim();
  const destinations = branchDestinations(sop, flowId, edge);
  const destination = destinations.length
    ? `→ ${destinations.map((d) => describeDestination(d, lang)).join(translate(lang, 'runtime.branch.and'))}`
    : '';
  const text = [label, destination].filter(Boolean).join(' ') || edge.to || edge.id;
  return { label, destination, text };
}
