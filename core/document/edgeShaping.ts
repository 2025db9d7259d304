/**
 * How arrows follow structural edits: inserting steps into the chain, and
 * giving a step the exits its kind needs. Shared by step.add, steps.paste,
 * step.update and step.changeKind (commands never call each other).
 */
import type { Edge, Flow, Step } from '../../schemas/generated/sop.types';
import { stepName } from '../validation/rules/naming';
import type { IdAllocator } from './ids';
import { edgesIn, edgesOut, retarget, rewriteEdges, targetOf, type EdgeTarget } from './immutable';
import { hasSingleExit, type StepKind, type StepPosition } from './rules';

/** Branch labels tried in order for a new decision exit. */
export const BRANCH_LABELS = ['Ya', 'Tidak'] as const;

export interface EdgeEdit {
  flow: Flow;
  added: Edge[];
  updated: Edge[];
  removed: Edge[];
}

/** "2 → 4 (Tidak)" or "2 → luar SOP: BPJS", for repair messages. */
export function describeEdge(flow: Flow, edge: Edge, lang: 'id' | 'en'): string {
  const name = (id: string) => {
    const step = flow.steps.find((s) => s.id === id);
    return step ? stepName(step) : id;
  };
  const to = edge.leaves
    ? (lang === 'id' ? `luar SOP: ${edge.leaves.target}` : `outside the SOP: ${edge.leaves.target}`)
    : edge.targetUnknown
      ? (lang === 'id' ? 'tujuan tidak terbaca' : 'unreadable target')
      : name(edge.to ?? '');
  return `${name(edge.from)} → ${to}${edge.label ? ` (${edge.label})` : ''}`;
}

/** The first label of `BRANCH_LABELS` not yet used by the step's exits ("" when both are). */
export function freeBranchLabel(exits: readonly Edge[]): string {
  const used = new Set(exits.map((e) => (e.label ?? '').trim().toLocaleLowerCase('id')));
  return BRANCH_LABELS.find((l) => !used.has(l.toLocaleLowerCase('id'))) ?? '';
}

/** Where a new "Tidak" branch goes by default: the first end step other than `besides`. */
export function alternativeEnd(flow: Flow, besides: EdgeTarget | undefined): EdgeTarget | undefined {
  const end = flow.steps.find((s) => s.kind === 'end' && !(besides && 'to' in besides && besides.to === s.id));
  return end ? { to: end.id } : besides;
}

function newEdge(ids: IdAllocator, from: string, target: EdgeTarget, label?: string): Edge {
  return retarget({ id: ids.next('e'), from, ...(label ? { label } : {}) }, target);
}

/**
 * Puts `block` (steps in row order, with their internal edges) into the flow
 * at `position` and wires it into the chain: the arrow that led on from the
 * anchor now enters the block's first step, and each block step that still
 * lacks an exit leads on to where that arrow used to go.
 */
export function insertBlock(flow: Flow, position: StepPosition, block: readonly Step[], internal: readonly Edge[], ids: IdAllocator): EdgeEdit {
  const steps = flow.steps.slice();
  steps.splice(blockRowIndex(flow, position), 0, ...block);
  const entry = block[0]!;
  const updated: Edge[] = [];
  const wiring: Edge[] = [];
  const replaced = new Map<string, Edge | undefined>();
  let onward: EdgeTarget | undefined;

  if (position.afterStepId !== undefined && flow.steps.length > 0) {
    const exits = edgesOut(flow, position.afterStepId);
    const split = exits.find((e) => e.id === position.viaEdgeId) ?? exits[0];
    if (split) {
      onward = targetOf(split);
      replaced.set(split.id, retarget(split, { to: entry.id }));
    } else {
      wiring.push(newEdge(ids, position.afterStepId, { to: entry.id }));
    }
  } else if (position.beforeStepId !== undefined && flow.steps.length > 0) {
    onward = { to: position.beforeStepId };
    for (const edge of enteringFromAbove(flow, position.beforeStepId)) replaced.set(edge.id, retarget(edge, { to: entry.id }));
  }
  for (const edge of replaced.values()) updated.push(edge!);
  let next: Flow = rewriteEdges({ ...flow, steps }, replaced, [...internal, ...wiring]);
  if (onward) {
    const exits = blockExits(next, block, onward, ids);
    next = { ...next, edges: [...next.edges, ...exits] };
    wiring.push(...exits);
  }
  return { flow: next, added: [...internal, ...wiring], updated, removed: [] };
}

function blockRowIndex(flow: Flow, position: StepPosition): number {
  if (position.afterStepId !== undefined) {
    const i = flow.steps.findIndex((s) => s.id === position.afterStepId);
    return i < 0 ? flow.steps.length : i + 1;
  }
  if (position.beforeStepId !== undefined) {
    const i = flow.steps.findIndex((s) => s.id === position.beforeStepId);
    return i < 0 ? flow.steps.length : i;
  }
  return flow.steps.length;
}

