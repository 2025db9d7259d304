/**
 * The swimlane layout of one flowchart, derived from the document alone:
 * a step's row is its position in the flow, its column is its actor's lane.
 * Shared by the designer's canvas and the print table, so screen and paper
 * agree. Pure: no DOM, no React; the same input always gives the same output.
 */
import type { Flow } from '../../schemas/generated/sop.types';
import { branchLabelText } from '../notation/presets';
import { assignChannels, type BackEdgeSpan } from './channels';
import { round } from './geometry';
import { labelMaxWidth, labelRoomBesideExit, longestLabelWord, measureLabel, placeLabels } from './labels';
import { planLanes } from './nodes';
import { resolveLayoutOptions, type ResolvedLayoutOptions } from './options';
import { routeEdges, type EdgeRequest } from './routing';
import {
  bandHeight,
  estimateSectionHeight,
  estimateStepHeight,
  minSectionHeight,
  minStepHeight,
  planBands,
} from './rows';
import { wrapText } from './textMetrics';
import type {
  LayoutBandRef,
  LayoutColumn,
  LayoutLane,
  LayoutNode,
  LayoutRow,
  LayoutSection,
  NodeKind,
  SwimlaneLayout,
  SwimlaneLayoutOptions,
} from './types';

/** Node ids: `<stepId>#<chain index>`; `#` cannot occur in a document id. */
export function nodeId(stepId: string, chainIndex: number): string {
  return `${stepId}#${chainIndex}`;
}

export function exitNodeId(edgeId: string): string {
  return `exit#${edgeId}`;
}

/** What the layout decides before it draws a row: the topology of the arrows, the columns, the rows' label room. */
function prepareLayout(flow: Flow, options: SwimlaneLayoutOptions) {
  const opts = resolveLayoutOptions(options);
  const plan = planLanes(flow);
  const bandPlans = planBands(flow);
  const stepIndexById = new Map<string, number>();
  flow.steps.forEach((step, i) => {
    if (!stepIndexById.has(step.id)) stepIndexById.set(step.id, i);
  });
  const bandOfStep = new Array<number>(flow.steps.length);
  bandPlans.forEach((band, i) => {
    if (band.kind === 'step') bandOfStep[band.stepIndex] = i;
  });

  // --- topology: which edge is forward, back or leaving, and where it starts and ends.
  const chainOf = (stepIndex: number) => plan.placements[stepIndex]!.chain;
  const lastNode = (i: number) => nodeId(flow.steps[i]!.id, chainOf(i).length - 1);
  const requests: EdgeRequest[] = [];
  const backSpans: BackEdgeSpan[] = [];
  const exits: Array<{ edgeId: string; stepIndex: number; target: string; unknown?: true }> = [];
  const labels = new Map<string, string>();
  const inferred = new Map<string, ReadonlyArray<'label' | 'target'>>();
  for (const edge of flow.edges) {
    const from = stepIndexById.get(edge.from);
    if (from === undefined) continue;
    const label = branchLabelText(edge.label, { inferred: edge.inferred?.includes('label'), unknown: edge.labelUnknown === true });
    if (label) labels.set(edge.id, label);
    if (edge.inferred && edge.inferred.length > 0) inferred.set(edge.id, edge.inferred);
    if (edge.to === undefined) {
      // An arrow whose target the source does not show ends at a marker saying so, never at a guess.
      if (!edge.leaves && edge.targetUnknown !== true) continue;
      exits.push({ edgeId: edge.id, stepIndex: from, target: edge.leaves?.target ?? '?', ...(edge.leaves ? {} : { unknown: true as const }) });
      requests.push({ id: edge.id, sourceEdgeId: edge.id, kind: 'leave', from: lastNode(from), to: exitNodeId(edge.id) });
      continue;
    }
    const to = stepIndexById.get(edge.to);
    if (to === undefined) continue;
    const forward = bandOfStep[to]! > bandOfStep[from]!;
    const request: EdgeRequest = {
      id: edge.id,
      sourceEdgeId: edge.id,
      kind: forward ? 'forward' : 'back',
      from: lastNode(from),
      to: nodeId(flow.steps[to]!.id, 0),
    };
    requests.push(request);
    if (!forward) {
      const fromChain = chainOf(from);
      backSpans.push({
        id: edge.id,
        fromBand: bandOfStep[from]!,
        toBand: bandOfStep[to]!,
        fromLane: fromChain[fromChain.length - 1]!.lane,
        toLane: chainOf(to)[0]!.lane,
      });
    }
  }
  const channelPlan = assignChannels(backSpans, plan.actorIds.length);
  for (const request of requests) {
    const channel = channelPlan.byEdge.get(request.id);
    if (channel && request.kind === 'back') request.channel = channel;
  }

  // --- columns, left to right: left channel, lanes, right channel, exit column.
  const labelRoom = channelLabelRoom(requests, labels, plan.actorIds.length, chainLaneOfNode(flow, plan), opts);
  const channelWidth = (tracks: number, side: 'left' | 'right') => (tracks > 0 ? (tracks + 1) * opts.trackGap + labelRoom[side] : 0);
  const left: LayoutColumn | null = channelPlan.leftTracks > 0 ? { x: 0, width: channelWidth(channelPlan.leftTracks, 'left'), tracks: channelPlan.leftTracks } : null;
  let x = left?.width ?? 0;
  const lanes: LayoutLane[] = plan.actorIds.map((actorId, index) => {
    const width = opts.laneWidths(index);
    const lane: LayoutLane = { actorId, label: actorId === null ? '' : (opts.actorLabels.get(actorId) ?? actorId), index, x, width };
    x += width;
    return lane;
  });
  const right: LayoutColumn | null = channelPlan.rightTracks > 0 ? { x, width: channelWidth(channelPlan.rightTracks, 'right'), tracks: channelPlan.rightTracks } : null;
  x += right?.width ?? 0;
  const exitsPerStep = new Map<number, number>();
  for (const exit of exits) exitsPerStep.set(exit.stepIndex, (exitsPerStep.get(exit.stepIndex) ?? 0) + 1);
  const exitSlots = Math.max(0, ...exitsPerStep.values());
  const exitColumn: LayoutColumn | null = exitSlots > 0 ? { x, width: exitSlots * opts.exitColumnWidth, tracks: exitSlots } : null;
  x += exitColumn?.width ?? 0;
  const width = x;

  const extraCorridor = stepCorridors(flow, plan.placements.map((p) => p.chain[p.chain.length - 1]!.lane), lanes, labels, exits, opts);
  return { opts, plan, bandPlans, bandOfStep, stepIndexById, requests, exits, labels, inferred, lanes, left, right, exitColumn, width, extraCorridor };
}

