/**
 * "Export the flowchart as SVG" for the designer and the print view: the
 * same layout as screen and paper, drawn as one standalone SVG.
 */
import type { Lang } from '../i18n';
import { computeSwimlaneLayout } from '../layout';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { flowchartToSvg } from './flowchartSvg';

export function exportFlowchartSvg(doc: SopDocument, flowId: string | undefined, _lang: Lang = 'id'): string | null {
  const flow = flowId === undefined ? doc.flows[0] : doc.flows.find((f) => f.id === flowId);
  if (!flow) return null;
  const layout = computeSwimlaneLayout(flow, { actors: doc.actors, textColumns: { kegiatan: 0, kelengkapan: 0, waktu: 0, output: 0, keterangan: 0 } });
  return flowchartToSvg(layout, {
    title: flow.title ?? doc.identity.title,
    stepNumbers: new Map(flow.steps.map((s) => [s.id, s.number ?? ''] as const)),
  });
}
