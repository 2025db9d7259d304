/**
 * The swimlane layout as React Flow nodes and edges. React Flow only draws:
 * positions and arrow routes come from computeSwimlaneLayout, translated by
 * the table's left columns and header.
 */
import { Position, type Edge as FlowEdge, type Node as FlowNode, type NodeHandle } from '@xyflow/react';
import type { EdgeLabel, EdgeKind, LayoutNode, NodeKind, Point } from '../../core/layout';
import type { Flow, Step } from '../../schemas/generated/sop.types';
import type { Translate } from '../../core/i18n';
import { jsonEqual } from '../../core/model/deepEqual';
import { openReviewNotes } from '../../core/document';
import { plainTextOf } from '../../core/text/richText';
import { stepLabel } from '../editor/describeLocation';
import type { CanvasGeometry } from './tableGeometry';

export interface StepNodeData extends Record<string, unknown> {
  kind: NodeKind;
  stepId: string;
  /** The document edge id for exit markers (arrows leaving the SOP). */
  edgeId?: string;
  actorId: string | null;
  chainIndex: number;
  chainLength: number;
  external: boolean;
  /** Accessible name: "Langkah 3, keputusan: Periksa berkas". */
  label: string;
  /** Text shown beside an exit marker, or a connector's letter. */
  text?: string;
  /** The step has a problem of this severity. */
  problem?: 'error' | 'warning';
  /** Review notes on the step not yet marked done (a badge on its first symbol). */
  openNotes?: number;
  /** Parallel split / join bars (core/notation). */
  split?: true;
  join?: true;
}

export interface RouteEdgeData extends Record<string, unknown> {
  points: Point[];
  kind: EdgeKind;
  label?: EdgeLabel;
  alternative?: boolean;
  /** The document edge, or null for the arrows joining one step's actors. */
  edgeId: string | null;
  /** What the drafter inferred (core/notation draws an inferred target dotted, an inferred label in brackets). */
  inferred?: ReadonlyArray<'label' | 'target'>;
}

export type StepFlowNode = FlowNode<StepNodeData, 'step'>;
export type RouteFlowEdge = FlowEdge<RouteEdgeData, 'route'>;

/** The accessible names the canvas gives its symbols: "Langkah 3, Keputusan: Berkas lengkap?". */
export function elementNames(t: Translate): ElementNames {
  return {
    step: (step, kind, index) =>
      t('designer.canvas.nodeLabel', {
        step: stepLabel(step, index, t),
        kind: t(`designer.kind.${kind as 'process'}`),
        text: plainTextOf(step.text) || t('designer.canvas.noText'),
      }),
    exit: (target) => t('designer.canvas.exitLabel', { target }),
    openNotes: (count) => t('designer.canvas.openReviewNotes', { count }),
  };
}

export interface ElementNames {
  /** `index`: the step's row in the flow. */
  step: (step: Step, kind: NodeKind, index: number) => string;
  exit: (target: string) => string;
  /** Appended to a step's name when it has open review notes: "2 catatan tinjauan terbuka". */
  openNotes?: (count: number) => string;
}

/** Size of a step's connection handle on screen (designer.css `.step-node__handle`, with its border). */
const HANDLE = 11;

/**
 * Where StepNode's handles are (an arrow comes in at the top, a new one starts at the bottom; an
 * exit marker only receives). Given up front, React Flow can route an arrow to a symbol it has not
 * measured: a moved symbol is not re-measured, and symbols off screen need never be drawn.
 */
function nodeHandles(width: number, height: number, isExit: boolean): NodeHandle[] {
  const x = width / 2 - HANDLE / 2;
  const target: NodeHandle = { id: null, type: 'target', position: Position.Top, x, y: -HANDLE / 2, width: HANDLE, height: HANDLE };
  return isExit ? [target] : [target, { id: null, type: 'source', position: Position.Bottom, x, y: height - HANDLE / 2, width: HANDLE, height: HANDLE }];
}

/**
 * What a node or an edge was built from, by identity: when all of it is the
 * same object as last time, the element built last time is reused as is.
 */
export interface FlowElementsMemo {
  nodes: Map<string, { inputs: readonly unknown[]; node: StepFlowNode }>;
  edges: Map<string, { inputs: readonly unknown[]; edge: RouteFlowEdge }>;
  result?: { nodes: StepFlowNode[]; edges: RouteFlowEdge[] };
}

