import {
  applyNodeChanges,
  ControlButton,
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
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { canConnect, canReconnect, command, locatePointer, type Command } from '../../core/document';
import { PRESETS } from '../../core/notation';
import { plainTextOf } from '../../core/text/richText';
import type { Diagnostic } from '../../core/validation';
import type { Flow, SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { stepLabel } from '../editor/describeLocation';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { moveSelectedStep, selectNeighbourStep } from '../editor/editorActions';
import { bilingual } from '../ui/bilingual';
import { CanvasContextMenu, type ContextTarget } from './CanvasContextMenu';
import { createFlowElementsMemo, elementNames, toFlowElements, type FlowElementsMemo, type RouteFlowEdge, type StepFlowNode } from './flowElements';
import { RouteEdge } from './RouteEdge';
import { StepNode } from './StepNode';
import { SwimlaneTable } from './SwimlaneTable';
import { fitTableViewport, laneAt, MIN_CANVAS_ZOOM, rowAt, VIRTUALIZE_FROM_STEPS } from './tableGeometry';
import { useCanvasGeometry } from './useCanvasGeometry';

const nodeTypes: NodeTypes = { step: StepNode };
const edgeTypes: EdgeTypes = { route: RouteEdge };
const MARKER = { type: MarkerType.ArrowClosed, width: 14, height: 14, color: PRESETS.standar.arrow.stroke };
/**
 * A connection may be dropped this far (screen px) from a handle: the drop
 * end needs no aim. The start end has a generous hit area around each handle
 * (.step-node__handle in designer.css).
 */
const CONNECTION_RADIUS = 28;
const MINIMAP_STYLE = { width: 150, height: 110 };
const minimapNodeClass = (node: StepFlowNode) => `minimap-node minimap-node--${node.data.kind}`;
const withMarker = (edge: RouteFlowEdge): RouteFlowEdge => ({ ...edge, markerEnd: MARKER });

export interface CanvasViewProps {
  doc: SopDocument;
  flow: Flow;
  diagnostics: readonly Diagnostic[];
  /** The document the diagnostics were computed for, when they lag `doc` (default: `doc`). */
  diagnosticsDoc?: SopDocument;
}

/** The swimlane flowchart, drawn like the paper table. React Flow only draws; edits are commands. */
export function CanvasView(props: CanvasViewProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ doc, flow, diagnostics, diagnosticsDoc }: CanvasViewProps) {
  const { t } = useI18n();
  const store = useEditorStore();
  const { ui } = useEditorSnapshot();
  const reactFlow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<ContextTarget | null>(null);
  const [dragNodes, setDragNodes] = useState<StepFlowNode[] | null>(null);

  const geometry = useCanvasGeometry(doc, flow);
  // A long flow draws only what is on screen (and a screen around it): every symbol, arrow and row
  // costs style, layout and paint on each keystroke. The minimap still shows every symbol.
  const virtualize = flow.steps.length >= VIRTUALIZE_FROM_STEPS;
  const selectedStepIds = useMemo(
    () => new Set(ui.selection.kind === 'steps' && ui.selection.flowId === flow.id ? ui.selection.ids : []),
    [ui.selection, flow.id],
  );
  const selectedEdgeIds = useMemo(
    () => new Set(ui.selection.kind === 'edge' && ui.selection.flowId === flow.id ? [ui.selection.id] : []),
    [ui.selection, flow.id],
  );
  // Diagnostics may lag the document by a render (the editor validates in the background): they are
  // located in the document they were computed for.
  const problemsDoc = diagnosticsDoc ?? doc;
  const previousProblems = useRef<Map<string, 'error' | 'warning'>>(undefined);
  const problems = useMemo(() => {
    const map = new Map<string, 'error' | 'warning'>();
    for (const d of diagnostics) {
      if (d.severity === 'info') continue;
      const located = locatePointer(problemsDoc, d.pointer);
      if (located.kind !== 'step' || located.flowId !== flow.id || !located.id) continue;
      if (map.get(located.id) !== 'error') map.set(located.id, d.severity);
    }
    const previous = previousProblems.current;
    if (previous && previous.size === map.size && [...map].every(([id, severity]) => previous.get(id) === severity)) return previous;
    previousProblems.current = map;
    return map;
  }, [diagnostics, problemsDoc, flow.id]);

  // Unchanged nodes and edges stay the same objects, so React Flow re-renders only what an edit changed.
  const elementsMemo = useRef<FlowElementsMemo>(undefined);
  elementsMemo.current ??= createFlowElementsMemo();
  const elements = useMemo(
    () =>
      toFlowElements(
        geometry,
        flow,
        elementNames(t),
        selectedStepIds,
        selectedEdgeIds,
        problems,
        elementsMemo.current,
        t,
        withMarker,
      ),
    [geometry, flow, selectedStepIds, selectedEdgeIds, problems, t],
  );
  const edges = elements.edges;
  const nodes = dragNodes ?? elements.nodes;

  // A new document (undo, another view) ends any drag preview.
  useEffect(() => setDragNodes(null), [elements.nodes]);

  // Opening: the table's full width, never larger than 100 %, from the top, or around the selected
  // step (a reload comes back to where the drafter was).
  const onInit = useCallback(() => {
    const width = wrapper.current?.clientWidth || 1000;
    const height = wrapper.current?.clientHeight || 600;
    const zoom = Math.max(0.4, Math.min(1, (width - 32) / geometry.width));
    const [first] = selectedStepIds;
    const node = first ? elements.nodes.find((n) => n.data.stepId === first) : undefined;
    const y = node ? Math.min(16, height / 3 - node.position.y * zoom) : 16;
    void reactFlow.setViewport({ x: 16, y, zoom });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reactFlow]);

  // "Fit" shows the paper table whole, header and text columns included, not only the symbols
  // (React Flow's own fitView knows nothing of the table behind the nodes).
  // A table of hundreds of steps needs a smaller zoom than the usual minimum: the minimum follows.
  const [minZoom, setMinZoom] = useState(MIN_CANVAS_ZOOM);
  const pendingFit = useRef<Viewport | null>(null);
  const fitTable = useCallback(() => {
    const box = wrapper.current;
    if (!box) return;
    const fitted = fitTableViewport(geometry, box.clientWidth, box.clientHeight);
    if (fitted.zoom < minZoom) {
      pendingFit.current = fitted; // applied once React Flow has the lower minimum
      setMinZoom(fitted.zoom);
      return;
    }
    void reactFlow.setViewport(fitted, { duration: 200 });
  }, [reactFlow, geometry, minZoom]);
  useEffect(() => {
    const fitted = pendingFit.current;
    pendingFit.current = null;
    if (fitted) void reactFlow.setViewport(fitted, { duration: 200 });
  }, [minZoom, reactFlow]);

  // A selection off screen (keyboard, problems panel, a new step) scrolls it into view, by as little
  // as needed on each axis, so the steps around it stay where the drafter saw them.
  const selectedKey = [...selectedStepIds].join(',');
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true; // the opening viewport (onInit) shows the selection
      return;
    }
    const [first] = selectedStepIds;
    const node = first ? elements.nodes.find((n) => n.data.stepId === first) : undefined;
    const box = wrapper.current?.getBoundingClientRect();
    if (!node || !box) return;
    const { x, y, zoom } = reactFlow.getViewport();
    const margin = 40;
    const left = node.position.x * zoom + x;
    const top = node.position.y * zoom + y;
    const w = (node.width ?? 54) * zoom;
    const h = (node.height ?? 30) * zoom;
    let dx = 0;
    let dy = 0;
    if (top < margin) dy = margin - top;
    else if (top + h > box.height - margin) dy = box.height - margin - (top + h);
    if (left < margin) dx = margin - left;
    else if (left + w > box.width - margin) dx = box.width - margin - (left + w);
    if (dx !== 0 || dy !== 0) void reactFlow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 150 });
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

  // Handlers and options keep their identity across renders: React Flow re-renders every node and
  // edge when one of them changes.
  const onNodeClick = useCallback(
    (event: ReactMouseEvent, node: StepFlowNode) => {
      if (node.data.edgeId) store.select({ kind: 'edge', flowId: flow.id, id: node.data.edgeId });
      else if (event.shiftKey && store.selectedStepIds.length > 0) {
        const ids = store.selectedStepIds.includes(node.data.stepId)
          ? store.selectedStepIds.filter((id) => id !== node.data.stepId)
          : [...store.selectedStepIds, node.data.stepId];
        store.select(ids.length > 0 ? { kind: 'steps', flowId: flow.id, ids } : { kind: 'none' });
      } else store.select({ kind: 'steps', flowId: flow.id, ids: [node.data.stepId] });
    },
    [store, flow.id],
  );
  const onNodeDoubleClick = useCallback(
    (_event: ReactMouseEvent, node: StepFlowNode) => {
      if (node.data.edgeId) return;
      store.setPanel('properties');
      store.select({ kind: 'steps', flowId: flow.id, ids: [node.data.stepId] }, 'text');
    },
    [store, flow.id],
  );
  const onEdgeClick = useCallback(
    (_event: ReactMouseEvent, edge: RouteFlowEdge) => {
      if (edge.data?.edgeId) store.select({ kind: 'edge', flowId: flow.id, id: edge.data.edgeId });
    },
    [store, flow.id],
  );
  const onPaneClick = useCallback(() => {
    setMenu(null);
    store.select({ kind: 'none' });
  }, [store]);
  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: StepFlowNode) => {
      event.preventDefault();
      if (node.data.edgeId) {
        store.select({ kind: 'edge', flowId: flow.id, id: node.data.edgeId });
        setMenu({ kind: 'edge', edgeId: node.data.edgeId, x: event.clientX, y: event.clientY });
        return;
      }
      if (!store.selectedStepIds.includes(node.data.stepId)) store.select({ kind: 'steps', flowId: flow.id, ids: [node.data.stepId] });
      setMenu({ kind: 'step', stepId: node.data.stepId, x: event.clientX, y: event.clientY });
    },
    [store, flow.id],
  );
  const onEdgeContextMenu = useCallback(
    (event: ReactMouseEvent, edge: RouteFlowEdge) => {
      event.preventDefault();
      if (!edge.data?.edgeId) return;
      store.select({ kind: 'edge', flowId: flow.id, id: edge.data.edgeId });
      setMenu({ kind: 'edge', edgeId: edge.data.edgeId, x: event.clientX, y: event.clientY });
    },
    [store, flow.id],
  );
  const onPaneContextMenu = useCallback((event: ReactMouseEvent | MouseEvent) => {
    event.preventDefault();
    setMenu({ kind: 'pane', x: event.clientX, y: event.clientY });
  }, []);
  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('designer.canvas.controls'),
      'controls.zoomIn.ariaLabel': t('designer.canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('designer.canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('designer.canvas.fit'),
      'minimap.ariaLabel': t('designer.canvas.minimap'),
      'handle.ariaLabel': t('designer.canvas.handle'),
    }),
    [t],
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
        text: plainTextOf(selected.text) || t('designer.canvas.noText'),
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
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onReconnect={onReconnect}
        edgesReconnectable
        onlyRenderVisibleElements={virtualize}
        nodesFocusable={false}
        edgesFocusable={false}
        disableKeyboardA11y
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={minZoom}
        maxZoom={2}
        zoomOnDoubleClick={false}
        // As in draw.io and bpmn.io: the wheel scrolls (Shift+wheel sideways), Ctrl+wheel
        // (Cmd+wheel on a Mac) and a trackpad pinch zoom around the pointer.
        panOnScroll
        panOnScrollSpeed={1}
        zoomOnPinch
        connectionRadius={CONNECTION_RADIUS}
        attributionPosition="top-right"
        ariaLabelConfig={ariaLabelConfig}
      >
        <ViewportPortal>
          <SwimlaneTable doc={doc} flow={flow} geometry={geometry} selectedStepIds={selectedStepIds} onlyVisibleRows={virtualize} />
        </ViewportPortal>
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton className="react-flow__controls-fitview" onClick={fitTable} title={t('designer.canvas.fit')} aria-label={t('designer.canvas.fit')}>
            <svg viewBox="0 0 32 30" aria-hidden="true" focusable="false">
              <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
            </svg>
          </ControlButton>
        </Controls>
        <MiniMap pannable zoomable style={MINIMAP_STYLE} nodeClassName={minimapNodeClass} />
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
