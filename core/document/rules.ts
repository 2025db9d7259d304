/**
 * Rules: "may this happen?", asked before a command runs so the canvas can
 * refuse a drop or a connection early, with a reason to show. Commands ask the
 * same rules, so what the canvas allows and what a command does never differ.
 * Validation (core/validation) answers the other question, "is the document
 * right?", after the fact.
 */
import type { Flow, SopDocument, Step, StepActor } from '../../schemas/generated/sop.types';
import { exitsNeeded, SYMBOLS } from '../notation';
import { quote, stepName } from '../validation/rules/naming';
import { edgesOut } from './immutable';
import { ALLOWED, refuse, type Refusal, type RuleAnswer } from './types';

export type StepKind = Step['kind'];

/** The flow and, when asked, a step of it; or the refusal saying which is missing. */
export function findFlow(doc: SopDocument, flowId: string): { flow: Flow; flowIndex: number } | Refusal {
  const flowIndex = doc.flows.findIndex((f) => f.id === flowId);
  if (flowIndex < 0) {
    return refuse('flow.not-found', { id: `Alur ${quote(flowId)} tidak ada.`, en: `Flow ${quote(flowId)} does not exist.` }, { flowId });
  }
  return { flow: doc.flows[flowIndex]!, flowIndex };
}

export function findStep(flow: Flow, stepId: string): { step: Step; stepIndex: number } | Refusal {
  const stepIndex = flow.steps.findIndex((s) => s.id === stepId);
  if (stepIndex < 0) {
    return refuse('step.not-found', { id: `Langkah ${quote(stepId)} tidak ada di alur ini.`, en: `Step ${quote(stepId)} is not in this flow.` }, { stepId });
  }
  return { step: flow.steps[stepIndex]!, stepIndex };
}

/**
 * Kinds with exactly one way out, as the step-kind registry says
 * (core/notation `exits`; validation checks the same: step.exit-count).
 */
export function hasSingleExit(kind: StepKind): boolean {
  return SYMBOLS[kind].exits.maxOut === 1;
}

/** A step id, the outside of the SOP, or a target the source does not show legibly. */
export type ConnectTarget = string | { leaves: string } | { unknown: true };

/**
 * May an arrow run from `from` to `to` (a step id, or `{leaves}` for "the case
 * goes on at another agency")? `ignoreEdgeId` is the edge being reconnected.
 */
export function canConnect(doc: SopDocument, flowId: string, from: string, to: ConnectTarget, ignoreEdgeId?: string): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const { flow } = found;
  const source = findStep(flow, from);
  if ('ok' in source) return source;
  const step = source.step;
  if (typeof to === 'string') {
    const target = findStep(flow, to);
    if ('ok' in target) return target;
    if (to === from) {
      return refuse('edge.self-loop', {
        id: `Panah tidak boleh kembali ke langkah ${stepName(step)} itu sendiri.`,
        en: `An arrow cannot return to step ${stepName(step)} itself.`,
      });
    }
  } else if ('leaves' in to && to.leaves.trim() === '') {
    return refuse('edge.leaves-empty', { id: 'Sebutkan tujuan di luar SOP.', en: 'Name where the case goes outside this SOP.' });
  }
  const needed = exitsNeeded(step);
  if (needed.maxOut === 0) {
    return refuse('edge.from-end', {
      id: `Langkah akhir ${stepName(step)} tidak punya panah keluar.`,
      en: `End step ${stepName(step)} has no outgoing arrow.`,
    });
  }
  const exits = edgesOut(flow, from).filter((e) => e.id !== ignoreEdgeId);
  // Two illegible targets are not the same target: a decision may have both branches unread.
  const duplicate = exits.some((e) => (typeof to === 'string' ? e.to === to : 'leaves' in to && e.leaves?.target === to.leaves));
  if (duplicate) {
    return refuse('edge.duplicate', {
      id: `Sudah ada panah dari langkah ${stepName(step)} ke tujuan itu.`,
      en: `An arrow from step ${stepName(step)} to that target already exists.`,
    });
  }
  // The registry's most arrows out; a parallel split takes every arrow at once, so it has as many exits as branches.
  if (needed.maxOut !== null && exits.length >= needed.maxOut) {
    return refuse('edge.exit-taken', {
      id: `Langkah ${stepName(step)} sudah punya satu panah keluar; sambungkan ulang panah itu.`,
      en: `Step ${stepName(step)} already has its one outgoing arrow; reconnect that arrow instead.`,
    }, { edgeId: exits[0]!.id });
  }
  return ALLOWED;
}

