import type { Edge, Flow, Step } from '../../schemas/generated/sop.types';

/** Index of one flow's steps and edges, built once per validation or layout pass. */
export interface FlowGraph {
  flow: Flow;
  stepIndex: Map<string, number>;
  outgoing: Map<string, Edge[]>;
  incoming: Map<string, Edge[]>;
}

export function buildFlowGraph(flow: Flow): FlowGraph {
  const stepIndex = new Map<string, number>();
  const outgoing = new Map<string, Edge[]>();
  const incoming = new Map<string, Edge[]>();
  flow.steps.forEach((step, i) => {
    if (!stepIndex.has(step.id)) stepIndex.set(step.id, i);
    outgoing.set(step.id, []);
    incoming.set(step.id, []);
  });
  for (const edge of flow.edges) {
    outgoing.get(edge.from)?.push(edge);
    if (edge.to !== undefined) incoming.get(edge.to)?.push(edge);
  }
  return { flow, stepIndex, outgoing, incoming };
}

export function findStartSteps(flow: Flow): Step[] {
  return flow.steps.filter((s) => s.kind === 'start');
}

/** Ids of the steps reachable from `fromIds` following edges forward (iterative: flows may be long). */
export function reachableForward(graph: FlowGraph, fromIds: readonly string[]): Set<string> {
  return walk(fromIds, (id) => (graph.outgoing.get(id) ?? []).flatMap((e) => (e.to !== undefined && graph.stepIndex.has(e.to) ? [e.to] : [])));
}

/** Ids of the steps from which one of `toIds` can be reached. */
export function reachableBackward(graph: FlowGraph, toIds: readonly string[]): Set<string> {
  return walk(toIds, (id) => (graph.incoming.get(id) ?? []).flatMap((e) => (graph.stepIndex.has(e.from) ? [e.from] : [])));
}

function walk(seeds: readonly string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>(seeds);
  const stack = [...seeds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const n of next(id)) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}

/**
 * Steps where a path through the flow may stop: end steps, and steps with an
 * edge that leaves the SOP (the case goes on at another agency).
 */
export function terminalStepIds(graph: FlowGraph): string[] {
  return graph.flow.steps
    .filter((s) => s.kind === 'end' || (graph.outgoing.get(s.id) ?? []).some((e) => e.leaves !== undefined))
    .map((s) => s.id);
}
