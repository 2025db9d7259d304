/**
 * The printed document, page by page: the identity page, then each
 * flowchart table split into pages, then the signature block and the notes.
 * Two steps, because text height is only known once a browser has laid the
 * text out: `planTables` fixes the column widths (so the browser can measure
 * the rows at their printed width), `planPages` paginates with the measured
 * heights.
 */
import type { Lang } from '../../core/i18n';
import { computeSwimlaneLayout } from '../../core/layout';
import type { SwimlaneLayout } from '../../core/layout/types';
import type { Flow, SopDocument } from '../../schemas/generated/sop.types';
import { connectorBandHeight, layoutPage, paginationInput, type PageDrawing } from './pageLayout';
import { paginate, type ConnectorPair, type TrailingBlock } from './paginate';
import { pageBox, type Margins, type Orientation, type PageBox, type PaperSize } from './paper';
import { planPrintTable, type PrintTablePlan } from './table';
import { printedTotal, type TotalRow } from './totals';
import type { NotationPreset } from '../../core/notation';

export interface PrintOptions {
  paper: PaperSize;
  orientation: Orientation;
  margins?: Partial<Margins>;
  /** Print only this flowchart; all of them when absent. */
  flowId?: string;
  lang: Lang;
  /** Inks of symbols, arrows and grid (core/notation); Standar when absent. */
  preset?: NotationPreset;
  /** Add a computed Jumlah Waktu row where the SOP states no total (the signer did not sign it: off by default). */
  computedTotal?: boolean;
  /** Print the SOP's title above a table that has no heading of its own (off by default). */
  tableTitle?: boolean;
}

export interface FlowTable {
  flow: Flow;
  plan: PrintTablePlan;
  /** The total row: the SOP's stated total, or the computed one when asked for; null: no such row. */
  total: TotalRow | null;
}

export interface TablePlans {
  box: PageBox;
  flows: FlowTable[];
  options: PrintOptions;
}

export function planTables(doc: SopDocument, options: PrintOptions): TablePlans {
  const box = pageBox(options.paper, options.orientation, options.margins);
  const flows = doc.flows.filter((f) => options.flowId === undefined || f.id === options.flowId);
  return {
    box,
    options,
    flows: flows.map((flow) => {
      const plan = planPrintTable(doc, flow, box, options.lang, { heading: Boolean(flow.title) || options.tableTitle === true });
      const hasWaktu = plan.columns.mutuBaku.some((c) => c.key === 'waktu');
      return { flow, plan, total: printedTotal(flow, options.lang, { computed: options.computedTotal === true && hasWaktu }) };
    }),
  };
}

/** Heights measured in the browser, in CSS px. */
export interface PrintMeasurements {
  identityHeight: number;
  footerHeight: number;
  signatureHeight: number;
  notesHeight: number;
  flows: Record<
    string,
    {
      headingHeight: number;
      continuedHeadingHeight: number;
      tableHeaderHeight: number;
      totalRowHeight: number;
      /** By step id and section id. */
      rowHeights: Record<string, number>;
    }
  >;
}

/** Below this the identity text would be too small to read: let it run over more sheets instead. */
const MIN_IDENTITY_ZOOM = 0.72;

export type TrailingKey = 'total' | 'signature' | 'notes';

export type PrintPage =
  | { kind: 'identity'; number: number; overflowPages: number; zoom: number }
  | {
      kind: 'flow';
      number: number;
      flowId: string;
      /** The first page of this flow (it carries the flow heading; the others a "continued" line). */
      first: boolean;
      /** The table part of the page: header, rows and the flowchart overlay; null for a page of closing blocks only. */
      drawing: PageDrawing | null;
      trailing: TrailingKey[];
    }
  | { kind: 'closing'; number: number; trailing: TrailingKey[] };

export interface FlowPrint {
  flow: Flow;
  plan: PrintTablePlan;
  total: TotalRow | null;
  layout: SwimlaneLayout;
  connectors: ConnectorPair[];
}

export interface PrintPlan {
  box: PageBox;
  pages: PrintPage[];
  flows: FlowPrint[];
  pageCount: number;
}

export function planPages(doc: SopDocument, tables: TablePlans, m: PrintMeasurements): PrintPlan {
  const { box } = tables;
  const pages: PrintPage[] = [];
  // A few px of slack: borders of collapsed tables round differently from the sum of row heights.
  const usable = box.contentHeight - m.footerHeight - 4;
  // An identity page a little too long (eleven laws under Dasar Hukum) is set smaller to stay on
  // one sheet, as a drafter would do in Word; only a much longer one runs over several sheets.
  const fit = m.identityHeight > 0 ? usable / m.identityHeight : 1;
  const zoom = fit >= 1 ? 1 : fit >= MIN_IDENTITY_ZOOM ? Math.floor(fit * 100) / 100 : 1;
  const identityPages = zoom < 1 ? 1 : Math.max(1, Math.ceil(m.identityHeight / Math.max(1, usable)));
  pages.push({ kind: 'identity', number: 1, overflowPages: identityPages - 1, zoom });
  let number = identityPages + 1;
  const flows: FlowPrint[] = [];
  const closing: TrailingBlock[] = [];
  if (m.signatureHeight > 0) closing.push({ key: 'signature', height: m.signatureHeight, inTable: false });
  if (m.notesHeight > 0) closing.push({ key: 'notes', height: m.notesHeight, inTable: false });

  tables.flows.forEach(({ flow, plan, total }, index) => {
    const fm = m.flows[flow.id];
    const layout = computeSwimlaneLayout(flow, { ...plan.layoutOptions, ...(fm ? { rowHeights: fm.rowHeights } : {}) });
    const { rows, links } = paginationInput(layout);
    const header = fm?.tableHeaderHeight ?? 0;
    const trailing: TrailingBlock[] = [];
    if (total) trailing.push({ key: 'total', height: fm?.totalRowHeight ?? 0, inTable: true });
    if (index === tables.flows.length - 1) trailing.push(...closing);
    const pagination = paginate({
      rows,
      links,
      firstPageBody: usable - (fm?.headingHeight ?? 0) - header,
      pageBody: usable - (fm?.continuedHeadingHeight ?? 0) - header,
      tableHeader: header,
      bandHeight: connectorBandHeight(plan.layoutOptions),
      connectorsPerBand: layout.lanes.length,
      trailing,
    });
    pagination.pages.forEach((page, p) => {
      const showsRows = page.end > page.start || (page.hasTable && p === 0);
      pages.push({
        kind: 'flow',
        number: number++,
        flowId: flow.id,
        first: p === 0,
        drawing: showsRows || page.hasTable ? layoutPage(layout, plan.layoutOptions, page) : null,
        trailing: page.trailing as TrailingKey[],
      });
    });
    flows.push({ flow, plan, total, layout, connectors: pagination.connectors });
  });
  if (tables.flows.length === 0 && closing.length > 0) {
    pages.push({ kind: 'closing', number: number++, trailing: closing.map((c) => c.key as TrailingKey) });
  }
  return { box, pages, flows, pageCount: number - 1 };
}