export function computeSwimlaneLayout(flow: Flow, options: SwimlaneLayoutOptions = {}): SwimlaneLayout {
  const { opts, plan, bandPlans, bandOfStep, stepIndexById, requests, exits, labels, inferred, lanes, left, right, exitColumn, width, extraCorridor: firstCorridors } = prepareLayout(flow, options);
  // --- rows, symbols, arrows and labels. A label that finds no spot clear of every line gives
  // its row more room (a taller corridor), and the rows are laid out again: rows only grow, so
  // this settles in a round or two.
  let extraCorridor: number[] = firstCorridors;
  const drawRows = (extra: readonly number[]) =>
    drawBands(flow, { lanes, width, left, right, exitColumn, bandPlans, bandOfStep, plan, exits, requests, labels }, extra, opts);
  let drawn = drawRows(extraCorridor);
  for (let round = 0; round < MAX_LABEL_ROUNDS && drawn.cramped.length > 0; round++) {
    extraCorridor = [...extraCorridor];
    for (const edge of drawn.cramped) {
      const stepIndex = stepIndexById.get(drawn.nodes.find((n) => n.id === edge.from)?.stepId ?? '');
      if (stepIndex !== undefined) extraCorridor[stepIndex] = Math.max(extraCorridor[stepIndex]!, opts.corridor) + (edge.label?.height ?? opts.labelLineHeight);
    }
    drawn = drawRows(extraCorridor);
  }
  const { bands, rows, sections, nodes, edges, height: y } = drawn;
  for (const edge of edges) {
    const marks = edge.sourceEdgeId !== null ? inferred.get(edge.sourceEdgeId) : undefined;
    if (marks) edge.inferred = marks;
  }
  const symbolSizes = {} as Record<NodeKind, { width: number; height: number }>;
  for (const kind of ['start', 'end', 'process', 'decision', 'connector', 'exit'] as const) symbolSizes[kind] = opts.symbolSize(kind);

  return {
    flowId: flow.id,
    lanes,
    bands,
    rows,
    sections,
    nodes,
    edges,
    channels: { left, right },
    exitColumn,
    symbol: { width: opts.symbolWidth, height: opts.symbolHeight },
    symbolSizes,
    width: round(width),
    height: round(y),
  };
}