/** May edge `edgeId` get a new source and/or target? */
export function canReconnect(doc: SopDocument, flowId: string, edgeId: string, ends: { from?: string; to?: ConnectTarget }): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const edge = found.flow.edges.find((e) => e.id === edgeId);
  if (!edge) return edgeNotFound(edgeId);
  const to: ConnectTarget = ends.to ?? (edge.leaves ? { leaves: edge.leaves.target } : edge.targetUnknown ? { unknown: true } : (edge.to as string));
  return canConnect(doc, flowId, ends.from ?? edge.from, to, edgeId);
}

export function edgeNotFound(edgeId: string): Refusal {
  return refuse('edge.not-found', { id: `Panah ${quote(edgeId)} tidak ada di alur ini.`, en: `Arrow ${quote(edgeId)} is not in this flow.` }, { edgeId });
}

/** May the decision edge get this label? Labels out of one decision are distinct. */
export function canSetEdgeLabel(doc: SopDocument, flowId: string, edgeId: string, label: string): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const edge = found.flow.edges.find((e) => e.id === edgeId);
  if (!edge) return edgeNotFound(edgeId);
  const wanted = label.trim().toLocaleLowerCase('id');
  if (wanted === '') return ALLOWED;
  const clash = edgesOut(found.flow, edge.from).some((e) => e.id !== edgeId && (e.label ?? '').trim().toLocaleLowerCase('id') === wanted);
  if (clash) {
    return refuse('edge.label-taken', {
      id: `Panah lain dari langkah yang sama sudah berlabel ${quote(label)}.`,
      en: `Another arrow from the same step is already labelled ${quote(label)}.`,
    });
  }
  return ALLOWED;
}

function laneMissing(actorId: string): Refusal {
  return refuse('lane.not-found', { id: `Pelaksana ${quote(actorId)} tidak punya lajur di alur ini.`, en: `Actor ${quote(actorId)} has no lane in this flow.` }, { actorId });
}

/**
 * May the step's symbol in lane `fromActorId` (default: its first actor) move
 * to lane `toActorId`?
 */
export function canMoveToLane(doc: SopDocument, flowId: string, stepId: string, toActorId: string, fromActorId?: string): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const located = findStep(found.flow, stepId);
  if ('ok' in located) return located;
  const { step } = located;
  if (!found.flow.lanes.includes(toActorId)) return laneMissing(toActorId);
  const from = fromActorId ?? step.actors[0]?.actor;
  if (from !== undefined && !step.actors.some((a) => a.actor === from)) {
    return refuse('step.actor-not-in-step', {
      id: `Langkah ${stepName(step)} tidak dikerjakan oleh ${quote(from)}.`,
      en: `Step ${stepName(step)} is not performed by ${quote(from)}.`,
    });
  }
  if (from !== toActorId && step.actors.some((a) => a.actor === toActorId)) {
    return refuse('step.already-in-lane', {
      id: `Langkah ${stepName(step)} sudah punya simbol di lajur itu.`,
      en: `Step ${stepName(step)} already has a symbol in that lane.`,
    });
  }
  return ALLOWED;
}

export function canMoveToRow(doc: SopDocument, flowId: string, stepId: string, toIndex: number): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const located = findStep(found.flow, stepId);
  if ('ok' in located) return located;
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= found.flow.steps.length) {
    return refuse('step.row-out-of-range', { id: 'Baris tujuan di luar tabel.', en: 'The target row is outside the table.' }, { toIndex });
  }
  return ALLOWED;
}

export interface StepPosition {
  /** Insert below this step and into its outgoing arrow (`viaEdgeId` picks which, for a decision). */
  afterStepId?: string;
  /** Insert above this step and into every arrow that enters it. */
  beforeStepId?: string;
  viaEdgeId?: string;
}

