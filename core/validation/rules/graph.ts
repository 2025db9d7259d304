import type { Edge, Flow, Step } from '../../../schemas/generated/sop.types';
import { exitsNeeded, type SymbolExits } from '../../notation';
import { flowNameInSentence } from '../../model/flowName';
import { buildFlowGraph, reachableBackward, reachableForward, terminalSteps, type FlowGraph } from '../../model/flowGraph';
import { pointerOf } from '../diagnostic';
import type { RuleContext } from '../ruleContext';
import { quote, stepName } from './naming';

export function checkFlowGraphs(ctx: RuleContext): void {
  const { doc } = ctx;
  if (doc.flows.length === 0) {
    if (doc.completeness?.status === 'incomplete') {
      ctx.report('sop.incomplete', '/completeness', {
        id: `Dokumen ditandai belum lengkap: ${doc.completeness.reason}`,
        en: `The document is marked incomplete: ${doc.completeness.reason}`,
      });
    } else {
      ctx.report('sop.no-flows', '/flows', {
        id: 'SOP belum punya bagan alir.',
        en: 'The SOP has no flowchart.',
      });
    }
    return;
  }
  doc.flows.forEach((flow, f) => checkFlow(ctx, flow, f));
}

function checkFlow(ctx: RuleContext, flow: Flow, f: number): void {
  if (flow.steps.length === 0) {
    ctx.report('flow.empty', pointerOf('flows', f, 'steps'), {
      id: `${flowNameInSentence(flow, f).id} belum punya langkah.`,
      en: `${flowNameInSentence(flow, f).en} has no steps.`,
    });
    return;
  }
  const graph = buildFlowGraph(flow);
  checkEdgeEndpoints(ctx, graph, f);
  checkExits(ctx, graph, f);
  const starts = checkStartCount(ctx, flow, f);
  checkReachability(ctx, graph, f, starts);
}

function checkEdgeEndpoints(ctx: RuleContext, graph: FlowGraph, f: number): void {
  const seenPairs = new Set<string>();
  graph.flow.edges.forEach((edge, e) => {
    for (const end of ['from', 'to'] as const) {
      const stepId = edge[end];
      if (stepId === undefined || graph.stepIndex.has(stepId)) continue;
      ctx.report('edge.missing-step', pointerOf('flows', f, 'edges', e, end), {
        id: end === 'from'
          ? `Panah ${quote(edge.id)} berangkat dari langkah ${quote(stepId)} yang tidak ada di alur ini.`
          : `Panah ${quote(edge.id)} menuju langkah ${quote(stepId)} yang tidak ada di alur ini.`,
        en: end === 'from'
          ? `Edge ${quote(edge.id)} starts at step ${quote(stepId)}, which is not in this flow.`
          : `Edge ${quote(edge.id)} points to step ${quote(stepId)}, which is not in this flow.`,
      }, { edge: edge.id, step: stepId });
    }
    // Two arrows whose targets nobody can read are not known to be the same arrow.
    if (edge.targetUnknown) return;
    const pair = `${edge.from}\u0000${edge.to ?? '\u0001' + edge.leaves?.target}`;
    if (seenPairs.has(pair)) {
      ctx.report('edge.duplicate', pointerOf('flows', f, 'edges', e), {
        id: `Panah ${quote(edge.id)} menggandakan panah lain dengan asal dan tujuan yang sama.`,
        en: `Edge ${quote(edge.id)} duplicates another edge with the same source and target.`,
      });
    }
    seenPairs.add(pair);
  });
}

/** Whether a step's arrows out fit what the step-kind registry says its kind needs. */
function fitsExits(count: number, needed: SymbolExits): boolean {
  return count >= needed.minOut && (needed.maxOut === null || count <= needed.maxOut);
}

// The counts come from the step-kind registry (core/notation: `exits`), the one
// place that says which arrows each kind needs; the rules here only say so.
function checkExits(ctx: RuleContext, graph: FlowGraph, f: number): void {
  graph.flow.steps.forEach((step, s) => {
    const exits = graph.outgoing[s]!;
    const needed = exitsNeeded(step);
    const at = `/flows/${f}/steps/${s}`;
    if (!fitsExits(exits.length, needed)) {
      if (step.kind === 'decision') {
        ctx.report('decision.exit-count', at, {
          id: `Keputusan ${stepName(step)} punya ${exits.length} panah keluar; perlu paling sedikit ${countWord(needed.minOut, 'id')} (misalnya Ya dan Tidak).`,
          en: `Decision ${stepName(step)} has ${exits.length} outgoing edge(s); it needs at least ${countWord(needed.minOut, 'en')} (for example Ya and Tidak).`,
        }, { count: exits.length });
      } else if (needed.maxOut === 0) {
        ctx.report('end.has-exits', at, {
          id: `Langkah akhir ${stepName(step)} punya panah keluar.`,
          en: `End step ${stepName(step)} has outgoing edges.`,
        }, { count: exits.length });
      } else {
        const exactly = needed.minOut === needed.maxOut;
        ctx.report('step.exit-count', at, {
          id: `Langkah ${stepName(step)} punya ${exits.length} panah keluar; langkah ${kindName(step.kind, 'id')} harus punya ${exactly ? 'tepat' : 'paling sedikit'} ${countWord(needed.minOut, 'id')}.`,
          en: `Step ${stepName(step)} has ${exits.length} outgoing edges; a ${kindName(step.kind, 'en')} step needs ${exactly ? 'exactly' : 'at least'} ${countWord(needed.minOut, 'en')}.`,
        }, { count: exits.length });
      }
    }
    if (needed.labelled) checkBranchLabels(ctx, graph, f, step, exits);
  });
}

