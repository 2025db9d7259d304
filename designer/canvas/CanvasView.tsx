import {
  applyNodeChanges,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  ViewportPortal,
  type Connection,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { canConnect, canReconnect, command, locatePointer, type Command } from '../../core/document';
import type { Diagnostic } from '../../core/validation';
import type { Flow, SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { stepLabel } from '../editor/describeLocation';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { moveSelectedStep, selectNeighbourStep } from '../editor/editorActions';
import { bilingual } from '../ui/bilingual';
import { CanvasContextMenu, type ContextTarget } from './CanvasContextMenu';
import { toFlowElements, type RouteFlowEdge, type StepFlowNode } from './flowElements';
import { RouteEdge } from './RouteEdge';
import { StepNode } from './StepNode';
import { SwimlaneTable } from './SwimlaneTable';
import { measureRowHeights } from './measureRows';
import { computeCanvasGeometry, laneAt, rowAt } from './tableGeometry';

const nodeTypes: NodeTypes = { step: StepNode };
const edgeTypes: EdgeTypes = { route: RouteEdge };
const MARKER = { type: MarkerType.ArrowClosed, width: 14, height: 14, color: '#1b2330' };

export interface CanvasViewProps {
  doc: SopDocument;
  flow: Flow;
  diagnostics: readonly Diagnostic[];
}

/** The swimlane flowchart, drawn like the paper table. React Flow only draws; edits are commands. */
export function CanvasView(props: CanvasViewProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ doc, flow, diagnostics }: CanvasViewProps) {
  const { t } = useI18n();
  const store = useEditorStore();
  const { ui } = useEditorSnapshot();
  const reactFlow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<ContextTarget | null>(null);
  const [dragNodes, setDragNodes] = useState<StepFlowNode[] | null>(null);

  const geometry = useMemo(() => computeCanvasGeometry(doc, flow, measureRowHeights), [doc.actors, doc.columns, flow]); // eslint-disable-line react-hooks/exhaustive-deps
  const selectedStepIds = useMemo(
    () => new Set(ui.selection.kind === 'steps' && ui.selection.flowId === flow.id ? ui.selection.ids : []),
    [ui.selection, flow.id],
  );
  const selectedEdgeIds = useMemo(
    () => new Set(ui.selection.kind === 'edge' && ui.selection.flowId === flow.id ? [ui.selection.id] : []),
    [ui.selection, flow.id],
  );
  const problems = useMemo(() => {
    const map = new Map<string, 'error' | 'warning'>();
    for (const d of diagnostics) {
      if (d.severity === 'info') continue;
      const located = locatePointer(doc, d.pointer);
      if (located.kind !== 'step' || located.flowId !== flow.id || !located.id) continue;
      if (map.get(located.id) !== 'error') map.set(located.id, d.severity);
    }
    return map;
  }, [diagnostics, doc, flow.id]);

  const elements = useMemo(
    () =>
      toFlowElements(
        geometry,
        flow,
        {
          step: (step, kind) =>
            t('designer.canvas.nodeLabel', {
              step: stepLabel(step, flow.steps.indexOf(step), t),
              kind: t(`designer.kind.${kind as 'process'}`),
              text: step.text || t('designer.canvas.noText'),
            }),
          exit: (target) => t('designer.canvas.exitLabel', { target }),
        },
        selectedStepIds,
        selectedEdgeIds,
        problems,
      ),
    [geometry, flow, selectedStepIds, selectedEdgeIds, problems, t],
  );
  const edges = useMemo<RouteFlowEdge[]>(
    () => elements.edges.map((edge) => ({ ...edge, markerEnd: MARKER })),
    [elements.edges],
  );
  const nodes = dragNodes ?? elements.nodes;

  // A new document (undo, another view) ends any drag preview.
  useEffect(() => setDragNodes(null), [elements.nodes]);

  // Opening: the table's full width, from the top, never larger than 100 %.
  const onInit = useCallback(() => {
    const width = wrapper.current?.clientWidth || 1000;
    const zoom = Math.max(0.4, Math.min(1, (width - 32) / geometry.width));
    void reactFlow.setViewport({ x: 16, y: 16, zoom });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reactFlow]);

  // Keyboard selection scrolls the step into view.
  const selectedKey = [...selectedStepIds].join(',');
  useEffect(() => {
    const [first] = selectedStepIds;
    const node = first ? elements.nodes.find((n) => n.data.stepId === first) : undefined;
    const box = wrapper.current?.getBoundingClientRect();
    if (!node || !box) return;
    const { x, y, zoom } = reactFlow.getViewport();
    const left = node.position.x * zoom + x;
    const top = node.position.y * zoom + y;
    const h = (node.height ?? 30) * zoom;
    if (top < 40 || top + h > box.height - 40 || left < 0 || left > box.width - 40) {
      void reactFlow.setViewport({ x: Math.min(16, box.width / 2 - node.position.x * zoom), y: box.height / 3 - node.position.y * zoom, zoom }, { duration: 150 });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedKey]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      const moves = changes.filter((c) => c.type === 'position');
      if (moves.length === 0) return;
      setDragNodes((current) => applyNodeChanges(moves, current ?? elements.nodes));
    },
    [elements.nodes],
  );

  const onNodeDragStop = useCallback(
    (_event: MouseEvent | TouchEvent, node: StepFlowNode) => {
      setDragNodes(null);
      const { stepId, actorId } = node.data;
      const centreX = node.position.x + (node.width ?? 0) / 2;
      const centreY = node.position.y + (node.height ?? 0) / 2;
      const lane = geometry.layout.lanes[laneAt(geometry, centreX)];
      const row = geometry.layout.rows[rowAt(geometry, centreY)];
      const commands: Command[] = [];
      if (lane?.actorId && lane.actorId !== actorId) {
        commands.push(command('step.moveToLane', { flowId: flow.id, stepId, toActorId: lane.actorId, ...(actorId ? { fromActorId: actorId } : {}) }));
      }
      const currentIndex = flow.steps.findIndex((s) => s.id === stepId);
      if (row && row.index !== currentIndex) commands.push(command('step.moveToRow', { flowId: flow.id, stepId, toIndex: row.index }));
      if (commands.length > 0) store.runAll(bilingual('designer.canvas.dragTitle'), commands);
      store.select({ kind: 'steps', flowId: flow.id, ids: [stepId] });
    },
    [geometry, flow, store],
  );

  const stepOfNode = (nodeId: string | null | undefined) => (nodeId ? nodeId.slice(0, nodeId.lastIndexOf('#')) : '');

  const onConnect = useCallback(
    (connection: Connection) => {
      const from = stepOfNode(connection.source);
      const to = stepOfNode(connection.target);
      if (!from || !to) return;
      store.run(command('edge.add', { flowId: flow.id, from, to }));
    },
    [flow.id, store],
  );

  const isValidConnection = useCallback(
    (connection: { source: string | null; target: string | null }) => {
      const from = stepOfNode(connection.source);
      const to = stepOfNode(connection.target);
      return Boolean(from && to) && canConnect(store.doc, flow.id, from, to).ok;
    },
    [flow.id, store],
  );

  const onReconnect = useCallback(
    (old: RouteFlowEdge, connection: Connection) => {
      const edgeId = old.data?.edgeId;
      if (!edgeId) return;
      const from = stepOfNode(connection.source);
      const to = stepOfNode(connection.target);
      const ends = { ...(from !== stepOfNode(old.source) ? { from } : {}), ...(to !== stepOfNode(old.target) ? { to } : {}) };
      const allowed = canReconnect(store.doc, flow.id, edgeId, ends);
      if (!allowed.ok) {
        store.notify(allowed.reason, 'error');
        return;
      }
      store.run(command('edge.reconnect', { flowId: flow.id, edgeId, ...ends }));
    },
    [flow.id, store],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget && !(event.target instanceof HTMLElement && event.target.closest('.react-flow__pane, .react-flow'))) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const delta = event.key === 'ArrowUp' ? -1 : 1;
      if (event.altKey) moveSelectedStep(store, 0, delta);
      else selectNeighbourStep(store, delta);
    } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && event.altKey) {
      event.preventDefault();
      moveSelectedStep(store, event.key === 'ArrowLeft' ? -1 : 1, 0);
    } else if (event.key === 'Enter' && !event.ctrlKey && store.selectedStepIds.length > 0) {
      event.preventDefault();
      store.setPanel('properties');
      store.select(store.state.selection, 'text');
    } else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      const box = wrapper.current?.getBoundingClientRect();
      const [stepId] = store.selectedStepIds;
      setMenu(stepId ? { kind: 'step', stepId, x: (box?.left ?? 0) + 80, y: (box?.top ?? 0) + 80 } : { kind: 'pane', x: (box?.left ?? 0) + 80, y: (box?.top ?? 0) + 80 });
    }
  };

  const selected = flow.steps.find((s) => selectedStepIds.has(s.id));
  const selectedLane = selected?.actors.find((a) => flow.lanes.includes(a.actor));
  const announcement = selected
    ? t('designer.canvas.selected', {
        step: stepLabel(selected, flow.steps.indexOf(selected), t),
        text: selected.text || t('designer.canvas.noText'),
        lane: selectedLane ? (doc.actors.find((a) => a.id === selectedLane.actor)?.label ?? '') : t('designer.canvas.externalLane'),
      })
    : '';

  return (
    <div
      className="canvas-view"
      ref={wrapper}
      tabIndex={0}
      role="region"
      aria-label={t('designer.canvas.label')}
      aria-describedby="canvas-help"
      onKeyDown={onKeyDown}
    >
      <p id="canvas-help" className="visually-hidden">
        {t('designer.canvas.help')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ReactFlow<StepFlowNode, RouteFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onInit={onInit}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={(event, node) => {
          if (node.data.edgeId) store.select({ kind: 'edge', flowId: flow.id, id: node.data.edgeId });
          else if (event.shiftKey && store.selectedStepIds.length > 0) {
            const ids = store.selectedStepIds.includes(node.data.stepId)
              ? store.selectedStepIds.filter((id) => id !== node.data.stepId)
              : [...store.selectedStepIds, node.data.stepId];
            store.select(ids.length > 0 ? { kind: 'steps', flowId: flow.id, ids } : { kind: 'none' });
          } else store.select({ kind: 'steps', flowId: flow.id, ids: [node.data.stepId] });
        }}
        onNodeDoubleClick={(_event, node) => {
          if (node.data.edgeId) return;
          store.setPanel('properties');
          store.select({ kind: 'steps', flowId: flow.id, ids: [node.data.stepId] }, 'text');
        }}
        onEdgeClick={(_event, edge) => {
          if (edge.data?.edgeId) store.select({ kind: 'edge', flowId: flow.id, id: edge.data.edgeId });
        }}
        onPaneClick={() => {
          setMenu(null);
          store.select({ kind: 'none' });
        }}
        onNodeContextMenu={(event, node) => {
          event.preventDefault();
          if (node.data.edgeId) {
            store.select({ kind: 'edge', flowId: flow.id, id: node.data.edgeId });
            setMenu({ kind: 'edge', edgeId: node.data.edgeId, x: event.clientX, y: event.clientY });
            return;
          }
          if (!selectedStepIds.has(node.data.stepId)) store.select({ kind: 'steps', flowId: flow.id, ids: [node.data.stepId] });
          setMenu({ kind: 'step', stepId: node.data.stepId, x: event.clientX, y: event.clientY });
        }}
        onEdgeContextMenu={(event, edge) => {
          event.preventDefault();
          if (!edge.data?.edgeId) return;
          store.select({ kind: 'edge', flowId: flow.id, id: edge.data.edgeId });
          setMenu({ kind: 'edge', edgeId: edge.data.edgeId, x: event.clientX, y: event.clientY });
        }}
        onPaneContextMenu={(event) => {
          event.preventDefault();
          setMenu({ kind: 'pane', x: event.clientX, y: event.clientY });
        }}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onReconnect={onReconnect}
        edgesReconnectable
        nodesFocusable={false}
        edgesFocusable={false}
        disableKeyboardA11y
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={0.2}
        maxZoom={2}
        zoomOnDoubleClick={false}
        attributionPosition="top-right"
        ariaLabelConfig={{
          'controls.ariaLabel': t('designer.canvas.controls'),
          'controls.zoomIn.ariaLabel': t('designer.canvas.zoomIn'),
          'controls.zoomOut.ariaLabel': t('designer.canvas.zoomOut'),
          'controls.fitView.ariaLabel': t('designer.canvas.fit'),
          'minimap.ariaLabel': t('designer.canvas.minimap'),
          'handle.ariaLabel': t('designer.canvas.handle'),
        }}
      >
        <ViewportPortal>
          <SwimlaneTable doc={doc} flow={flow} geometry={geometry} selectedStepIds={selectedStepIds} />
        </ViewportPortal>
        <Controls showInteractive={false} fitViewOptions={{ padding: 0.05 }} />
        <MiniMap pannable zoomable style={{ width: 150, height: 110 }} nodeClassName={(node) => `minimap-node minimap-node--${(node as StepFlowNode).data.kind}`} />
      </ReactFlow>
      {menu && <CanvasContextMenu target={menu} flow={flow} onClose={() => setMenu(null)} />}
      {flow.steps.length === 0 && (
        <div className="canvas-view__empty">
          <p>{flow.lanes.length === 0 ? t('designer.canvas.emptyNoLanes') : t('designer.canvas.empty')}</p>
        </div>
      )}
    </div>
  );
}