/** A flow's size without drawing it: for planning pages and column widths over many candidate lane widths. */
export interface SwimlaneEstimate {
  /** Width of the lanes with their side channels and exit column. */
  width: number;
  /** Band heights top to bottom (as `bands` of the layout), with each step row's least height. */
  bands: Array<{ key: string; kind: 'step' | 'section'; height: number; minHeight: number }>;
  /** The arrows between rows, by band index (what crosses a page break). */
  links: Array<{ id: string; from: number; to: number }>;
}

/**
 * The rows' heights and the flow's width as `computeSwimlaneLayout` would
 * give them, without routing an arrow or placing a label (so without the
 * extra room a cramped label gets): cheap enough to try many lane widths.
 */
export function estimateSwimlane(flow: Flow, options: SwimlaneLayoutOptions = {}): SwimlaneEstimate {
  const { opts, bandPlans, bandOfStep, stepIndexById, exits, width, extraCorridor } = prepareLayout(flow, options);
  const exitRows = new Set(exits.map((e) => e.stepIndex));
  const tableWidth = width + Object.values(opts.textColumns).reduce((a, b) => a + b, 0);
  const bands = bandPlans.map((band) => {
    if (band.kind === 'section') {
      const min = minSectionHeight(opts);
      return { key: band.key, kind: 'section' as const, height: bandHeight(band.key, () => estimateSectionHeight(band.section, tableWidth, opts), min, opts), minHeight: min };
    }
    const step = flow.steps[band.stepIndex]!;
    const min = minStepHeight(opts, extraCorridor[band.stepIndex], rowSymbolHeight(step.kind as NodeKind, exitRows.has(band.stepIndex), opts));
    return { key: band.key, kind: 'step' as const, height: bandHeight(band.key, () => estimateStepHeight(step, opts), min, opts), minHeight: min };
  });
  const links: SwimlaneEstimate['links'] = [];
  for (const edge of flow.edges) {
    const from = stepIndexById.get(edge.from);
    const to = edge.to === undefined ? undefined : stepIndexById.get(edge.to);
    if (from === undefined || to === undefined) continue;
    links.push({ id: edge.id, from: bandOfStep[from]!, to: bandOfStep[to]! });
  }
  return { width: round(width), bands, links };
}

/** How many times rows are given more room for labels that did not fit. */
const MAX_LABEL_ROUNDS = 3;

interface Columns {
  lanes: LayoutLane[];
  width: number;
  left: LayoutColumn | null;
  right: LayoutColumn | null;
  exitColumn: LayoutColumn | null;
  bandPlans: ReturnType<typeof planBands>;
  bandOfStep: readonly number[];
  plan: ReturnType<typeof planLanes>;
  exits: ReadonlyArray<{ edgeId: string; stepIndex: number; target: string; unknown?: true }>;
  requests: readonly EdgeRequest[];
  labels: ReadonlyMap<string, string>;
}