function checkBranchLabels(ctx: RuleContext, graph: FlowGraph, f: number, step: Step, exits: readonly Edge[]): void {
  const labels = new Set<string>();
  for (const edge of exits) {
    // An illegible label is reported as such (edge.label-unknown), not as a missing one.
    if (edge.labelUnknown) continue;
    const label = edge.label?.trim() ?? '';
    const edgeAt = `/flows/${f}/edges/${graph.flow.edges.indexOf(edge)}`;
    if (label === '') {
      ctx.report('decision.label-missing', edgeAt + '/label', {
        id: `Panah keluar dari keputusan ${stepName(step)} belum diberi label (Ya/Tidak).`,
        en: `An edge out of decision ${stepName(step)} has no label (Ya/Tidak).`,
      }, { edge: edge.id });
    } else if (labels.has(label.toLocaleLowerCase('id'))) {
      ctx.report('decision.label-duplicate', edgeAt + '/label', {
        id: `Keputusan ${stepName(step)} punya dua panah berlabel ${quote(label)}.`,
        en: `Decision ${stepName(step)} has two edges labelled ${quote(label)}.`,
      }, { edge: edge.id, label });
    }
    labels.add(label.toLocaleLowerCase('id'));
  }
}

/** A small count in words, as the messages say it ("tepat satu", "paling sedikit dua"). */
function countWord(n: number, lang: 'id' | 'en'): string {
  const words: Record<number, [string, string]> = { 1: ['satu', 'one'], 2: ['dua', 'two'] };
  return words[n]?.[lang === 'id' ? 0 : 1] ?? String(n);
}

function kindName(kind: string, lang: 'id' | 'en'): string {
  const names: Record<string, [string, string]> = {
    start: ['mulai', 'start'],
    process: ['proses', 'process'],
    connector: ['penghubung', 'connector'],
  };
  return names[kind]?.[lang === 'id' ? 0 : 1] ?? kind;
}

function checkStartCount(ctx: RuleContext, flow: Flow, f: number): number[] {
  const starts: number[] = [];
  flow.steps.forEach((step, s) => {
    if (step.kind !== 'start') return;
    starts.push(s);
    if (starts.length > 1) {
      ctx.report('flow.start-count', pointerOf('flows', f, 'steps', s, 'kind'), {
        id: `Langkah ${stepName(step)} adalah langkah mulai kedua; satu alur hanya punya satu langkah mulai.`,
        en: `Step ${stepName(step)} is a second start step; a flow has exactly one start.`,
      }, { starts: starts.length });
    }
  });
  if (starts.length === 0) {
    ctx.report('flow.start-count', pointerOf('flows', f, 'steps'), {
      id: `${flowNameInSentence(flow, f).id} tidak punya langkah mulai.`,
      en: `${flowNameInSentence(flow, f).en} has no start step.`,
    }, { starts: 0 });
  }
  return starts;
}

function checkReachability(ctx: RuleContext, graph: FlowGraph, f: number, starts: number[]): void {
  const { flow } = graph;
  // Without one start, "unreachable" would flag every step; the start-count diagnostic says it better.
  if (starts.length === 1) {
    const reached = reachableForward(graph, starts);
    flow.steps.forEach((step, s) => {
      if (reached[s]) return;
      ctx.report('step.unreachable', pointerOf('flows', f, 'steps', s), {
        id: `Langkah ${stepName(step)} tidak dapat dicapai dari langkah mulai.`,
        en: `Step ${stepName(step)} cannot be reached from the start.`,
      });
    });
  }
  const terminals = terminalSteps(graph);
  if (terminals.length === 0) {
    ctx.report('flow.no-end', pointerOf('flows', f, 'steps'), {
      id: `${flowNameInSentence(flow, f).id} tidak punya langkah akhir.`,
      en: `${flowNameInSentence(flow, f).en} has no end step.`,
    });
    return;
  }
  const canFinish = reachableBackward(graph, terminals);
  flow.steps.forEach((step, s) => {
    if (canFinish[s]) return;
    ctx.report('step.no-path-to-end', pointerOf('flows', f, 'steps', s), {
      id: `Dari langkah ${stepName(step)} tidak ada jalan menuju langkah akhir.`,
      en: `No path leads from step ${stepName(step)} to an end.`,
    });
  });
}
