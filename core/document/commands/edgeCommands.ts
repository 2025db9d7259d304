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

function connectTarget(to: string | undefined, leaves: string | undefined, targetUnknown?: boolean): ConnectTarget | undefined {
  if (to !== undefined) return to;
  if (leaves !== undefined) return { leaves };
  return targetUnknown ? { unknown: true } : undefined;
}

function asEdgeTarget(target: ConnectTarget): EdgeTarget {
  return typeof target === 'string' ? { to: target } : 'leaves' in target ? { leaves: target.leaves } : { unknown: true };
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
  /**
   * New target step, `leaves` for out of the SOP, or `targetUnknown` when the
   * source does not show it legibly; all absent keep the target. The edge ends
   * up with exactly one of them (retarget drops the others).
   */
  to?: string;
  leaves?: string;
  targetUnknown?: true;
}

export const edgeReconnect = defineCommand<EdgeReconnectParams>({
  title: { id: 'Sambungkan ulang panah', en: 'Reconnect arrow' },
  run(doc, { flowId, edgeId, from, to, leaves, targetUnknown }) {
    const target = connectTarget(to, leaves, targetUnknown);
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

/** How the source shows an arrow's label: legibly, as the drafter's inference, or not legibly at all. */
export type LabelReading = 'read' | 'inferred' | 'illegible';

export interface EdgeUpdateParams {
  flowId: string;
  edgeId: string;
  changes: {
    /** Exclusive by construction: an illegible label is not also inferred. */
    labelReading?: LabelReading;
    /** The target is the drafter's inference; refused on an arrow whose target is illegible. */
    targetInferred?: boolean;
  };
}

/** Marks what the source does not show legibly about an arrow (schema v2 `labelUnknown`, `inferred`). */
export const edgeUpdate = defineCommand<EdgeUpdateParams>({
  title: { id: 'Tandai keterbacaan panah', en: 'Mark how the arrow reads' },
  run(doc, { flowId, edgeId, changes }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const index = found.flow.edges.findIndex((e) => e.id === edgeId);
    if (index < 0) return edgeNotFound(edgeId);
    const edge = found.flow.edges[index]!;
    if (changes.targetInferred && edge.targetUnknown) {
      return refuse('edge.inferred-unknown-target', {
        id: 'Tujuan yang tidak terbaca tidak bisa sekaligus disimpulkan: pilih dulu langkah tujuannya.',
        en: 'An illegible target cannot also be inferred: choose the target step first.',
      });
    }
    const reading = changes.labelReading ?? (edge.labelUnknown ? 'illegible' : edge.inferred?.includes('label') ? 'inferred' : 'read');
    const targetInferred = changes.targetInferred ?? edge.inferred?.includes('target') ?? false;
    const inferred: InferredPart[] = [...(reading === 'inferred' ? ['label' as const] : []), ...(targetInferred ? ['target' as const] : [])];
    const next = retarget(withChanges(edge, { labelUnknown: reading === 'illegible' ? true : undefined, inferred: inferred.length > 0 ? inferred : undefined }), targetOf(edge));
    const edges = found.flow.edges.slice();
    edges[index] = next;
    return { doc: withFlow(doc, found.flowIndex, { ...found.flow, edges }), changes: [{ kind: 'edge', id: edgeId, flowId, change: 'updated' }] };
  },
});

type InferredPart = NonNullable<Edge['inferred']>[number];