/** The rows (each at least its symbol band with `extraCorridor` above and below), the symbols in them, the arrows and their labels. */
function drawBands(flow: Flow, columns: Columns, extraCorridor: readonly number[], opts: ResolvedLayoutOptions) {
  const { lanes, width, left, right, exitColumn, bandPlans, bandOfStep, plan, exits, requests, labels } = columns;
  const tableWidth = width + Object.values(opts.textColumns).reduce((a, b) => a + b, 0);
  const bands: LayoutBandRef[] = [];
  const rows: LayoutRow[] = [];
  const sections: LayoutSection[] = [];
  const exitRows = new Set(exits.map((e) => e.stepIndex));
  let y = 0;
  for (const band of bandPlans) {
    if (band.kind === 'section') {
      const height = bandHeight(band.key, () => estimateSectionHeight(band.section, tableWidth, opts), minSectionHeight(opts), opts);
      sections.push({ sectionId: band.section.id, title: band.section.title, beforeStepId: band.section.beforeStep, y, height });
      bands.push({ kind: 'section', key: band.key, y, height });
      y += height;
      continue;
    }
    const step = flow.steps[band.stepIndex]!;
    const minHeight = minStepHeight(opts, extraCorridor[band.stepIndex], rowSymbolHeight(step.kind as NodeKind, exitRows.has(band.stepIndex), opts));
    const height = bandHeight(band.key, () => estimateStepHeight(step, opts), minHeight, opts);
    rows.push({ stepId: step.id, index: band.stepIndex, y, height, minHeight });
    bands.push({ kind: 'step', key: band.key, y, height });
    y += height;
  }

  // --- symbols: centred in their lane and row band.
  const nodes: LayoutNode[] = [];
  const chainRequests: EdgeRequest[] = [];
  flow.steps.forEach((step, i) => {
    const { chain, external } = plan.placements[i]!;
    const band = bandOfStep[i]!;
    const b = bands[band]!;
    const kind = step.kind as NodeKind;
    const { width: sw, height: sh } = opts.symbolSize(kind);
    chain.forEach((link, chainIndex) => {
      const lane = lanes[link.lane]!;
      nodes.push({
        id: nodeId(step.id, chainIndex),
        stepId: step.id,
        actorId: link.actorId,
        kind,
        lane: link.lane,
        band,
        chainIndex,
        chainLength: chain.length,
        external,
        x: round(lane.x + (lane.width - sw) / 2),
        y: round(b.y + (b.height - sh) / 2),
        width: sw,
        height: sh,
        // A connector step carries its letter, as the page connectors do.
        ...(kind === 'connector' && step.symbolText ? { text: step.symbolText } : {}),
        // The fan-out leaves from the last symbol of the chain; a join waits at the first.
        ...(step.split === 'parallel' && chainIndex === chain.length - 1 ? { split: true as const } : {}),
        ...(step.join === 'all' && chainIndex === 0 ? { join: true as const } : {}),
      });
      if (chainIndex > 0) {
        chainRequests.push({
          id: `${step.id}~chain~${chainIndex}`,
          sourceEdgeId: null,
          kind: 'chain',
          from: nodeId(step.id, chainIndex - 1),
          to: nodeId(step.id, chainIndex),
          ...(link.alternative ? { alternative: true } : {}),
        });
      }
    });
  });
  const slotUsed = new Map<number, number>();
  const { width: ew, height: eh } = opts.symbolSize('exit');
  for (const exit of exits) {
    const slot = slotUsed.get(exit.stepIndex) ?? 0;
    slotUsed.set(exit.stepIndex, slot + 1);
    const band = bandOfStep[exit.stepIndex]!;
    const b = bands[band]!;
    nodes.push({
      id: exitNodeId(exit.edgeId),
      stepId: flow.steps[exit.stepIndex]!.id,
      actorId: null,
      kind: 'exit',
      lane: -1,
      band,
      chainIndex: 0,
      chainLength: 1,
      external: false,
      text: exit.target,
      ...(exit.unknown ? { unknownTarget: true as const } : {}),
      x: round(exitColumn!.x + slot * opts.exitColumnWidth + opts.trackGap),
      y: round(b.y + (b.height - eh) / 2),
      width: ew,
      height: eh,
    });
  }
  const scene = { lanes, bands, nodes, channels: { left, right }, options: opts };
  const edges = routeEdges(scene, [...chainRequests, ...requests]);
  const narrowest = Math.min(...lanes.map((l) => l.width));
  const cramped = placeLabels(edges, labels, nodes, { x: 0, y: 0, width, height: y }, narrowest, opts, tableGrid(lanes, bands));
  return { bands, rows, sections, nodes, edges, height: y, cramped };
}

