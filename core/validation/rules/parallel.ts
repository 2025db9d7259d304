import type { Step } from '../../../schemas/generated/sop.types';
import { buildFlowGraph, reachableForward, type FlowGraph } from '../../model/flowGraph';
import { pointerOf } from '../diagnostic';
import type { RuleContext } from '../ruleContext';
import { stepName } from './naming';

/**
 * Parallel split and join (BPMN parallel gateways drawn the Permenpan way: one
 * symbol with an arrow into each lane, and a step that waits for all of them).
 * A "split" into one lane is a chain of boxes that claims to be parallel, and a
 * join no split feeds would wait forever: both are errors.
 */
export function checkParallelRegions(ctx: RuleContext): void {
  ctx.doc.flows.forEach((flow, f) => {
    if (!flow.steps.some((s) => s.split !== undefined || s.join !== undefined)) return;
    const graph = buildFlowGraph(flow);
    const splits: number[] = [];
    flow.steps.forEach((step, s) => {
      if (step.split !== 'parallel') return;
      splits.push(s);
      const lanes = destinationsOf(graph, s);
      if (lanes >= 2) return;
      ctx.report('split.fan-out', pointerOf('flows', f, 'steps', s), {
        id: `Langkah ${stepName(step)} bercabang paralel, tetapi panahnya menuju ${lanes} lajur; percabangan paralel perlu panah ke paling sedikit dua lajur berbeda.`,
        en: `Step ${stepName(step)} is a parallel split, but its arrows go into ${lanes} lane(s); a parallel split needs arrows into at least two different lanes.`,
      }, { lanes });
    });
    flow.steps.forEach((step, j) => {
      if (step.join !== 'all' || joinedFromOneSplit(graph, splits, j)) return;
      ctx.report('join.without-split', pointerOf('flows', f, 'steps', j), {
        id: `Langkah ${stepName(step)} menunggu semua jalur, tetapi tidak ada dua jalur masuk dari satu percabangan paralel; langkah ini akan menunggu selamanya.`,
        en: `Step ${stepName(step)} waits for all paths, but no two incoming paths come from one parallel split; it would wait forever.`,
      });
    });
  });
}

/** How many different lanes (or places outside the SOP) the step's arrows go into. */
function destinationsOf(graph: FlowGraph, s: number): number {
  const places = new Set<string>();
  for (const edge of graph.outgoing[s]!) {
    if (edge.leaves) places.add(`leaves\u0000${edge.leaves.target}`);
    else if (edge.targetUnknown) places.add(`unknown\u0000${edge.id}`); // could be any lane; publish refuses it anyway
    else if (edge.to !== undefined) {
      const target = graph.stepIndex.get(edge.to);
      places.add(target === undefined ? `missing\u0000${edge.to}` : laneOf(graph.flow.steps[target]!));
    }
  }
  return places.size;
}

function laneOf(step: Step): string {
  const actor = step.actors[0]?.actor;
  return actor === undefined ? `step\u0000${step.id}` : `lane\u0000${actor}`;
}

/** Whether at least two of the join's incoming arrows come from paths that start at one split. */
function joinedFromOneSplit(graph: FlowGraph, splits: readonly number[], j: number): boolean {
  const incoming = graph.incoming[j]!;
  if (incoming.length < 2) return false;
  return splits.some((s) => {
    const reached = reachableForward(graph, [s]);
    return incoming.filter((edge) => {
      const from = graph.stepIndex.get(edge.from);
      return from !== undefined && reached[from] === 1;
    }).length >= 2;
  });
}
