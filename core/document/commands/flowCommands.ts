/** Commands on whole flowcharts (the tabs of an SOP). */
import type { Flow, Step } from '../../../schemas/generated/sop.types';
import { IdAllocator } from '../ids';
import { insertAt, moveItem, removeAt, withChanges, withFlow } from '../immutable';
import { canRemoveFlow, findFlow } from '../rules';
import { refuse, type Change } from '../types';
import { defineCommand } from './define';

export interface FlowAddParams {
  title?: string;
  /** Position among the flows; default: last. */
  index?: number;
  /** Lanes (existing actor ids), left to right. */
  lanes?: string[];
}

/**
 * A new flow is never empty (validation: flow.empty): it starts as
 * "Mulai" → "Selesai" in the first lane, ready for steps in between.
 */
export const flowAdd = defineCommand<FlowAddParams>({
  title: { id: 'Tambah bagan alir', en: 'Add flowchart' },
  run(doc, { title, index, lanes = [] }) {
    const unknown = lanes.find((id) => !doc.actors.some((a) => a.id === id));
    if (unknown !== undefined) {
      return refuse('lane.unknown-actor', { id: `Pelaksana ${JSON.stringify(unknown)} tidak terdaftar.`, en: `Actor ${JSON.stringify(unknown)} is not declared.` });
    }
    const ids = new IdAllocator(doc);
    const flowId = ids.next('flow');
    const actors = lanes.length > 0 ? [{ actor: lanes[0]!, role: 'performs' as const }] : [];
    const start: Step = { id: ids.next('s'), number: '1', kind: 'start', text: 'Mulai', actors };
    const end: Step = { id: ids.next('s'), number: '2', kind: 'end', outcome: 'selesai', text: 'Selesai', actors };
    const flow: Flow = {
      id: flowId,
      ...(title !== undefined && title !== '' ? { title } : {}),
      lanes: [...new Set(lanes)],
      steps: [start, end],
      edges: [{ id: ids.next('e'), from: start.id, to: end.id }],
    };
    const at = clampIndex(index ?? doc.flows.length, doc.flows.length);
    return {
      doc: { ...doc, flows: insertAt(doc.flows, at, flow) },
      changes: [{ kind: 'flow', id: flowId, flowId, change: 'added' }],
      select: [{ kind: 'flow', id: flowId, flowId }],
    };
  },
});

export interface FlowRenameParams {
  flowId: string;
  /** The heading above the table; '' removes it. */
  title: string;
}

export const flowRename = defineCommand<FlowRenameParams>({
  title: { id: 'Ubah judul bagan alir', en: 'Rename flowchart' },
  run(doc, { flowId, title }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const flow = withChanges(found.flow, { title: title === '' ? undefined : title });
    return { doc: withFlow(doc, found.flowIndex, flow), changes: [{ kind: 'flow', id: flowId, flowId, change: 'updated' }] };
  },
  coalesceKey: ({ flowId }) => `flow.rename:${flowId}`,
});

export interface FlowRemoveParams {
  flowId: string;
}

/** Case fields collected at one of its steps stay, collected at no particular step. */
export const flowRemove = defineCommand<FlowRemoveParams>({
  title: { id: 'Hapus bagan alir', en: 'Remove flowchart' },
  run(doc, { flowId }) {
    const allowed = canRemoveFlow(doc, flowId);
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, flowId) as { flow: Flow; flowIndex: number };
    const stepIds = new Set(flow.steps.map((s) => s.id));
    const changes: Change[] = [{ kind: 'flow', id: flowId, flowId, change: 'removed' }];
    const caseFields = doc.caseFields?.map((field) => {
      if (field.step === undefined || !stepIds.has(field.step)) return field;
      changes.push({ kind: 'caseField', id: field.id, change: 'updated' });
      return withChanges(field, { step: undefined });
    });
    return { doc: withChanges({ ...doc, flows: removeAt(doc.flows, flowIndex) }, { caseFields }), changes };
  },
});

export interface FlowReorderParams {
  flowId: string;
  toIndex: number;
}

export const flowReorder = defineCommand<FlowReorderParams>({
  title: { id: 'Pindahkan bagan alir', en: 'Move flowchart' },
  run(doc, { flowId, toIndex }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const to = clampIndex(toIndex, doc.flows.length - 1);
    return {
      doc: { ...doc, flows: moveItem(doc.flows, found.flowIndex, to) },
      changes: [{ kind: 'flow', id: flowId, flowId, change: 'updated' }],
    };
  },
});

export function clampIndex(index: number, max: number): number {
  return Math.max(0, Math.min(max, Math.trunc(Number.isFinite(index) ? index : max)));
}
