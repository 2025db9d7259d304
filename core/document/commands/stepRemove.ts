/**
 * Removing steps, with the repair of everything that pointed at them: arrows,
 * phase headings and case fields. The user is told what was repaired.
 */
import type { Edge, Flow, SopDocument } from '../../../schemas/generated/sop.types';
import { stepName } from '../../validation/rules/naming';
import { describeEdge } from '../edgeShaping';
import { edgesIn, edgesOut, retarget, rewriteEdges, targetOf, withChanges, withFlow } from '../immutable';
import { findFlow, findStep } from '../rules';
import type { Change, LocalizedText } from '../types';
import { defineCommand, type Applied } from './define';

export interface StepRemoveParams {
  flowId: string;
  stepId: string;
}

export const stepRemove = defineCommand<StepRemoveParams>({
  title: { id: 'Hapus langkah', en: 'Remove step' },
  run(doc, { flowId, stepId }) {
    return removeSteps(doc, flowId, [stepId]);
  },
});

export interface StepsRemoveParams {
  flowId: string;
  stepIds: string[];
}

/** Several steps at once (a selection, or a cut), as one undo step. */
export const stepsRemove = defineCommand<StepsRemoveParams>({
  title: { id: 'Hapus langkah', en: 'Remove steps' },
  run(doc, { flowId, stepIds }) {
    return removeSteps(doc, flowId, stepIds);
  },
});

interface RepairLog {
  removedSteps: string[];
  reconnected: [Edge, Edge][];
  removedEdges: Edge[];
  /** Arrows from remaining steps that could not be reconnected: the user must know. */
  droppedIncoming: Edge[];
  sections: { id: string[]; en: string[] };
  fields: string[];
}

function removeSteps(doc: SopDocument, flowId: string, stepIds: readonly string[]) {
  const found = findFlow(doc, flowId);
  if ('ok' in found) return found;
  for (const id of stepIds) {
    const located = findStep(found.flow, id);
    if ('ok' in located) return located;
  }
  const original = found.flow;
  const log: RepairLog = { removedSteps: [], reconnected: [], removedEdges: [], droppedIncoming: [], sections: { id: [], en: [] }, fields: [] };
  let flow = original;
  for (const id of new Set(stepIds)) flow = removeOne(flow, id, log);

  const removed = new Set(stepIds);
  const changes: Change[] = [...removed].map((id): Change => ({ kind: 'step', id, flowId, change: 'removed' }));
  // An edge redirected and later removed (two removed steps in a row) is reported once, as removed.
  const finalIds = new Set(flow.edges.map((e) => e.id));
  for (const [, after] of log.reconnected) if (finalIds.has(after.id)) changes.push({ kind: 'edge', id: after.id, flowId, change: 'updated' });
  for (const edge of log.removedEdges) changes.push({ kind: 'edge', id: edge.id, flowId, change: 'removed' });
  const caseFields = doc.caseFields?.map((field) => {
    if (field.step === undefined || !removed.has(field.step)) return field;
    log.fields.push(field.label);
    changes.push({ kind: 'caseField', id: field.id, change: 'updated' });
    return withChanges(field, { step: undefined });
  });
  const next = withChanges(withFlow(doc, found.flowIndex, flow), { caseFields });
  return { doc: next, changes, message: repairMessage(original, { ...log, keptStepIds: new Set(flow.steps.map((s) => s.id)) }, finalIds) } satisfies Applied;
}

/**
 * One step out. Its predecessors are reconnected to its successor when that
 * is unambiguous (the step had exactly one way on); otherwise the arrows into
 * it are removed, and validation shows what is left to connect.
 */
