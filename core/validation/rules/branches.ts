import type { Edge, Flow } from '../../../schemas/generated/sop.types';
import { pointerOf } from '../diagnostic';
import type { RuleContext } from '../ruleContext';
import { quote, stepName } from './naming';

/**
 * What the source does not show legibly: an arrow's target or label that
 * cannot be read, or that the drafter inferred. A transcription must be able
 * to keep them while it is a draft (inventing a label is worse); a clerk must
 * never run a branch nobody has confirmed, so publishing makes them errors
 * (ruleCatalogue: publishSeverity).
 */
export function checkUncertainBranches(ctx: RuleContext): void {
  ctx.doc.flows.forEach((flow, f) => {
    flow.edges.forEach((edge, e) => {
      const from = sourceName(flow, edge);
      if (edge.targetUnknown) {
        ctx.report('edge.target-unknown', pointerOf('flows', f, 'edges', e, 'targetUnknown'), {
          id: `Tujuan panah ${quote(edge.id)} dari langkah ${from} tidak terbaca di sumber; tetapkan tujuannya sebelum menerbitkan.`,
          en: `The target of edge ${quote(edge.id)} from step ${from} cannot be read in the source; settle it before publishing.`,
        }, { edge: edge.id });
      }
      if (edge.labelUnknown) {
        ctx.report('edge.label-unknown', pointerOf('flows', f, 'edges', e, 'labelUnknown'), {
          id: `Label panah ${quote(edge.id)} dari langkah ${from} tidak terbaca di sumber; tetapkan labelnya sebelum menerbitkan.`,
          en: `The label of edge ${quote(edge.id)} from step ${from} cannot be read in the source; settle it before publishing.`,
        }, { edge: edge.id });
      }
      const seen = new Set<string>();
      edge.inferred?.forEach((part, k) => {
        const at = pointerOf('flows', f, 'edges', e, 'inferred', k);
        if (seen.has(part)) {
          // The schema would say uniqueItems; the standalone validator cannot, so the rule does.
          ctx.report('edge.inferred-duplicate', at, {
            id: `Panah ${quote(edge.id)} menyebut ${quote(part)} dua kali sebagai bagian yang disimpulkan.`,
            en: `Edge ${quote(edge.id)} lists ${quote(part)} twice as inferred.`,
          }, { edge: edge.id, part });
          return;
        }
        seen.add(part);
        ctx.report('edge.inferred', at, part === 'label'
          ? {
              id: `Label panah ${quote(edge.id)} dari langkah ${from} disimpulkan penyusun, bukan dibaca dari sumber; pastikan sebelum menerbitkan.`,
              en: `The label of edge ${quote(edge.id)} from step ${from} was inferred by the drafter, not read in the source; confirm it before publishing.`,
            }
          : {
              id: `Tujuan panah ${quote(edge.id)} dari langkah ${from} disimpulkan penyusun, bukan dibaca dari sumber; pastikan sebelum menerbitkan.`,
              en: `The target of edge ${quote(edge.id)} from step ${from} was inferred by the drafter, not read in the source; confirm it before publishing.`,
            }, { edge: edge.id, part });
      });
    });
  });
}

function sourceName(flow: Flow, edge: Edge): string {
  const step = flow.steps.find((s) => s.id === edge.from);
  return step ? stepName(step) : quote(edge.from);
}
