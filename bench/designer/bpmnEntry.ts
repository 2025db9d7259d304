// Bundled into an IIFE and injected into Chromium by bench/runDesignerBench.ts:
// bpmn-js importing the BPMN version of the same SOP (sopToBpmn).
import Modeler from 'bpmn-js/lib/Modeler';
import Viewer from 'bpmn-js/lib/Viewer';
// The editor's palette, context pad and overlays need diagram-js's stylesheet; the viewer draws without it.
import 'bpmn-js/dist/assets/diagram-js.css';
import { whenShown } from './frames';

export interface BpmnOpenInput {
  xml: string;
  mode: 'viewer' | 'modeler';
  lastNodeId: string;
  lastFlowId: string;
}

/** Creates the viewer (or modeler), imports the XML, and resolves when the first frame showing the last node and the last flow is painted. */
async function open({ xml, mode, lastNodeId, lastFlowId }: BpmnOpenInput): Promise<{ firstRenderMs: number; shapes: number; warnings: number }> {
  const container = document.getElementById('root')!;
  const started = performance.now();
  const Tool = mode === 'viewer' ? Viewer : Modeler;
  const tool = new Tool({ container });
  const { warnings } = await tool.importXML(xml);
  const drawn = (id: string) => container.querySelector(`[data-element-id="${CSS.escape(id)}"]`) !== null;
  const shown = await whenShown(() => drawn(lastNodeId) && drawn(lastFlowId), `bpmn-js ${mode}`);
  return { firstRenderMs: shown - started, shapes: container.querySelectorAll('.djs-element').length, warnings: warnings.length };
}

(globalThis as unknown as { bpmnBench: unknown }).bpmnBench = { open };