/** May a step (or a pasted block) be inserted at this position? */
export function canAddStep(doc: SopDocument, flowId: string, position: StepPosition, kind: StepKind = 'process'): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const { flow } = found;
  if (flow.steps.length === 0) return ALLOWED;
  if (kind === 'start' && flow.steps.some((s) => s.kind === 'start')) return secondStart();
  if (position.afterStepId === undefined && position.beforeStepId === undefined) {
    return refuse('step.position-required', {
      id: 'Pilih langkah yang menjadi patokan letak langkah baru.',
      en: 'Choose the step next to which the new step goes.',
    });
  }
  if (position.afterStepId !== undefined) {
    const after = findStep(flow, position.afterStepId);
    if ('ok' in after) return after;
    if (after.step.kind === 'end') {
      return refuse('step.after-end', {
        id: `Langkah akhir ${stepName(after.step)} tidak punya panah keluar; sisipkan langkah baru sebelum langkah itu.`,
        en: `End step ${stepName(after.step)} has no outgoing arrow; insert the new step before it.`,
      });
    }
    if (position.viaEdgeId !== undefined && !edgesOut(flow, after.step.id).some((e) => e.id === position.viaEdgeId)) {
      return edgeNotFound(position.viaEdgeId);
    }
    return ALLOWED;
  }
  const before = findStep(flow, position.beforeStepId!);
  if ('ok' in before) return before;
  if (before.step.kind === 'start') {
    return refuse('step.before-start', {
      id: 'Tidak ada langkah sebelum langkah mulai.',
      en: 'Nothing comes before the start step.',
    });
  }
  return ALLOWED;
}

function secondStart(): Refusal {
  return refuse('step.second-start', {
    id: 'Alur ini sudah punya langkah mulai; ubah dulu langkah mulai yang ada.',
    en: 'This flow already has a start step; change that one first.',
  });
}

export function canChangeKind(doc: SopDocument, flowId: string, stepId: string, kind: StepKind): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const located = findStep(found.flow, stepId);
  if ('ok' in located) return located;
  if (kind === 'start' && found.flow.steps.some((s) => s.kind === 'start' && s.id !== stepId)) return secondStart();
  return ALLOWED;
}

/**
 * May these actors act in a step of this flow? Each needs a lane or to be
 * declared external (validation: step.actor-unknown); add the lane first.
 */
export function canAssignActors(doc: SopDocument, flowId: string, actors: readonly StepActor[]): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const allowed = new Set([...found.flow.lanes, ...(found.flow.externalActors ?? [])]);
  const missing = actors.find((a) => !allowed.has(a.actor) || !doc.actors.some((d) => d.id === a.actor));
  return missing ? laneMissing(missing.actor) : ALLOWED;
}

/** Steps of the flow with a symbol in this lane. */
export function stepsInLane(flow: Flow, actorId: string): Step[] {
  return flow.steps.filter((s) => s.actors.some((a) => a.actor === actorId));
}

/**
 * May the lane go? A lane that still holds steps needs `moveStepsTo` (another
 * lane of the flow): the UI asks the user where the steps go, then retries.
 */
export function canRemoveLane(doc: SopDocument, flowId: string, actorId: string, moveStepsTo?: string): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const { flow } = found;
  if (!flow.lanes.includes(actorId)) return laneMissing(actorId);
  const inLane = stepsInLane(flow, actorId);
  if (moveStepsTo === undefined) {
    if (inLane.length === 0) return ALLOWED;
    return refuse('lane.has-steps', {
      id: `Lajur ini masih berisi ${inLane.length} langkah (${inLane.map(stepName).join(', ')}). Pilih lajur tujuan langkah-langkah itu.`,
      en: `This lane still holds ${inLane.length} step(s) (${inLane.map(stepName).join(', ')}). Choose the lane they move to.`,
    }, { stepIds: inLane.map((s) => s.id) });
  }
  if (moveStepsTo === actorId || !flow.lanes.includes(moveStepsTo)) {
    return refuse('lane.move-target-invalid', {
      id: 'Langkah hanya dapat dipindah ke lajur lain di alur ini.',
      en: 'Steps can only move to another lane of this flow.',
    }, { moveStepsTo });
  }
  return ALLOWED;
}

export function canRemoveFlow(doc: SopDocument, flowId: string): RuleAnswer {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  if (doc.flows.length === 1) {
    return refuse('flow.last', {
      id: 'SOP harus punya paling sedikit satu bagan alir.',
      en: 'An SOP keeps at least one flowchart.',
    });
  }
  return ALLOWED;
}
