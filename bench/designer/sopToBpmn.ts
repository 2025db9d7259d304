/**
 * One flow of an SOP as a BPMN 2.0 diagram, for the designer benchmark's
 * comparison with bpmn-js: the same work drawn by the other tool.
 *
 * - a participant (pool) with one lane per lane actor of the flow, in order;
 * - one flow node per step: start → startEvent, end → endEvent, process → task,
 *   decision → exclusiveGateway, connector → intermediateThrowEvent;
 *   an arrow that leaves the SOP ends at an extra endEvent named after its target;
 * - one sequenceFlow per edge (back-edges included), named with its label;
 * - DI: a shape for the pool, every lane and every node, an edge with
 *   orthogonal waypoints for every flow, so bpmn-js draws it without guessing.
 *
 * Steps go left to right, one column each, in the lane of their first laned
 * actor (a step without one stays in the previous step's lane). Pure: no DOM.
 */
import type { Flow, SopDocument, Step } from '../../schemas/generated/sop.types';
import { plainTextOf } from '../../core/text/richText';

export interface BpmnCounts {
  lanes: number;
  startEvents: number;
  endEvents: number;
  tasks: number;
  exclusiveGateways: number;
  intermediateThrowEvents: number;
  sequenceFlows: number;
  /** BPMNShape elements: pool + lanes + flow nodes. */
  shapes: number;
  /** BPMNEdge elements: one per sequence flow. */
  edges: number;
}

export interface BpmnDiagram {
  xml: string;
  counts: BpmnCounts;
  /** BPMN id of the last step's node and of the last sequence flow, for "it is drawn" checks. */
  lastNodeId: string;
  lastFlowId: string;
}

const POOL_LABEL = 30;
const LANE_HEIGHT = 140;
const COLUMN = 150;
const FIRST_X = POOL_LABEL + 40;
const SIZE: Record<'task' | 'gateway' | 'event', { w: number; h: number }> = {
  task: { w: 100, h: 80 },
  gateway: { w: 50, h: 50 },
  event: { w: 36, h: 36 },
};

type NodeType = 'startEvent' | 'endEvent' | 'task' | 'exclusiveGateway' | 'intermediateThrowEvent';

interface Node {
  id: string;
  type: NodeType;
  name: string;
  lane: number;
  x: number;
  y: number;
  w: number;
  h: number;
  incoming: string[];
  outgoing: string[];
  column: number;
}

const TYPE_OF_KIND: Record<Step['kind'], NodeType> = {
  start: 'startEvent',
  end: 'endEvent',
  process: 'task',
  decision: 'exclusiveGateway',
  connector: 'intermediateThrowEvent',
};

