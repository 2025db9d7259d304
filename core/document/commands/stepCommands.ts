/** Commands that add, edit and move one step. */
import type { Flow, Requirement, RowCondition, Step, StepActor, Text, Waktu } from '../../../schemas/generated/sop.types';
import { parseWaktu } from '../../waktu';
import { describeEdge, insertBlock, adjustExitsForKind, type EdgeEdit } from '../edgeShaping';
import { IdAllocator } from '../ids';
import { moveItem, stepInSchemaOrder, withChanges, withFlow, withKind, withStep } from '../immutable';
import { canAddStep, canAssignActors, canChangeKind, canMoveToLane, canMoveToRow, findFlow, findStep, type StepKind, type StepPosition } from '../rules';
import { refuse, type Change, type LocalizedText, type Refusal } from '../types';
import { defineCommand, nullsToUndefined } from './define';

export interface StepAddParams extends StepPosition {
  flowId: string;
  kind?: StepKind;
  /** The lane of the new symbol; default: the anchor step's lane, else the first lane. */
  laneActorId?: string;
  text?: string;
  /** As printed; default: the next number when added after the last numbered row, else none. */
  number?: string;
}

/**
 * Adds a step below `afterStepId` (into its outgoing arrow; `viaEdgeId`
 * picks which exit of a decision) or above `beforeStepId` (into the arrows
 * entering it from above). The new step gets the exits its kind needs, so a
 * process added into a valid flow leaves it valid; a decision gets "Ya" onward
 * and "Tidak" to an end step. In an empty flow it is simply the first row.
 */
export const stepAdd = defineCommand<StepAddParams>({
  title: { id: 'Tambah langkah', en: 'Add step' },
  run(doc, params) {
    const kind = params.kind ?? 'process';
    const allowed = canAddStep(doc, params.flowId, params, kind);
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, params.flowId) as { flow: Flow; flowIndex: number };
    const anchorId = params.afterStepId ?? params.beforeStepId;
    const anchor = flow.steps.find((s) => s.id === anchorId);
    const lane = params.laneActorId ?? anchor?.actors.find((a) => flow.lanes.includes(a.actor))?.actor ?? flow.lanes[0];
    if (lane !== undefined) {
      const laneAllowed = canAssignActors(doc, params.flowId, [{ actor: lane, role: 'performs' }]);
      if (!laneAllowed.ok) return laneAllowed;
    }
    const ids = new IdAllocator(doc);
    const number = params.number ?? nextNumberAfter(flow, params);
    const step: Step = stepInSchemaOrder(withKind({
      id: ids.next('s'),
      ...(number !== undefined ? { number } : {}),
      kind,
      text: params.text ?? '',
      actors: lane !== undefined ? [{ actor: lane, role: 'performs' }] : [],
    }, kind));
    const edit = insertBlock(flow, params, [step], [], ids);
    return {
      doc: withFlow(doc, flowIndex, edit.flow),
      changes: [{ kind: 'step', id: step.id, flowId: flow.id, change: 'added' }, ...edgeChanges(flow.id, edit)],
      select: [{ kind: 'step', id: step.id, flowId: flow.id }],
    };
  },
});

/**
 * The SOP's own numbers are kept as written. Only a step appended after the
 * last row of a flow numbered 1..n continues the count; elsewhere the step is
 * unnumbered until the drafter runs steps.renumber (see `numbersAreSequential`).
 */
function nextNumberAfter(flow: Flow, position: StepPosition): string | undefined {
  const last = flow.steps[flow.steps.length - 1];
  if (flow.steps.length === 0) return '1';
  if (position.afterStepId !== last?.id || !numbersAreSequential(flow)) return undefined;
  const dotted = last!.number!.trim().endsWith('.');
  return `${flow.steps.length + 1}${dotted ? '.' : ''}`;
}

/** True when the rows are numbered exactly 1, 2, 3... ("1." style allowed). */
export function numbersAreSequential(flow: Flow): boolean {
  return flow.steps.every((s, i) => s.number !== undefined && s.number.trim().replace(/\.$/, '') === String(i + 1));
}

export function edgeChanges(flowId: string, edit: EdgeEdit): Change[] {
  return [
    ...edit.added.map((e): Change => ({ kind: 'edge', id: e.id, flowId, change: 'added' })),
    ...edit.updated.map((e): Change => ({ kind: 'edge', id: e.id, flowId, change: 'updated' })),
    ...edit.removed.map((e): Change => ({ kind: 'edge', id: e.id, flowId, change: 'removed' })),
  ];
}

/** A requirement as the properties panel edits it; items without an id get one. */
export interface RequirementInput {
  id?: string;
  text: Text;
  mustCheck?: boolean;
}

