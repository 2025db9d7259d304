/**
 * The swimlane layout as React Flow nodes and edges. React Flow only draws:
 * positions and arrow routes come from computeSwimlaneLayout, translated by
 * the table's left columns and header.
 */
import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';
import type { EdgeLabel, EdgeKind, LayoutNode, NodeKind, Point } from '../../core/layout';
import type { Flow, Step } from '../../schemas/generated/sop.types';
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
}

export interface RouteEdgeData extends Record<string, unknown> {
  points: Point[];
  kind: EdgeKind;
  label?: EdgeLabel;
  alternative?: boolean;
  /** The document edge, or null for the arrows joining one step's actors. */
  edgeId: string | null;
}

export type StepFlowNode = FlowNode<StepNodeData, 'step'>;
export type RouteFlowEdge = FlowEdge<RouteEdgeData, 'route'>;

export interface ElementNames {
  step: (step: Step, kind: NodeKind) => string;
  exit: (target: string) => string;
}

export function toFlowElements(
  geometry: CanvasGeometry,
  flow: Flow,
  names: ElementNames,
  selectedStepIds: ReadonlySet<string>,
  selectedEdgeIds: ReadonlySet<string>,
  problems: ReadonlyMap<string, 'error' | 'warning'>,
): { nodes: StepFlowNode[]; edges: RouteFlowEdge[] } {
  const { layout, flowX, flowY } = geometry;
  const steps = new Map(flow.steps.map((s) => [s.id, s]));
  const nodes = layout.nodes.map((node: LayoutNode): StepFlowNode => {
    const step = steps.get(node.stepId)!;
    const isExit = node.kind === 'exit';
    const edgeId = isExit ? node.id.slice('exit#'.length) : undefined;
    const problem = problems.get(node.stepId);
    return {
      id: node.id,
      type: 'step',
      position: { x: flowX + node.x, y: flowY + node.y },
      width: node.width,
      height: node.height,
      draggable: !isExit,
      connectable: !isExit,
      selectable: true,
      selected: isExit ? selectedEdgeIds.has(edgeId!) : selectedStepIds.has(node.stepId),
      ariaLabel: isExit ? names.exit(node.text ?? '') : names.step(step, node.kind),
      data: {
        kind: node.kind,
        stepId: node.stepId,
        ...(edgeId ? { edgeId } : {}),
        actorId: node.actorId,
        chainIndex: node.chainIndex,
        chainLength: node.chainLength,
        external: node.external,
        label: isExit ? names.exit(node.text ?? '') : names.step(step, node.kind),
        ...(node.text !== undefined ? { text: node.text } : {}),
        ...(node.kind === 'connector' && step.symbolText ? { text: step.symbolText } : {}),
        ...(problem ? { problem } : {}),
      },
    };
  });
  const edges = layout.edges.map((edge): RouteFlowEdge => {
    const points = edge.points.map((p) => ({ x: p.x + flowX, y: p.y + flowY }));
    const label = edge.label ? { ...edge.label, x: edge.label.x + flowX, y: edge.label.y + flowY } : undefined;
    return {
      id: edge.id,
      type: 'route',
      source: edge.from,
      target: edge.to,
      selectable: edge.sourceEdgeId !== null,
      focusable: edge.sourceEdgeId !== null,
      reconnectable: edge.sourceEdgeId !== null && edge.kind !== 'leave' ? true : false,
      deletable: edge.sourceEdgeId !== null,
      selected: edge.sourceEdgeId !== null && selectedEdgeIds.has(edge.sourceEdgeId),
      data: {
        points,
        kind: edge.kind,
        edgeId: edge.sourceEdgeId,
        ...(label ? { label } : {}),
        ...(edge.alternative ? { alternative: true } : {}),
      },
    };
  });
  return { nodes, edges };
}
