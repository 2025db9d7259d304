/** Commands on arrows. */
import type { Edge, Flow } from '../../../schemas/generated/sop.types';
import { freeBranchLabel } from '../edgeShaping';
import { IdAllocator } from '../ids';
import { edgesOut, retarget, targetOf, withChanges, withFlow, type EdgeTarget } from '../immutable';
import { canConnect, canReconnect, canSetEdgeLabel, edgeNotFound, findFlow, type ConnectTarget } from '../rules';
import { refuse } from '../types';
import { defineCommand } from './define';

export interface EdgeAddParams {
  flowId: string;
  from: string;
  /** A step of the flow; or `leaves` for an arrow out of the SOP ("to BPJS"). */
  to?: string;
  leaves?: string;
  /** Default for an arrow out of a decision: the first of Ya/Tidak not yet used. */
  label?: string;
}

function connectTarget(to: string | undefined, leaves: string | undefined): ConnectTarget | undefined {
  if (to !== undefined) return to;
  return leaves !== undefined ? { leaves } : undefined;
}

function asEdgeTarget(target: ConnectTarget): EdgeTarget {
  return typeof target === 'string' ? { to: target } : { leaves: target.leaves };
}

export const edgeAdd = defineCommand<EdgeAddParams>({
  title: { id: 'Tambah panah', en: 'Add arrow' },
  run(doc, { flowId, from, to, leaves, label }) {
    const target = connectTarget(to, leaves);
    if (target === undefined) return refuse('edge.target-required', { id: 'Panah perlu tujuan.', en: 'An arrow needs a target.' });
    const allowed = canConnect(doc, flowId, from, target);
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, flowId) as { flow: Flow; flowIndex: number };
    const source = flow.steps.find((s) => s.id === from)!;
    const chosen = label ?? (source.kind === 'decision' ? freeBranchLabel(edgesOut(flow, from)) : '');
    const edge = retarget({ id: new IdAllocator(doc).next('e'), from, ...(chosen !== '' ? { label: chosen } : {}) }, asEdgeTarget(target));
    return {
      doc: withFlow(doc, flowIndex, { ...flow, edges: [...flow.edges, edge] }),
      changes: [{ kind: 'edge', id: edge.id, flowId, change: 'added' }],
      select: [{ kind: 'edge', id: edge.id, flowId }],
    };
  },
});

export interface EdgeReconnectParams {
  flowId: string;
  edgeId: string;
  /** New source step; absent keeps it. */
  from?: string;
  /** New target step, or `leaves` for out of the SOP; both absent keep the target. */
  to?: string;
  leaves?: string;
}

export const edgeReconnect = defineCommand<EdgeReconnectParams>({
  title: { id: 'Sambungkan ulang panah', en: 'Reconnect arrow' },
  run(doc, { flowId, edgeId, from, to, leaves }) {
    const target = connectTarget(to, leaves);
    const allowed = canReconnect(doc, flowId, edgeId, { ...(from !== undefined ? { from } : {}), ...(target !== undefined ? { to: target } : {}) });
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, flowId) as { flow: Flow; flowIndex: number };
    const index = flow.edges.findIndex((e) => e.id === edgeId);
    const edge = flow.edges[index]!;
    let next: Edge = from === undefined ? edge : { ...edge, from };
    if (from !== undefined && from !== edge.from && !next.label) {
      // A decision's exits need labels: an unlabelled arrow moved onto one gets the next free label.
      const source = flow.steps.find((s) => s.id === from)!;
      const label = source.kind === 'decision' ? freeBranchLabel(edgesOut(flow, from)) : '';
      if (label) next = { ...next, label };
    }
    next = retarget(next, target === undefined ? targetOf(next) : asEdgeTarget(target));
    const edges = flow.edges.slice();
    edges[index] = next;
    return {
      doc: withFlow(doc, flowIndex, { ...flow, edges }),
      changes: [{ kind: 'edge', id: edgeId, flowId, change: 'updated' }],
      select: [{ kind: 'edge', id: edgeId, flowId }],
    };
  },
});

export interface EdgeSetLabelParams {
  flowId: string;
  edgeId: string;
  /** "Ya", "Tidak", "Layak"...; '' or null removes the label. */
  label: string | null;
}

export const edgeSetLabel = defineCommand<EdgeSetLabelParams>({
  title: { id: 'Ubah label panah', en: 'Edit arrow label' },
  run(doc, { flowId, edgeId, label }) {
    const allowed = canSetEdgeLabel(doc, flowId, edgeId, label ?? '');
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, flowId) as { flow: Flow; flowIndex: number };
    const edges = flow.edges.map((e) => (e.id === edgeId ? withChanges(e, { label: label === null || label === '' ? undefined : label }) : e));
    return { doc: withFlow(doc, flowIndex, { ...flow, edges }), changes: [{ kind: 'edge', id: edgeId, flowId, change: 'updated' }] };
  },
  coalesceKey: ({ flowId, edgeId }) => `edge.setLabel:${flowId}:${edgeId}`,
});

export interface EdgeRemoveParams {
  flowId: string;
  edgeId: string;
}

export const edgeRemove = defineCommand<EdgeRemoveParams>({
  title: { id: 'Hapus panah', en: 'Remove arrow' },
  run(doc, { flowId, edgeId }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    if (!found.flow.edges.some((e) => e.id === edgeId)) return edgeNotFound(edgeId);
    const edges = found.flow.edges.filter((e) => e.id !== edgeId);
    return { doc: withFlow(doc, found.flowIndex, { ...found.flow, edges }), changes: [{ kind: 'edge', id: edgeId, flowId, change: 'removed' }] };
  },
});
