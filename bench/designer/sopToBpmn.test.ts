import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { loadSample } from '../../samples/loadSamples.node.ts';
import { generateSop } from '../generateSop';
import { sopToBpmn } from './sopToBpmn';

/** How many elements of each BPMN type the XML holds, read back by bpmn-moddle (the parser bpmn-js uses). */
async function parse(xml: string) {
  const { elementsById, warnings } = await new BpmnModdle().fromXML(xml);
  const count = new Map<string, number>();
  for (const element of Object.values(elementsById)) count.set(element.$type, (count.get(element.$type) ?? 0) + 1);
  return { warnings, count: (type: string) => count.get(type) ?? 0 };
}

describe('sopToBpmn (the bpmn-js side of the designer benchmark)', () => {
  it('draws a generated 100-step, 12-lane SOP as the same tasks, gateways, lanes and flows', async () => {
    const doc = generateSop({ steps: 100, lanes: 12 });
    const flow = doc.flows[0]!;
    const diagram = sopToBpmn(doc);
    const kinds = (kind: string) => flow.steps.filter((s) => s.kind === kind).length;
    const { warnings, count } = await parse(diagram.xml);
    expect(warnings).toEqual([]);
    expect(count('bpmn:Participant')).toBe(1);
    expect(count('bpmn:Lane')).toBe(12);
    expect(count('bpmn:StartEvent')).toBe(1);
    expect(count('bpmn:EndEvent')).toBe(1);
    expect(count('bpmn:Task')).toBe(kinds('process'));
    expect(count('bpmn:ExclusiveGateway')).toBe(kinds('decision'));
    expect(kinds('decision')).toBeGreaterThan(10);
    expect(count('bpmn:Task') + count('bpmn:ExclusiveGateway') + 2).toBe(100);
    expect(count('bpmn:SequenceFlow')).toBe(flow.edges.length);
    // Every node and flow has DI, so bpmn-js draws it where we put it.
    expect(count('bpmndi:BPMNShape')).toBe(1 + 12 + 100);
    expect(count('bpmndi:BPMNEdge')).toBe(flow.edges.length);
    expect(diagram.counts).toMatchObject({ lanes: 12, tasks: kinds('process'), exclusiveGateways: kinds('decision'), sequenceFlows: flow.edges.length });
  });

  it('keeps back-edges as flows into an earlier step, labelled as in the SOP', async () => {
    const doc = generateSop({ steps: 30, lanes: 4 });
    const { xml } = sopToBpmn(doc);
    const back = doc.flows[0]!.edges.filter((e) => e.label === 'Tidak');
    expect(back.length).toBeGreaterThan(2);
    for (const edge of back) {
      expect(xml).toContain(`<bpmn:sequenceFlow id="Flow_${edge.id}" name="Tidak" sourceRef="Step_${edge.from}" targetRef="Step_${edge.to}" />`);
    }
  });

  it('draws the largest sample, with an end event for each arrow leaving the SOP', async () => {
    const doc = loadSample('lmj-04-anak-terlantar-jalanan')!;
    const flow = doc.flows[0]!;
    const diagram = sopToBpmn(doc);
    const { warnings, count } = await parse(diagram.xml);
    expect(warnings).toEqual([]);
    const leaves = flow.edges.filter((e) => e.to === undefined).length;
    expect(count('bpmn:Lane')).toBe(flow.lanes.length);
    expect(count('bpmn:EndEvent')).toBe(flow.steps.filter((s) => s.kind === 'end').length + leaves);
    expect(count('bpmn:SequenceFlow')).toBe(flow.edges.length);
    expect(count('bpmndi:BPMNShape')).toBe(1 + flow.lanes.length + flow.steps.length + leaves);
  });
});