/** Fields of step.update; `null` removes an optional field. */
export interface StepChanges {
  text?: Text;
  number?: string | null;
  kind?: StepKind;
  symbolText?: string | null;
  actors?: StepActor[];
  parties?: string[] | null;
  requirements?: RequirementInput[] | null;
  /** The Waktu text as typed; its parsed reading is recomputed with parseWaktu. */
  waktuRaw?: string | null;
  output?: Text | null;
  remarks?: Text | null;
  /**
   * The row's condition. Text alone keeps whether the runtime asks it (a new
   * condition is asked unless a decision leads to the row, as the v1 → v2
   * migration decides); a RowCondition sets both.
   */
  condition?: Text | RowCondition | null;
  /** How an end step's case finishes; only on an end (an end always has one). */
  outcome?: StepOutcome;
  /** Every outgoing arrow taken at once; only on a start or process step. */
  split?: 'parallel' | null;
  /** Wait for every parallel path; only on a process, decision or end step. */
  join?: 'all' | null;
  /** What the Waktu means; "work" is the default and is stored as absent. Needs a Waktu. */
  waktuMeasure?: WaktuMeasure;
  /** `false` removes the flag (absent means false). */
  subRow?: boolean;
  textContinues?: boolean;
  note?: string | null;
}

export type StepOutcome = NonNullable<Step['outcome']>;
export type WaktuMeasure = NonNullable<NonNullable<Step['waktu']>['measure']>;
export const STEP_OUTCOMES: readonly StepOutcome[] = ['selesai', 'ditolak', 'dirujuk', 'dibatalkan'];
export const WAKTU_MEASURES: readonly WaktuMeasure[] = ['work', 'limit', 'wait'];

export interface StepUpdateParams {
  flowId: string;
  stepId: string;
  changes: StepChanges;
}

export const stepUpdate = defineCommand<StepUpdateParams>({
  title: { id: 'Ubah langkah', en: 'Edit step' },
  run(doc, { flowId, stepId, changes }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const located = findStep(found.flow, stepId);
    if ('ok' in located) return located;
    const { step, stepIndex } = located;
    if (changes.actors) {
      const allowed = canAssignActors(doc, flowId, changes.actors);
      if (!allowed.ok) return allowed;
    }
    if (changes.kind !== undefined && changes.kind !== step.kind) {
      const allowed = canChangeKind(doc, flowId, stepId, changes.kind);
      if (!allowed.ok) return allowed;
    }
    const refused = refuseKindField(step, changes);
    if (refused) return refused;
    const ids = new IdAllocator(doc);
    const { waktuRaw, waktuMeasure, requirements, kind, condition, subRow, textContinues, ...plain } = changes;
    const fields: Record<string, unknown> = nullsToUndefined(plain);
    if (subRow !== undefined) fields.subRow = subRow || undefined;
    if (textContinues !== undefined) fields.textContinues = textContinues || undefined;
    if (waktuRaw !== undefined || waktuMeasure !== undefined) fields.waktu = nextWaktu(step.waktu, waktuRaw, waktuMeasure);
    if (requirements !== undefined) fields.requirements = requirements === null ? undefined : withRequirementIds(step, requirements, ids);
    if (condition !== undefined) fields.condition = condition === null ? undefined : rowCondition(found.flow, step, condition);
    const changed = withChanges(step, fields);
    const updated = stepInSchemaOrder(kind !== undefined ? withKind(changed, kind) : changed);
    let flow = withStep(found.flow, stepIndex, updated);
    const changeList: Change[] = [{ kind: 'step', id: stepId, flowId, change: 'updated' }];
    let message: LocalizedText | undefined;
    if (kind !== undefined && kind !== step.kind) {
      const edit = adjustExitsForKind(flow, stepId, step.kind, kind, ids);
      flow = edit.flow;
      changeList.push(...edgeChanges(flowId, edit));
      message = removedEdgesMessage(found.flow, edit);
    }
    return { doc: withFlow(doc, found.flowIndex, flow), changes: changeList, ...(message ? { message } : {}) };
  },
  // Typing merges into one undo step; a choice (kind, outcome, a checkbox) is a step of its own.
  coalesceKey: ({ flowId, stepId, changes }) =>
    isTyping(changes) ? `step.update:${flowId}:${stepId}:${Object.keys(changes).sort().join(',')}` : undefined,
});

const CHOICES: readonly (keyof StepChanges)[] = ['kind', 'outcome', 'split', 'join', 'waktuMeasure', 'subRow', 'textContinues'];

function isTyping(changes: StepChanges): boolean {
  if (CHOICES.some((key) => changes[key] !== undefined)) return false;
  // A RowCondition sets whether the row is asked (a checkbox); text alone is typing.
  return !(typeof changes.condition === 'object' && changes.condition !== null && 'asked' in changes.condition);
}