function removeOne(flow: Flow, stepId: string, log: RepairLog): Flow {
  const index = flow.steps.findIndex((s) => s.id === stepId);
  const step = flow.steps[index]!;
  log.removedSteps.push(stepName(step));
  const exits = edgesOut(flow, stepId);
  const onward = exits.length === 1 && exits[0]!.to !== stepId ? targetOf(exits[0]!) : undefined;
  const replaced = new Map<string, Edge | undefined>();
  for (const edge of exits) replaced.set(edge.id, undefined);
  for (const edge of edgesIn(flow, stepId)) {
    if (edge.from === stepId) continue;
    const source = flow.steps.find((s) => s.id === edge.from);
    const loopsBack = onward !== undefined && 'to' in onward && onward.to === edge.from;
    const alreadyThere = onward !== undefined && edgesOut(flow, edge.from).some(
      (e) => e.id !== edge.id && ('to' in onward ? e.to === onward.to : 'leaves' in onward ? e.leaves?.target === onward.leaves : false),
    );
    if (onward && !loopsBack && !(alreadyThere && source?.kind !== 'decision')) {
      const redirected = retarget(edge, onward);
      replaced.set(edge.id, redirected);
      log.reconnected.push([edge, redirected]);
    } else {
      replaced.set(edge.id, undefined);
      log.droppedIncoming.push(edge);
    }
  }
  for (const [id, edge] of replaced) if (edge === undefined) log.removedEdges.push(flow.edges.find((e) => e.id === id)!);

  const follower = flow.steps[index + 1];
  let sections = flow.sections;
  if (sections?.some((section) => section.beforeStep === stepId)) {
    // A phase heading moves down to the next row; on the last row it has nothing left to head.
    sections = sections.flatMap((section) => {
      if (section.beforeStep !== stepId) return [section];
      if (follower) return [{ ...section, beforeStep: follower.id }];
      log.sections.id.push(`bagian "${section.title}" dihapus`);
      log.sections.en.push(`section "${section.title}" removed`);
      return [];
    });
  }
  const steps = flow.steps.filter((s) => s.id !== stepId);
  return withChanges(rewriteEdges({ ...flow, steps }, replaced), { sections: sections?.length === 0 ? undefined : sections });
}

/** "Langkah 3 dihapus. Panah disambung ulang: 2 → 4. Panah dihapus: 5 → 3 (Tidak)." */
function repairMessage(original: Flow, log: RepairLog & { keptStepIds: Set<string> }, finalEdgeIds: Set<string>): LocalizedText {
  // Messages name steps as the user saw them before the removal.
  const describe = (edge: Edge, lang: 'id' | 'en') => describeEdge(original, edge, lang);
  // Two removed steps in a row redirect the same arrow twice: report where it ends up.
  const lastTarget = new Map<string, Edge>();
  for (const [, after] of log.reconnected) lastTarget.set(after.id, after);
  const reconnected = [...lastTarget.values()].filter((e) => finalEdgeIds.has(e.id));
  const id: string[] = [`Langkah ${log.removedSteps.join(', ')} dihapus.`];
  const en: string[] = [`Step${log.removedSteps.length > 1 ? 's' : ''} ${log.removedSteps.join(', ')} removed.`];
  if (reconnected.length > 0) {
    id.push(`Panah disambung ulang: ${reconnected.map((e) => describe(e, 'id')).join('; ')}.`);
    en.push(`Arrows reconnected: ${reconnected.map((e) => describe(e, 'en')).join('; ')}.`);
  }
  const removedStepIds = new Set(original.steps.filter((s) => !log.keptStepIds.has(s.id)).map((s) => s.id));
  const dropped = log.droppedIncoming.filter((e) => !removedStepIds.has(e.from));
  if (dropped.length > 0) {
    id.push(`Panah dihapus (tidak dapat disambung ulang): ${dropped.map((e) => describe(e, 'id')).join('; ')}.`);
    en.push(`Arrows removed (could not be reconnected): ${dropped.map((e) => describe(e, 'en')).join('; ')}.`);
  }
  if (log.sections.id.length > 0) {
    id.push(capitalize(log.sections.id.join('; ')) + '.');
    en.push(capitalize(log.sections.en.join('; ')) + '.');
  }
  if (log.fields.length > 0) {
    id.push(`Isian kasus tidak lagi terikat ke langkah: ${log.fields.join(', ')}.`);
    en.push(`Case fields no longer tied to a step: ${log.fields.join(', ')}.`);
  }
  return { id: id.join(' '), en: en.join(' ') };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
