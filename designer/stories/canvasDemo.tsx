/**
 * The canvas's pieces on their own, for the stories of StepNode, RouteEdge
 * and SwimlaneTable: the real layout and the real elements, in a plain React
 * Flow without the editor around it.
 */
import { MarkerType, ReactFlow, ReactFlowProvider, ViewportPortal, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { elementNames, toFlowElements } from '../canvas/flowElements';
import { RouteEdge } from '../canvas/RouteEdge';
import { StepNode } from '../canvas/StepNode';
import { SwimlaneTable } from '../canvas/SwimlaneTable';
import { computeCanvasGeometry } from '../canvas/tableGeometry';

const nodeTypes: NodeTypes = { step: StepNode };
const edgeTypes: EdgeTypes = { route: RouteEdge };

export interface CanvasPiecesProps {
  doc: SopDocument;
  /** Steps drawn as selected (their symbols and their rows). */
  selected?: readonly string[];
  /** Arrows drawn as selected, by document edge id. */
  selectedEdges?: readonly string[];
  /** Draw the paper table behind the symbols, as the canvas does. */
  table?: boolean;
  height?: number;
}

export function CanvasPieces({ doc, selected = [], selectedEdges = [], table = false, height = 460 }: CanvasPiecesProps) {
  const t = useT();
  const flow = doc.flows[0]!;
  const geometry = useMemo(() => computeCanvasGeometry(doc, flow), [doc, flow]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const elements = useMemo(
    () =>
      toFlowElements(geometry, flow, elementNames(t), selectedSet, new Set(selectedEdges), new Map(), undefined, t, (edge) => ({
        ...edge,
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: '#1b2330' },
      })),
    [geometry, flow, t, selectedSet, selectedEdges],
  );
  return (
    <div className="designer designer--editor" style={{ height, display: 'flex' }}>
      <div className="canvas-view" style={{ flex: 1 }}>
        <ReactFlowProvider>
          <ReactFlow nodes={elements.nodes} edges={elements.edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} defaultViewport={{ x: 8, y: 8, zoom: 0.8 }} minZoom={0.2} proOptions={{ hideAttribution: true }}>
            {table && (
              <ViewportPortal>
                <SwimlaneTable doc={doc} flow={flow} geometry={geometry} selectedStepIds={selectedSet} />
              </ViewportPortal>
            )}
          </ReactFlow>
        </ReactFlowProvider>
      </div>
    </div>
  );
}
