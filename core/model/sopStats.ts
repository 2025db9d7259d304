import type { SopDocument } from '../../schemas/generated/sop.types';
import { compareStatedTotal, computeFlowTotal, parseStatedTotal, type WaktuTotal } from '../waktu';

export interface FlowStats {
  id: string;
  title?: string;
  steps: number;
  lanes: number;
  decisions: number;
  total: WaktuTotal;
  statedTotal: string | null;
  /** null when the flow states no total; false when it states one that is unreadable or differs. */
  statedTotalMatches: boolean | null;
}

export interface SopStats {
  id: string;
  title: string;
  flows: FlowStats[];
}

export function computeSopStats(doc: SopDocument): SopStats {
  return {
    id: doc.id,
    title: doc.identity.title ?? '',
    flows: doc.flows.map((flow) => {
      const total = computeFlowTotal(flow);
      const statedRaw = flow.statedTotal?.raw ?? null;
      const stated = statedRaw === null ? null : parseStatedTotal(statedRaw);
      return {
        id: flow.id,
        ...(flow.title !== undefined ? { title: flow.title } : {}),
        steps: flow.steps.length,
        lanes: flow.lanes.length,
        decisions: flow.steps.filter((s) => s.kind === 'decision').length,
        total,
        statedTotal: statedRaw,
        statedTotalMatches: statedRaw === null ? null : stated !== null && compareStatedTotal(stated, total).matches,
      };
    }),
  };
}