/**
 * Fields only some kinds carry are refused on the others rather than dropped
 * silently: the panel shows them only where they apply, so a refusal here is
 * a caller's mistake worth naming.
 */
function refuseKindField(step: Step, changes: StepChanges): Refusal | undefined {
  const kind = changes.kind ?? step.kind;
  if (changes.outcome !== undefined && kind !== 'end') {
    return refuse('step.outcome-not-end', { id: 'Hasil akhir hanya untuk langkah akhir.', en: 'Only an end step has an outcome.' });
  }
  if (changes.outcome !== undefined && !STEP_OUTCOMES.includes(changes.outcome)) {
    return refuse('step.outcome-unknown', { id: `Hasil akhir "${changes.outcome}" tidak dikenal.`, en: `Unknown outcome "${changes.outcome}".` });
  }
  if (changes.split && kind !== 'start' && kind !== 'process') {
    return refuse('step.split-kind', { id: 'Percabangan paralel hanya dari langkah mulai atau proses.', en: 'Only a start or process step splits in parallel.' });
  }
  if (changes.join && kind !== 'process' && kind !== 'decision' && kind !== 'end') {
    return refuse('step.join-kind', { id: 'Hanya langkah proses, keputusan atau akhir yang menunggu semua jalur.', en: 'Only a process, decision or end step waits for all paths.' });
  }
  if (changes.waktuMeasure !== undefined && !WAKTU_MEASURES.includes(changes.waktuMeasure)) {
    return refuse('step.waktu-measure-unknown', { id: `Jenis waktu "${changes.waktuMeasure}" tidak dikenal.`, en: `Unknown kind of time "${changes.waktuMeasure}".` });
  }
  const hasWaktu = changes.waktuRaw !== undefined ? changes.waktuRaw !== null : step.waktu !== undefined;
  if (changes.waktuMeasure !== undefined && !hasWaktu) {
    return refuse('step.waktu-measure-without-waktu', { id: 'Isi Waktu lebih dahulu, baru jenisnya.', en: 'Fill in the time first, then its kind.' });
  }
  return undefined;
}

/** The Waktu after an edit: new text is parsed again, and what it measures stays unless changed ("work" is stored as absent). */
function nextWaktu(current: Waktu | undefined, raw: string | null | undefined, measure: WaktuMeasure | undefined): Waktu | undefined {
  if (raw === null) return undefined;
  const text = raw ?? current!.raw;
  const kept = measure ?? current?.measure;
  return {
    raw: text,
    ...(kept !== undefined && kept !== 'work' ? { measure: kept } : {}),
    parsed: raw === undefined && current?.parsed ? current.parsed : parseWaktu(text),
  };
}

function rowCondition(flow: Flow, step: Step, condition: Text | RowCondition): RowCondition {
  if (typeof condition === 'object' && 'asked' in condition) return { text: condition.text, asked: condition.asked };
  if (step.condition) return { text: condition, asked: step.condition.asked };
  // The text of a row a decision leads to names that decision's branch; anything else is a question for the clerk.
  const decisions = new Set(flow.steps.filter((s) => s.kind === 'decision').map((s) => s.id));
  const asked = !flow.edges.some((e) => e.to === step.id && decisions.has(e.from));
  return { text: condition, asked };
}

/** Keeps ids the step already uses; ids taken elsewhere in the document are replaced. */
function withRequirementIds(step: Step, items: readonly RequirementInput[], ids: IdAllocator): Requirement[] {
  const own = new Set((step.requirements ?? []).map((r) => r.id));
  const used = new Set<string>();
  return items.map((item) => {
    const keep = item.id !== undefined && !used.has(item.id) && (own.has(item.id) || !ids.has(item.id));
    const id = keep ? item.id! : ids.next(`${step.id}-r`);
    used.add(id);
    return { id, text: item.text, ...(item.mustCheck !== undefined ? { mustCheck: item.mustCheck } : {}) };
  });
}

function removedEdgesMessage(flow: Flow, edit: EdgeEdit): LocalizedText | undefined {
  if (edit.removed.length === 0) return undefined;
  return {
    id: `Panah dihapus: ${edit.removed.map((e) => describeEdge(flow, e, 'id')).join('; ')}.`,
    en: `Arrows removed: ${edit.removed.map((e) => describeEdge(flow, e, 'en')).join('; ')}.`,
  };
}

export interface StepChangeKindParams {
  flowId: string;
  stepId: string;
  kind: StepKind;
}

