import type { Edge, Flow, Step } from '../../schemas/generated/sop.types';

/**
 * Index of one flow's steps and edges, built once per validation or layout
 * pass. Adjacency is by step index, in plain arrays: validation runs on every
 * edit, on flows of hundreds of steps.
 */
export interface FlowGraph {
  flow: Flow;
  stepIndex: Map<string, number>;
  /** Edges out of / into the step at each index (edges naming a missing step are left out). */
  outgoing: Edge[][];
  incoming: Edge[][];
  /** Step indices reachable in one hop, forward and backward. */
  successors: number[][];
  predecessors: number[][];
}

export function buildFlowGraph(flow: Flow): FlowGraph {
  const stepIndex = new Map<string, number>();
  flow.steps.forEach((step, i) => {
    if (!stepIndex.has(step.id)) stepIndex.set(step.id, i);
  });
  const outgoing: Edge[][] = flow.steps.map(() => []);
  const incoming: Edge[][] = flow.steps.map(() => []);
  const successors: number[][] = flow.steps.map(() => []);
  const predecessors: number[][] = flow.steps.map(() => []);
  for (const edge of flow.edges) {
    const from = stepIndex.get(edge.from);
    const to = edge.to === undefined ? undefined : stepIndex.get(edge.to);
    if (from !== undefined) outgoing[from]!.push(edge);
    if (to !== undefined) incoming[to]!.push(edge);
    if (from !== undefined && to !== undefined) {
      successors[from]!.push(to);
      predecessors[to]!.push(from);
    }
  }
  return { flow, stepIndex, outgoing, incoming, successors, predecessors };
}

export function outgoingEdges(graph: FlowGraph, stepId: string): Edge[] {
  const index = graph.stepIndex.get(stepId);
  return index === undefined ? [] : graph.outgoing[index]!;
}

export function findStartSteps(flow: Flow): Step[] {
  return flow.steps.filter((s) => s.kind === 'start');
}

/** Indices of the steps reachable from `from` following edges forward. */
export function reachableForward(graph: FlowGraph, from: readonly number[]): Uint8Array {
  return walk(graph.flow.steps.length, from, graph.successors);
}

/** Indices of the steps from which one of `to` can be reached. */
export function reachableBackward(graph: FlowGraph, to: readonly number[]): Uint8Array {
  return walk(graph.flow.steps.length, to, graph.predecessors);
}

// Iterative: a recursive walk would overflow the stack on long flows.
function walk(size: number, seeds: readonly number[], next: number[][]): Uint8Array {
  const seen = new Uint8Array(size);
  const stack: number[] = [];
  for (const seed of seeds) {
    if (!seen[seed]) {
      seen[seed] = 1;
      stack.push(seed);
    }
  }
  while (stack.length > 0) {
    for (const n of next[stack.pop()!]!) {
      if (!seen[n]) {
        seen[n] = 1;
        stack.push(n);
      }
    }
  }
  return seen;
}

/**
 * Indices of the steps where a path through the flow may stop: end steps,
 * steps with an edge that leaves the SOP (the case goes on at another agency),
 * and steps with an edge whose target the source does not show: where that
 * path goes is unknown, so it is not called a dead end (edge.target-unknown
 * reports it instead).
 */
export function terminalSteps(graph: FlowGraph): number[] {
  const terminals: number[] = [];
  graph.flow.steps.forEach((step, i) => {
    if (step.kind === 'end' || graph.outgoing[i]!.some((e) => e.leaves !== undefined || e.targetUnknown === true)) terminals.push(i);
  });
  return terminals;
}
