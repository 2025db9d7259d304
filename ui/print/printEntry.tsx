/**
 * Entry of the print bundle the CLI injects into headless Chromium
 * (`sop print`): `window.sopPrint.render(doc, options)` mounts the print view
 * and resolves once the pages are measured and paginated, with a summary the
 * CLI and the tests can check.
 */
import { createRoot } from 'react-dom/client';
import type { Lang } from '../../core/i18n';
import type { Margins, Orientation, PaperSize, PrintPlan } from '../../core/print';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { I18nProvider } from '../i18n';
import { PrintDocument } from './PrintDocument';

export interface RenderPrintOptions {
  paper: PaperSize;
  orientation: Orientation;
  margins?: Partial<Margins>;
  flowId?: string;
  lang?: Lang;
}

export interface PrintSummary {
  pageCount: number;
  pages: Array<{ number: number; kind: string; flowId?: string; steps: string[]; connectors: Array<{ letter: string; edgeId: string; direction: 'in' | 'out' }> }>;
  connectors: Array<{ flowId: string; letter: string; edgeId: string; fromPage: number; toPage: number }>;
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
  return { pageCount: plan.pageCount, pages, connectors };
}

export function render(doc: SopDocument, options: RenderPrintOptions, container: HTMLElement = document.body): Promise<PrintSummary> {
  return new Promise((resolve) => {
    const root = createRoot(container);
    root.render(
      <I18nProvider initialLang={options.lang ?? 'id'} persist={false}>
        <PrintDocument
          doc={doc}
          paper={options.paper}
          orientation={options.orientation}
          lang={options.lang ?? 'id'}
          {...(options.margins ? { margins: options.margins } : {})}
          {...(options.flowId ? { flowId: options.flowId } : {})}
          onReady={(plan) => resolve(summarize(plan))}
        />
      </I18nProvider>,
    );
  });
}

(globalThis as unknown as { sopPrint: { render: typeof render } }).sopPrint = { render };