/** An XML NCName from a local id (ids may start with a digit). */
function xmlId(prefix: string, id: string): string {
  return `${prefix}_${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

function sizeOf(type: NodeType) {
  return type === 'task' ? SIZE.task : type === 'exclusiveGateway' ? SIZE.gateway : SIZE.event;
}

export function sopToBpmn(doc: SopDocument, flowId?: string): BpmnDiagram {
  const flow: Flow | undefined = flowId ? doc.flows.find((f) => f.id === flowId) : doc.flows[0];
  if (!flow) throw new Error(`sopToBpmn: no flow ${flowId ?? '(first)'}`);
  const actorLabel = new Map(doc.actors.map((a) => [a.id, a.label]));
  const laneActors = flow.lanes.length > 0 ? flow.lanes : [null];
  const laneIndex = new Map(flow.lanes.map((id, i) => [id, i]));
  const laneCentre = (lane: number) => lane * LANE_HEIGHT + LANE_HEIGHT / 2;

  const nodes: Node[] = [];
  const byStep = new Map<string, Node>();
  let column = 0;
  let lane = 0;
  const place = (id: string, type: NodeType, name: string, nodeLane: number): Node => {
    const { w, h } = sizeOf(type);
    const cx = FIRST_X + column * COLUMN + SIZE.task.w / 2;
    const node: Node = { id, type, name, lane: nodeLane, x: cx - w / 2, y: laneCentre(nodeLane) - h / 2, w, h, incoming: [], outgoing: [], column };
    column++;
    nodes.push(node);
    return node;
  };

  const leavesBySource = new Map<string, typeof flow.edges>();
  for (const edge of flow.edges) {
    if (edge.to === undefined) leavesBySource.set(edge.from, [...(leavesBySource.get(edge.from) ?? []), edge]);
  }
  const exitNode = new Map<string, Node>();
  for (const step of flow.steps) {
    const laned = step.actors.find((a) => laneIndex.has(a.actor));
    if (laned) lane = laneIndex.get(laned.actor)!;
    const node = place(xmlId('Step', step.id), TYPE_OF_KIND[step.kind], plainTextOf(step.text), lane);
    byStep.set(step.id, node);
    for (const edge of leavesBySource.get(step.id) ?? []) {
      exitNode.set(edge.id, place(xmlId('Exit', edge.id), 'endEvent', edge.leaves?.target ?? '', lane));
    }
  }

  interface SequenceFlow {
    id: string;
    name?: string;
    source: Node;
    target: Node;
  }
  const flows: SequenceFlow[] = [];
  for (const edge of flow.edges) {
    const source = byStep.get(edge.from);
    const target = edge.to !== undefined ? byStep.get(edge.to) : exitNode.get(edge.id);
    if (!source || !target) continue; // a dangling edge: the designer reports it; BPMN cannot hold it
    const id = xmlId('Flow', edge.id);
    source.outgoing.push(id);
    target.incoming.push(id);
    flows.push({ id, ...(edge.label ? { name: edge.label } : {}), source, target });
  }

  const width = FIRST_X + Math.max(1, column) * COLUMN + 40;
  const height = laneActors.length * LANE_HEIGHT;
  const laneIds = laneActors.map((actor, i) => xmlId('Lane', actor ?? `lane${i}`));

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' +
      'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ' +
      `id="Definitions_${xmlId('Sop', doc.id)}" targetNamespace="https://sop-studio.go.id/bpmn">`,
  );
  out.push(`<bpmn:collaboration id="Collaboration_1"><bpmn:participant id="Participant_1" name="${escapeXml(doc.identity.title ?? '')}" processRef="Process_1" /></bpmn:collaboration>`);
  out.push('<bpmn:process id="Process_1" isExecutable="false">');
  out.push('<bpmn:laneSet id="LaneSet_1">');
  laneActors.forEach((actor, i) => {
    out.push(`<bpmn:lane id="${laneIds[i]}" name="${escapeXml(actor ? (actorLabel.get(actor) ?? actor) : '')}">`);
    for (const node of nodes) if (node.lane === i) out.push(`<bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>`);
    out.push('</bpmn:lane>');
  });
  out.push('</bpmn:laneSet>');
  for (const node of nodes) {
    out.push(`<bpmn:${node.type} id="${node.id}" name="${escapeXml(node.name)}">`);
    for (const id of node.incoming) out.push(`<bpmn:incoming>${id}</bpmn:incoming>`);
    for (const id of node.outgoing) out.push(`<bpmn:outgoing>${id}</bpmn:outgoing>`);
    out.push(`</bpmn:${node.type}>`);
  }
  for (const f of flows) {
    out.push(`<bpmn:sequenceFlow id="${f.id}"${f.name ? ` name="${escapeXml(f.name)}"` : ''} sourceRef="${f.source.id}" targetRef="${f.target.id}" />`);
  }
  out.push('</bpmn:process>');

  out.push('<bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collaboration_1">');
  const bounds = (x: number, y: number, w: number, h: number) => `<dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" />`;
  out.push(`<bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true">${bounds(0, 0, width, height)}</bpmndi:BPMNShape>`);
  laneIds.forEach((id, i) => {
    out.push(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}" isHorizontal="true">${bounds(POOL_LABEL, i * LANE_HEIGHT, width - POOL_LABEL, LANE_HEIGHT)}</bpmndi:BPMNShape>`);
  });
  for (const node of nodes) {
    out.push(`<bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"${node.type === 'exclusiveGateway' ? ' isMarkerVisible="true"' : ''}>${bounds(node.x, node.y, node.w, node.h)}</bpmndi:BPMNShape>`);
  }
  // Back-edges run under their nodes, one track per loop so they do not overlap.
  let backTrack = 0;
  for (const f of flows) {
    const points = waypoints(f.source, f.target, backTrack);
    if (f.target.column <= f.source.column) backTrack = (backTrack + 1) % 3;
    out.push(`<bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">${points.map((p) => `<di:waypoint x="${p.x}" y="${p.y}" />`).join('')}</bpmndi:BPMNEdge>`);
  }
  out.push('</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>');
  out.push('</bpmn:definitions>');

  const count = (type: NodeType) => nodes.filter((n) => n.type === type).length;
  const lastStep = flow.steps.at(-1);
  return {
    xml: out.join('\n'),
    counts: {
      lanes: laneActors.length,
      startEvents: count('startEvent'),
      endEvents: count('endEvent'),
      tasks: count('task'),
      exclusiveGateways: count('exclusiveGateway'),
      intermediateThrowEvents: count('intermediateThrowEvent'),
      sequenceFlows: flows.length,
      shapes: 1 + laneActors.length + nodes.length,
      edges: flows.length,
    },
    lastNodeId: lastStep ? byStep.get(lastStep.id)!.id : '',
    lastFlowId: flows.at(-1)?.id ?? '',
  };
}

/** Orthogonal waypoints: forward flows from the right side to the left side, back-edges below both nodes. */
function waypoints(source: Node, target: Node, track: number): { x: number; y: number }[] {
  const scx = source.x + source.w / 2;
  const scy = source.y + source.h / 2;
  const tcx = target.x + target.w / 2;
  const tcy = target.y + target.h / 2;
  if (target.column > source.column) {
    const sx = source.x + source.w;
    const tx = target.x;
    if (scy === tcy) return [{ x: sx, y: scy }, { x: tx, y: tcy }];
    const mid = Math.round(sx + (COLUMN - SIZE.task.w) / 2 - 5);
    return [{ x: sx, y: scy }, { x: mid, y: scy }, { x: mid, y: tcy }, { x: tx, y: tcy }];
  }
  const below = Math.max(source.y + source.h, target.y + target.h) + 8 + track * 6;
  return [
    { x: scx, y: source.y + source.h },
    { x: scx, y: below },
    { x: tcx, y: below },
    { x: tcx, y: target.y + target.h },
  ];
}