/**
 * Arrows into `stepId` from rows above it: inserting "before" a step joins
 * the forward chain, not the loops that jump back to it ("Tidak: back to 2").
 * When only loops enter it, they are the chain.
 */
function enteringFromAbove(flow: Flow, stepId: string): Edge[] {
  const row = new Map(flow.steps.map((s, i) => [s.id, i]));
  const target = row.get(stepId) ?? 0;
  const entering = edgesIn(flow, stepId).filter((e) => e.from !== stepId);
  const forward = entering.filter((e) => (row.get(e.from) ?? Infinity) < target);
  return forward.length > 0 ? forward : entering;
}

/**
 * The exits the block's steps still need. A pasted selection may be several
 * pieces (steps 1 and 3 without 2): a step lacking its way on leads to the
 * next piece of the block, the last to `onward`, so every pasted step is
 * reachable. A decision's missing "Tidak" goes to an end step.
 */
function blockExits(flow: Flow, block: readonly Step[], onward: EdgeTarget, ids: IdAllocator): Edge[] {
  const inBlock = new Set(block.map((s) => s.id));
  const entered = new Set(flow.edges.filter((e) => e.to !== undefined && inBlock.has(e.to)).map((e) => e.to!));
  const added: Edge[] = [];
  const nextPiece = (after: number): EdgeTarget => {
    const head = block.slice(after + 1).find((s) => !entered.has(s.id));
    if (!head) return onward;
    entered.add(head.id);
    return { to: head.id };
  };
  block.forEach((step, i) => {
    const exits = edgesOut(flow, step.id);
    if (hasSingleExit(step.kind) && exits.length === 0) {
      added.push(newEdge(ids, step.id, nextPiece(i)));
    } else if (step.kind === 'decision' && exits.length < 2) {
      const labels = [...exits];
      if (exits.length === 0) {
        const first = newEdge(ids, step.id, nextPiece(i), BRANCH_LABELS[0]);
        added.push(first);
        labels.push(first);
      }
      const firstTarget = targetOf(labels[0]!);
      added.push(newEdge(ids, step.id, alternativeEnd(flow, firstTarget) ?? firstTarget, freeBranchLabel(labels)));
    }
  });
  return added;
}

/**
 * Gives a step whose kind changed the exits its new kind needs:
 * to end: no exits; to decision: the existing exit becomes "Ya" and a "Tidak"
 * exit goes to an end step; from decision to a one-exit kind: the first exit
 * stays (unlabelled), the others go; a step without exits leads to the next row.
 */
export function adjustExitsForKind(flow: Flow, stepId: string, from: StepKind, to: StepKind, ids: IdAllocator): EdgeEdit {
  const exits = edgesOut(flow, stepId);
  const replaced = new Map<string, Edge | undefined>();
  const added: Edge[] = [];
  const updated: Edge[] = [];
  const removed: Edge[] = [];
  const nextRow = (): EdgeTarget | undefined => {
    const i = flow.steps.findIndex((s) => s.id === stepId);
    const next = flow.steps[i + 1];
    return next ? { to: next.id } : undefined;
  };
  if (to === 'end') {
    removed.push(...exits);
  } else if (to === 'decision') {
    const onward = exits[0] ? targetOf(exits[0]) : nextRow();
    if (exits.length === 0 && onward) {
      added.push(newEdge(ids, stepId, onward, BRANCH_LABELS[0]));
      added.push(newEdge(ids, stepId, alternativeEnd(flow, onward) ?? onward, BRANCH_LABELS[1]));
    } else {
      const labelled: Edge[] = [];
      for (const edge of exits) {
        if ((edge.label ?? '').trim() !== '') {
          labelled.push(edge);
          continue;
        }
        const withLabel = { ...edge, label: freeBranchLabel(labelled) };
        replaced.set(edge.id, withLabel);
        updated.push(withLabel);
        labelled.push(withLabel);
      }
      if (exits.length === 1 && onward) {
        added.push(newEdge(ids, stepId, alternativeEnd(flow, onward) ?? onward, freeBranchLabel(labelled)));
      }
    }
  } else if (exits.length === 0) {
    const onward = nextRow();
    if (onward) added.push(newEdge(ids, stepId, onward));
  } else if (from === 'decision' || exits.length > 1) {
    const [kept, ...others] = exits;
    removed.push(...others);
    if (kept!.label !== undefined) {
      const { label: _label, ...unlabelled } = kept!;
      replaced.set(kept!.id, unlabelled);
      updated.push(unlabelled);
    }
  }
  for (const edge of removed) replaced.set(edge.id, undefined);
  return { flow: rewriteEdges(flow, replaced, added), added, updated, removed };
}