export function createFlowElementsMemo(): FlowElementsMemo {
  return { nodes: new Map(), edges: new Map() };
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The layout as React Flow elements. With a memo (kept by the canvas between
 * renders), an element whose layout node or edge, step, selection, problem and
 * names are the same objects as before is the same element object as before,
 * and when nothing changed the same arrays come back: React Flow then skips
 * them entirely. A keystroke in one step rebuilds one node.
 */
export function toFlowElements(
  geometry: CanvasGeometry,
  flow: Flow,
  names: ElementNames,
  selectedStepIds: ReadonlySet<string>,
  selectedEdgeIds: ReadonlySet<string>,
  problems: ReadonlyMap<string, 'error' | 'warning'>,
  memo: FlowElementsMemo = createFlowElementsMemo(),
  /** Changes whenever `names` would name something differently (the language). */
  namesKey: unknown = names,
  extend: (edge: RouteFlowEdge) => RouteFlowEdge = (edge) => edge,
): { nodes: StepFlowNode[]; edges: RouteFlowEdge[] } {
  const { layout, flowX, flowY } = geometry;
  const steps = new Map(flow.steps.map((s, i) => [s.id, { step: s, index: i }]));
  const nodeMemo = new Map<string, { inputs: readonly unknown[]; node: StepFlowNode }>();
  const edgeMemo = new Map<string, { inputs: readonly unknown[]; edge: RouteFlowEdge }>();

  const nodes = layout.nodes.map((node: LayoutNode): StepFlowNode => {
    const entry = steps.get(node.stepId)!;
    const isExit = node.kind === 'exit';
    const edgeId = isExit ? node.id.slice('exit#'.length) : undefined;
    const selected = isExit ? selectedEdgeIds.has(edgeId!) : selectedStepIds.has(node.stepId);
    const problem = problems.get(node.stepId);
    const inputs = [node, entry.step, entry.index, flowX, flowY, selected, problem, namesKey];
    const previous = memo.nodes.get(node.id);
    if (previous && sameInputs(previous.inputs, inputs)) {
      nodeMemo.set(node.id, previous);
      return previous.node;
    }
    const step = entry.step;
    // The badge goes on the step's first symbol only (a chain of actors is one step).
    const openNotes = isExit || node.chainIndex !== 0 ? 0 : openReviewNotes(step).length;
    const stepName = isExit ? names.exit(node.text ?? '') : names.step(step, node.kind, entry.index);
    const label = openNotes > 0 && names.openNotes ? `${stepName}, ${names.openNotes(openNotes)}` : stepName;
    const built: StepFlowNode = {
      id: node.id,
      type: 'step',
      position: { x: flowX + node.x, y: flowY + node.y },
      width: node.width,
      height: node.height,
      draggable: !isExit,
      connectable: !isExit,
      selectable: true,
      selected,
      ariaLabel: label,
      handles: nodeHandles(node.width, node.height, isExit),
      data: {
        kind: node.kind,
        stepId: node.stepId,
        ...(edgeId ? { edgeId } : {}),
        actorId: node.actorId,
        chainIndex: node.chainIndex,
        chainLength: node.chainLength,
        external: node.external,
        label,
        ...(node.text !== undefined ? { text: node.text } : {}),
        ...(node.kind === 'connector' && step.symbolText ? { text: step.symbolText } : {}),
        ...(problem ? { problem } : {}),
        ...(openNotes > 0 ? { openNotes } : {}),
        ...(node.split ? { split: true as const } : {}),
        ...(node.join ? { join: true as const } : {}),
      },
    };
    // Rebuilt but equal (the layout was recomputed and this node did not move): keep the old object.
    const kept = previous && jsonEqual(previous.node, built) ? previous.node : built;
    nodeMemo.set(node.id, { inputs, node: kept });
    return kept;
  });

  const edges = layout.edges.map((edge): RouteFlowEdge => {
    const selected = edge.sourceEdgeId !== null && selectedEdgeIds.has(edge.sourceEdgeId);
    const inputs = [edge, flowX, flowY, selected];
    const previous = memo.edges.get(edge.id);
    if (previous && sameInputs(previous.inputs, inputs)) {
      edgeMemo.set(edge.id, previous);
      return previous.edge;
    }
    const points = edge.points.map((p) => ({ x: p.x + flowX, y: p.y + flowY }));
    const label = edge.label ? { ...edge.label, x: edge.label.x + flowX, y: edge.label.y + flowY } : undefined;
    const built = extend({
      id: edge.id,
      type: 'route',
      source: edge.from,
      target: edge.to,
      selectable: edge.sourceEdgeId !== null,
      focusable: edge.sourceEdgeId !== null,
      reconnectable: edge.sourceEdgeId !== null && edge.kind !== 'leave' ? true : false,
      deletable: edge.sourceEdgeId !== null,
      selected,
      data: {
        points,
        kind: edge.kind,
        edgeId: edge.sourceEdgeId,
        ...(label ? { label } : {}),
        ...(edge.alternative ? { alternative: true } : {}),
        ...(edge.inferred ? { inferred: edge.inferred } : {}),
      },
    });
    const kept = previous && jsonEqual(previous.edge, built) ? previous.edge : built;
    edgeMemo.set(edge.id, { inputs, edge: kept });
    return kept;
  });

  memo.nodes = nodeMemo;
  memo.edges = edgeMemo;
  // Each array is the previous one when none of its elements changed (React Flow then skips it).
  const last = memo.result;
  const sameNodes = last !== undefined && sameInputs(last.nodes, nodes);
  const sameEdges = last !== undefined && sameInputs(last.edges, edges);
  if (last && sameNodes && sameEdges) return last;
  memo.result = { nodes: sameNodes ? last!.nodes : nodes, edges: sameEdges ? last!.edges : edges };
  return memo.result;
}
