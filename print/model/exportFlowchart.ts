/**
 * "Export the flowchart as SVG" for the designer and the print view: the
 * same layout as screen and paper, drawn as one standalone SVG.
 */
import type { Lang } from '../../core/i18n';
import { computeSwimlaneLayout } from '../../core/layout';
import { symbolSizes, type NotationPreset } from '../../core/notation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { flowchartToSvg } from './flowchartSvg';

/** Lanes of the exported image: room for the printed symbols with their gutters. */
const EXPORT_LANE_WIDTH = 128;

export function exportFlowchartSvg(doc: SopDocument, flowId: string | undefined, _lang: Lang = 'id', preset: NotationPreset = 'standar'): string | null {
  const flow = flowId === undefined ? doc.flows[0] : doc.flows.find((f) => f.id === flowId);
  if (!flow) return null;
  const layout = computeSwimlaneLayout(flow, {
    actors: doc.actors,
    laneWidth: EXPORT_LANE_WIDTH,
    symbolSizes: symbolSizes(1),
    textColumns: { kegiatan: 0, kelengkapan: 0, waktu: 0, output: 0, keterangan: 0 },
  });
  const title = flow.title ?? doc.identity.title;
  return flowchartToSvg(layout, {
    ...(title ? { title } : {}),
    stepNumbers: new Map(flow.steps.map((s) => [s.id, s.number ?? ''] as const)),
    preset,
  });
}
