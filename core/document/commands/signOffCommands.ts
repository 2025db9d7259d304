/**
 * Sign-offs inside a step's lane (schema v2 `Step.signOffs`): the ordered
 * chain of paraf and tanda tangan (Kasi → Kabid → Sekdin) the step waits for.
 * One command per edit, so each add, change, removal and move is one undo step.
 */
import type { Flow, SignOff, SopDocument, Step } from '../../../schemas/generated/sop.types';
import { moveItem, removeAt, replaceAt, stepInSchemaOrder, withChanges, withFlow, withStep } from '../immutable';
import { findFlow, findStep } from '../rules';
import { refuse, type Refusal } from '../types';
import { defineCommand, type Applied } from './define';

/** The schema's maxItems for `signOffs`. */
export const MAX_SIGN_OFFS = 20;

interface StepRef {
  flowId: string;
  stepId: string;
}

type Located = { flow: Flow; flowIndex: number; step: Step; stepIndex: number };

function locate(doc: SopDocument, { flowId, stepId }: StepRef): Located | Refusal {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  const located = findStep(found.flow, stepId);
  if ('ok' in located) return located;
  return { ...found, ...located };
}

/** The step with `signOffs` replaced; an empty list removes the field. */
function withSignOffs(doc: SopDocument, at: Located, signOffs: SignOff[], flowId: string): Applied {
  const step = stepInSchemaOrder(withChanges(at.step, { signOffs: signOffs.length > 0 ? signOffs : undefined }));
  return { doc: withFlow(doc, at.flowIndex, withStep(at.flow, at.stepIndex, step)), changes: [{ kind: 'step', id: step.id, flowId, change: 'updated' }] };
}

/** A sign-off names one of its step's own actors (the rule signoff.unknown-actor checks the same on a whole document). */
function refuseActor(step: Step, actor: string | undefined): Refusal | undefined {
  if (actor === undefined || step.actors.some((a) => a.actor === actor)) return undefined;
  return refuse('signOff.unknown-actor', {
    id: `Paraf/tanda tangan hanya oleh pelaksana langkah ini; "${actor}" bukan pelaksananya.`,
    en: `A sign-off belongs to one of this step's actors; "${actor}" is not one.`,
  });
}

function outOfRange(index: number): Refusal {
  return refuse('signOff.not-found', { id: `Tidak ada paraf/tanda tangan ke-${index + 1}.`, en: `There is no sign-off ${index + 1}.` });
}

function signOffsOf(step: Step): SignOff[] {
  return step.signOffs ?? [];
}

function inRange(step: Step, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < signOffsOf(step).length;
}

/** Without an actor, the sign-off belongs to the step's first performing actor, as the schema says. */
function cleanSignOff({ position, action, actor }: SignOff): SignOff {
  return { position, action, ...(actor !== undefined ? { actor } : {}) };
}

export interface SignOffAddParams extends StepRef {
  signOff: SignOff;
  /** Where in the chain; default: last. */
  index?: number;
}

export const signOffAdd = defineCommand<SignOffAddParams>({
  title: { id: 'Tambah paraf/tanda tangan', en: 'Add sign-off' },
  run(doc, params) {
    const at = locate(doc, params);
    if ('ok' in at) return at;
    const list = signOffsOf(at.step);
    if (list.length >= MAX_SIGN_OFFS) {
      return refuse('signOff.too-many', { id: `Paling banyak ${MAX_SIGN_OFFS} paraf/tanda tangan per langkah.`, en: `At most ${MAX_SIGN_OFFS} sign-offs per step.` });
    }
    const refused = refuseActor(at.step, params.signOff.actor);
    if (refused) return refused;
    const index = Math.max(0, Math.min(list.length, params.index ?? list.length));
    const next = list.slice();
    next.splice(index, 0, cleanSignOff(params.signOff));
    return withSignOffs(doc, at, next, params.flowId);
  },
});

export interface SignOffUpdateParams extends StepRef {
  index: number;
  /** `actor: null` returns the sign-off to the step's first performing actor. */
  changes: { position?: string; action?: SignOff['action']; actor?: string | null };
}

export const signOffUpdate = defineCommand<SignOffUpdateParams>({
  title: { id: 'Ubah paraf/tanda tangan', en: 'Edit sign-off' },
  run(doc, params) {
    const at = locate(doc, params);
    if ('ok' in at) return at;
    if (!inRange(at.step, params.index)) return outOfRange(params.index);
    const { actor, ...rest } = params.changes;
    if (actor !== undefined && actor !== null) {
      const refused = refuseActor(at.step, actor);
      if (refused) return refused;
    }
    const current = signOffsOf(at.step)[params.index]!;
    const updated = cleanSignOff(withChanges(current, { ...rest, ...(actor !== undefined ? { actor: actor ?? undefined } : {}) }));
    return withSignOffs(doc, at, replaceAt(signOffsOf(at.step), params.index, updated), params.flowId);
  },
  // Typing a position merges into one undo step; choosing an action or actor does not.
  coalesceKey: ({ flowId, stepId, index, changes }) =>
    Object.keys(changes).length === 1 && changes.position !== undefined ? `signOff.update:${flowId}:${stepId}:${index}` : undefined,
});

export interface SignOffRemoveParams extends StepRef {
  index: number;
}

export const signOffRemove = defineCommand<SignOffRemoveParams>({
  title: { id: 'Hapus paraf/tanda tangan', en: 'Remove sign-off' },
  run(doc, params) {
    const at = locate(doc, params);
    if ('ok' in at) return at;
    if (!inRange(at.step, params.index)) return outOfRange(params.index);
    return withSignOffs(doc, at, removeAt(signOffsOf(at.step), params.index), params.flowId);
  },
});

export interface SignOffMoveParams extends StepRef {
  index: number;
  toIndex: number;
}

export const signOffMove = defineCommand<SignOffMoveParams>({
  title: { id: 'Pindahkan paraf/tanda tangan', en: 'Move sign-off' },
  run(doc, params) {
    const at = locate(doc, params);
    if ('ok' in at) return at;
    if (!inRange(at.step, params.index)) return outOfRange(params.index);
    if (!inRange(at.step, params.toIndex)) return outOfRange(params.toIndex);
    return withSignOffs(doc, at, moveItem(signOffsOf(at.step), params.index, params.toIndex), params.flowId);
  },
});