/** Changes the symbol; the step's exits follow its new kind (see adjustExitsForKind). */
export const stepChangeKind = defineCommand<StepChangeKindParams>({
  title: { id: 'Ubah jenis langkah', en: 'Change step kind' },
  run(doc, { flowId, stepId, kind }) {
    const allowed = canChangeKind(doc, flowId, stepId, kind);
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, flowId) as { flow: Flow; flowIndex: number };
    const { step, stepIndex } = findStep(flow, stepId) as { step: Step; stepIndex: number };
    if (step.kind === kind) return { doc, changes: [] };
    const edit = adjustExitsForKind(withStep(flow, stepIndex, stepInSchemaOrder(withKind(step, kind))), stepId, step.kind, kind, new IdAllocator(doc));
    const message = removedEdgesMessage(flow, edit);
    return {
      doc: withFlow(doc, flowIndex, edit.flow),
      changes: [{ kind: 'step', id: stepId, flowId, change: 'updated' }, ...edgeChanges(flowId, edit)],
      ...(message ? { message } : {}),
    };
  },
});

export interface StepMoveToLaneParams {
  flowId: string;
  stepId: string;
  toActorId: string;
  /** Which of the step's symbols moved (a step with several actors has one per lane); default: the first. */
  fromActorId?: string;
}

/** The dragged symbol's actor is replaced; its role and either/or flag stay. */
export const stepMoveToLane = defineCommand<StepMoveToLaneParams>({
  title: { id: 'Pindahkan ke lajur lain', en: 'Move to another lane' },
  run(doc, { flowId, stepId, toActorId, fromActorId }) {
    const allowed = canMoveToLane(doc, flowId, stepId, toActorId, fromActorId);
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, flowId) as { flow: Flow; flowIndex: number };
    const { step, stepIndex } = findStep(flow, stepId) as { step: Step; stepIndex: number };
    const from = fromActorId ?? step.actors[0]?.actor;
    const actors: StepActor[] = from === undefined
      ? [{ actor: toActorId, role: 'performs' }]
      : step.actors.map((a) => (a.actor === from ? { ...a, actor: toActorId } : a));
    return {
      doc: withFlow(doc, flowIndex, withStep(flow, stepIndex, { ...step, actors })),
      changes: [{ kind: 'step', id: stepId, flowId, change: 'updated' }],
      select: [{ kind: 'step', id: stepId, flowId }],
    };
  },
});

export interface StepMoveToRowParams {
  flowId: string;
  stepId: string;
  /** The row the step ends up in (0-based, among the flow's steps). */
  toIndex: number;
}

/**
 * Reorders rows; arrows keep their ends (a forward arrow may become a loop,
 * which the layout draws in the side channel). A phase heading anchored at
 * the moved step stays where it was, on the step that followed it.
 */
export const stepMoveToRow = defineCommand<StepMoveToRowParams>({
  title: { id: 'Pindahkan baris', en: 'Move row' },
  run(doc, { flowId, stepId, toIndex }) {
    const allowed = canMoveToRow(doc, flowId, stepId, toIndex);
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, flowId) as { flow: Flow; flowIndex: number };
    const from = flow.steps.findIndex((s) => s.id === stepId);
    const follower = flow.steps[from + 1];
    const changes: Change[] = [{ kind: 'step', id: stepId, flowId, change: 'updated' }];
    const sections = follower === undefined || from === toIndex
      ? flow.sections
      : flow.sections?.map((section) => {
          if (section.beforeStep !== stepId) return section;
          changes.push({ kind: 'section', id: section.id, flowId, change: 'updated' });
          return { ...section, beforeStep: follower.id };
        });
    const next = withChanges({ ...flow, steps: moveItem(flow.steps, from, toIndex) }, { sections });
    return { doc: withFlow(doc, flowIndex, next), changes, select: [{ kind: 'step', id: stepId, flowId }] };
  },
});

export interface StepsRenumberParams {
  flowId: string;
  /** First number; default 1. */
  from?: number;
}

/** Numbers every row 1..n in order, in the SOP's style ("1" or "1."). */
export const stepsRenumber = defineCommand<StepsRenumberParams>({
  title: { id: 'Nomori ulang langkah', en: 'Renumber steps' },
  run(doc, { flowId, from = 1 }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const { flow, flowIndex } = found;
    if (!Number.isInteger(from) || from < 0) return refuse('steps.renumber-start', { id: 'Nomor awal tidak sah.', en: 'Invalid first number.' });
    const numbered = flow.steps.filter((s) => s.number !== undefined && s.number.trim() !== '');
    const dotted = numbered.filter((s) => s.number!.trim().endsWith('.')).length > numbered.length / 2;
    const changes: Change[] = [];
    const steps = flow.steps.map((step, i) => {
      const number = `${from + i}${dotted ? '.' : ''}`;
      if (step.number === number) return step;
      changes.push({ kind: 'step', id: step.id, flowId, change: 'updated' });
      return stepInSchemaOrder({ ...step, number });
    });
    return { doc: withFlow(doc, flowIndex, { ...flow, steps }), changes };
  },
});