/** The tallest symbol of a step's row: its own, or the exit marker beside it. */
function rowSymbolHeight(kind: NodeKind, hasExit: boolean, opts: ResolvedLayoutOptions): number {
  const own = opts.symbolSize(kind).height;
  return hasExit ? Math.max(own, opts.symbolSize('exit').height) : own;
}

/** The lines the table draws inside the flow area, which labels keep off: between lanes, between rows. */
export function tableGrid(lanes: readonly LayoutLane[], bands: readonly { y: number }[]): { xs: number[]; ys: number[] } {
  return { xs: lanes.slice(1).map((l) => l.x), ys: bands.slice(1).map((b) => b.y) };
}

/** Lane of each node id, from the plan (nodes have no geometry yet when channels are sized). */
function chainLaneOfNode(flow: Flow, plan: ReturnType<typeof planLanes>): Map<string, number> {
  const lanes = new Map<string, number>();
  flow.steps.forEach((step, i) => plan.placements[i]!.chain.forEach((link, k) => lanes.set(nodeId(step.id, k), link.lane)));
  return lanes;
}

/**
 * A labelled back-edge leaving a diamond in the outermost lane toward its
 * channel has only the gutter and the channel for its label ("tidak memenuhi
 * persyaratan"): widen that channel on its outer side by what is missing.
 */
function channelLabelRoom(
  requests: readonly EdgeRequest[],
  labels: ReadonlyMap<string, string>,
  laneCount: number,
  laneOfNode: ReadonlyMap<string, number>,
  opts: ResolvedLayoutOptions,
): { left: number; right: number } {
  const room = { left: 0, right: 0 };
  for (const request of requests) {
    const text = labels.get(request.id);
    if (request.kind !== 'back' || !request.channel || !text) continue;
    const side = request.channel.side;
    const lane = laneOfNode.get(request.from);
    if (lane !== (side === 'left' ? 0 : laneCount - 1)) continue;
    const laneWidth = opts.laneWidths(lane);
    const { width } = measureLabel(text, labelMaxWidth(laneWidth) * 0.66, opts);
    const available = (laneWidth - opts.symbolWidth) / 2 - 4 + opts.trackGap;
    room[side] = Math.max(room[side], Math.min(80, Math.ceil(width - available)));
  }
  return room;
}

/**
 * Extra room above and below the symbol that a row needs for its branch
 * labels (written under or beside the diamond) and for the target text of an
 * arrow that leaves the SOP.
 */
function stepCorridors(
  flow: Flow,
  exitLanes: readonly number[],
  lanes: readonly LayoutLane[],
  labels: ReadonlyMap<string, string>,
  exits: ReadonlyArray<{ stepIndex: number; target: string }>,
  opts: ResolvedLayoutOptions,
): number[] {
  const extra = new Array<number>(flow.steps.length).fill(0);
  const indexById = new Map(flow.steps.map((s, i) => [s.id, i] as const));
  const narrowest = Math.min(...lanes.map((l) => l.width));
  for (const edge of flow.edges) {
    const text = labels.get(edge.id);
    const i = indexById.get(edge.from);
    if (!text || i === undefined || exitLanes[i] === undefined) continue;
    // A label under the diamond stays inside its lane, beside the downward run: as tall as it is
    // wrapped to that room (never narrower than its longest word, which then needs the next spot).
    const lane = lanes[exitLanes[i]!];
    const room = Math.min(labelMaxWidth(narrowest), labelRoomBesideExit(lane?.width ?? narrowest));
    const { height } = measureLabel(text, Math.max(room, longestLabelWord(text, opts.labelFontSize)), opts);
    extra[i] = Math.max(extra[i]!, height + 4);
  }
  for (const exit of exits) {
    const exitSize = opts.symbolSize('exit');
    const lines = wrapText(exit.target, opts.exitColumnWidth - exitSize.width - 3 * opts.trackGap, opts.labelFontSize, 0.55);
    const textHeight = lines.length * opts.labelLineHeight;
    extra[exit.stepIndex] = Math.max(extra[exit.stepIndex]!, (textHeight - exitSize.height) / 2 + opts.corridor);
  }
  return extra;
}

export { resolveLayoutOptions };
