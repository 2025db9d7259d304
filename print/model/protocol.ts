/**
 * What the Node printer (print/pdf) and the print page (print/view/printEntry)
 * say to each other: the options `window.sopPrint.render` takes, and the
 * summary of what went on which page it resolves with. Pure, so the printer
 * never imports the React view it drives.
 */
import type { Lang } from '../../core/i18n';
import type { NotationPreset } from '../../core/notation';
import type { Margins, Orientation, PaperSize } from './paper';
import type { PrintPlan } from './printPlan';

export interface RenderPrintOptions {
  paper: PaperSize;
  orientation: Orientation;
  margins?: Partial<Margins>;
  flowId?: string;
  lang?: Lang;
  /** Inks: Standar (default) or Hitam putih. */
  preset?: NotationPreset;
  /** Add a computed total row where the SOP states none. */
  computedTotal?: boolean;
  /** Print the SOP's title above a table without a heading of its own. */
  tableTitle?: boolean;
}

export interface PrintSummary {
  pageCount: number;
  pages: Array<{ number: number; kind: string; flowId?: string; steps: string[]; connectors: Array<{ letter: string; edgeId: string; direction: 'in' | 'out' }> }>;
  connectors: Array<{ flowId: string; letter: string; edgeId: string; fromPage: number; toPage: number }>;
  /** Per flow: the share of their printed size (core/notation) the symbols were drawn at, after the lanes scaled them. */
  symbolScales: Record<string, number>;
  /** Filled in by the printer: px by which each sheet's content overflows it (all 0 when nothing is clipped). */
  overflow?: number[];
}

export function summarize(plan: PrintPlan): PrintSummary {
  const pageOfFlowPage = new Map<string, number[]>();
  const pages = plan.pages.map((page) => {
    if (page.kind !== 'flow') return { number: page.number, kind: page.kind, steps: [], connectors: [] };
    const list = pageOfFlowPage.get(page.flowId) ?? [];
    list.push(page.number);
    pageOfFlowPage.set(page.flowId, list);
    return {
      number: page.number,
      kind: page.kind,
      flowId: page.flowId,
      steps: page.drawing?.bands.filter((b) => b.kind === 'step').map((b) => b.key) ?? [],
      connectors: page.drawing?.connectors.map((c) => ({ letter: c.letter, edgeId: c.edgeId, direction: c.direction })) ?? [],
    };
  });
  const connectors = plan.flows.flatMap((flow) =>
    flow.connectors.map((c) => ({
      flowId: flow.flow.id,
      letter: c.letter,
      edgeId: c.linkId,
      fromPage: pageOfFlowPage.get(flow.flow.id)![c.fromPage]!,
      toPage: pageOfFlowPage.get(flow.flow.id)![c.toPage]!,
    })),
  );
  const symbolScales = Object.fromEntries(plan.flows.map((flow) => [flow.flow.id, flow.plan.metrics.symbolScale] as const));
  return { pageCount: plan.pageCount, pages, connectors, symbolScales };
}

