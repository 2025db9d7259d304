/**
 * Total time of one flowchart, per path: the shortest and the longest way from
 * the start to an end, for each unit family independently.
 *
 * Loops (a "Tidak" branch back to an earlier step) are cut at their back-edge
 * so a repeated step counts once; the remaining graph is a DAG, summed by
 * dynamic programming in DFS post-order, O(steps + edges), without enumerating
 * paths (their number grows exponentially with the decisions).
 */
import type { Flow, ParsedWaktu } from '../../schemas/generated/sop.types';
import { WAKTU_FAMILIES, cleanFloat } from './families';
import { parseWaktu } from './parse';
import { addWaktu, countersAfter, emptyTotal, familyContribution, type WaktuTotal } from './total';

const UNVISITED = 0;
const ON_STACK = 1;
const DONE = 2;

export function computeFlowTotal(flow: Flow, parse: (raw: string) => ParsedWaktu = parseWaktu): WaktuTotal {
  const steps = flow.steps;
  if (steps.length === 0) return emptyTotal();
  // The stored `parsed` may be stale; the raw text is the truth.
  const parsed = steps.map((step) => parse(step.waktu?.raw ?? ''));
  if (flow.edges.length === 0) return parsed.reduce(addWaktu, emptyTotal());

  const graph = buildGraph(flow);
  const startIndex = Math.max(0, steps.findIndex((step) => step.kind === 'start'));
  const { postOrder, dagSuccessors } = cutBackEdges(graph.successors, startIndex);

  // best[node * SLOTS + 2f] / [+ 2f + 1]: the least / most of family f from node to a stop.
  // Flat typed arrays: this runs on every keystroke in the designer, for flows of hundreds of steps.
  const best = new Float64Array(steps.length * SLOTS);
  for (const node of postOrder) {
    const mayStop = graph.mayStop[node]! || dagSuccessors[node]!.length === 0;
    const own = familyContribution(parsed[node]!);
    const base = node * SLOTS;
    WAKTU_FAMILIES.forEach((family, f) => {
      let min = mayStop ? 0 : Infinity;
      let max = 0;
      for (const next of dagSuccessors[node]!) {
        const nextMin = best[next * SLOTS + 2 * f]!;
        const nextMax = best[next * SLOTS + 2 * f + 1]!;
        if (nextMin < min) min = nextMin;
        if (nextMax > max) max = nextMax;
      }
      best[base + 2 * f] = own[family].min + min;
      best[base + 2 * f + 1] = own[family].max + max;
    });
  }

  let counters = emptyTotal();
  for (const node of postOrder) counters = { ...counters, ...countersAfter(counters, parsed[node]!) };
  const total: WaktuTotal = { ...counters };
  WAKTU_FAMILIES.forEach((family, f) => {
    total[family] = {
      min: cleanFloat(best[startIndex * SLOTS + 2 * f]!),
      max: cleanFloat(best[startIndex * SLOTS + 2 * f + 1]!),
    };
  });
  return total;
}

const SLOTS = 2 * WAKTU_FAMILIES.length;

interface StepGraph {
  successors: number[][];
  /** A path may end at this step: an end step, or an arrow that leaves the flow. */
  mayStop: boolean[];
}

function buildGraph(flow: Flow): StepGraph {
  const indexById = new Map<string, number>();
  flow.steps.forEach((step, i) => {
    if (!indexById.has(step.id)) indexById.set(step.id, i);
  });
  const successors: number[][] = flow.steps.map(() => []);
  const mayStop = flow.steps.map((step) => step.kind === 'end');
  for (const edge of flow.edges) {
    const from = indexById.get(edge.from);
    if (from === undefined || flow.steps[from]!.kind === 'end') continue;
    // An arrow leaving the SOP ends the path there. One pointing at no step of
    // this flow is a mistake the validator reports; it is not a way out.
    if (edge.leaves) mayStop[from] = true;
    else if (edge.to !== undefined && indexById.has(edge.to)) successors[from]!.push(indexById.get(edge.to)!);
  }
  return { successors, mayStop };
}

/** Iterative DFS (5000 steps would be a deep recursion): drops edges into the current DFS stack. */
function cutBackEdges(successors: number[][], start: number): { postOrder: number[]; dagSuccessors: number[][] } {
  const state = new Uint8Array(successors.length);
  const dagSuccessors: number[][] = successors.map(() => []);
  const postOrder: number[] = [];
  const stack: { node: number; next: number }[] = [{ node: start, next: 0 }];
  state[start] = ON_STACK;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const out = successors[frame.node]!;
    if (frame.next === out.length) {
      state[frame.node] = DONE;
      postOrder.push(frame.node);
      stack.pop();
      continue;
    }
    const next = out[frame.next++]!;
    if (state[next] === ON_STACK) continue;
    dagSuccessors[frame.node]!.push(next);
    if (state[next] === UNVISITED) {
      state[next] = ON_STACK;
      stack.push({ node: next, next: 0 });
    }
  }
  return { postOrder, dagSuccessors };
}
