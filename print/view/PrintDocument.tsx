import { useEffect, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { createTranslator, type Lang, type Translate } from '../../core/i18n';
import {
  documentLanguage,
  planPages,
  planTables,
  type FlowTable,
  type Margins,
  type Orientation,
  type PaperSize,
  type PrintMeasurements,
  type PrintPlan,
  type TablePlans,
  type TrailingKey,
} from '../model';
import { PRESETS, type NotationPreset } from '../../core/notation';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { NotesBlock, SignatureBlock } from './ClosingBlocks';
import { FlowchartTable, type TableBand } from './FlowchartTable';
import { IdentityPage } from './IdentityPage';
import { PageFooter, PrintPage } from './PrintPage';
import './print.css';

export interface PrintDocumentProps {
  doc: SopDocument;
  paper?: PaperSize;
  orientation?: Orientation;
  /** Margins in mm. */
  margins?: Partial<Margins>;
  /** Print one flowchart; all when absent. */
  flowId?: string;
  /** Language of the printed labels; the document's own (Bahasa Indonesia) when absent, never the interface's. */
  lang?: Lang;
  /** Inks: Standar (default) or Hitam putih, for photocopies. */
  preset?: NotationPreset;
  /** Add a computed total row where the SOP states none (not signed: off by default). */
  computedTotal?: boolean;
  /** Print the SOP's title above a table that has no heading of its own (not signed: off by default). */
  tableTitle?: boolean;
  /** Called once the pages are laid out (measured and paginated). */
  onReady?: (plan: PrintPlan) => void;
}

interface Measured {
  tables: TablePlans;
  plan: PrintPlan;
  overlay: Record<string, { left: number; top: number }>;
}

/**
 * The printable SOP: identity page, flowchart tables split into pages with
 * off-page connectors, signature and notes. Rendered twice: first an
 * invisible sheet at the printed width, whose rows the browser lays out and
 * we measure; then the pages, paginated with those heights and with the
 * flowchart laid out on the measured rows. Nothing is clipped: rows grow
 * with their text and pages break between rows.
 */
export function PrintDocument({ doc, paper = 'a4', orientation = 'landscape', margins, flowId, lang, preset = 'standar', computedTotal = false, tableTitle = false, onReady }: PrintDocumentProps) {
  const language = lang ?? documentLanguage(doc);
  const t = useMemo(() => createTranslator(language), [language]);
  const marginKey = JSON.stringify(margins ?? {});
  const tables = useMemo(
    () =>
      planTables(doc, {
        paper,
        orientation,
        margins: JSON.parse(marginKey) as Partial<Margins>,
        lang: language,
        preset,
        computedTotal,
        tableTitle,
        ...(flowId ? { flowId } : {}),
      }),
    [doc, paper, orientation, marginKey, flowId, language, preset, computedTotal, tableTitle],
  );
  const [measured, setMeasured] = useState<Measured | null>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const sheetOrPages = useRef<HTMLDivElement>(null);
  const current = measured?.tables === tables ? measured : null;

  useLayoutEffect(() => {
    if (current || !sheet.current) return;
    const { measurements, overlay } = measureSheet(sheet.current, tables);
    setMeasured({ tables, plan: planPages(doc, tables, measurements), overlay });
  }, [current, tables, doc]);

  useLayoutEffect(() => markBodyWhileShown(sheetOrPages.current), []);

  useEffect(() => {
    if (current) onReady?.(current.plan);
    // onReady is an event callback: a new function identity must not re-announce the same pages.
  }, [current]);

  const box = tables.box;
  const pageStyle = `@page { size: ${box.widthMm}mm ${box.heightMm}mm; margin: 0; }`;
  return (
    <div
      ref={sheetOrPages}
      className={`print-document print-document--${box.orientation} print-document--${preset}`}
      data-print-state={current ? 'ready' : 'measuring'}
      data-page-count={current?.plan.pageCount}
      data-preset={preset}
      lang={language}
      style={{
        ['--print-font-size' as string]: `${tables.flows[0]?.plan.metrics.fontSize ?? 11}px`,
        ['--print-line-height' as string]: `${tables.flows[0]?.plan.metrics.lineHeight ?? 14}px`,
        ...presetStyle(preset),
      }}
    >
      <style>{pageStyle}</style>
      {current ? <Pages doc={doc} measured={current} t={t} /> : <MeasureSheet ref={sheet} doc={doc} tables={tables} t={t} />}
    </div>
  );
}

/** Print documents shown per page (stories may show several at once). */
const shownIn = new WeakMap<Document, number>();

/**
 * Marks <body> with `print-document-shown` while a print document is on the page: on paper,
 * print.css then hides everything else the page shows (the preview's controls, the app around it).
 */
function markBodyWhileShown(element: HTMLElement | null): (() => void) | undefined {
  const page = element?.ownerDocument;
  if (!page?.body) return undefined;
  const body = page.body;
  shownIn.set(page, (shownIn.get(page) ?? 0) + 1);
  body.classList.add('print-document-shown');
  return () => {
    const left = (shownIn.get(page) ?? 1) - 1;
    shownIn.set(page, left);
    if (left === 0) body.classList.remove('print-document-shown');
  };
}

/** The table's rules and shading from the preset (core/notation), like the symbols and arrows. */
export function presetStyle(preset: NotationPreset): Record<string, string> {
  const inks = PRESETS[preset];
  return { '--print-rule': inks.grid.stroke, '--print-rule-width': `${inks.grid.width}px`, '--print-soft': inks.shade, '--print-ink': inks.ink };
}

/** Share of the sheet the identity grid fills, as on signed SOPs (the footer and the attachment line take the rest). */
const IDENTITY_FILL = 0.86;

function Pages({ doc, measured, t }: { doc: SopDocument; measured: Measured; t: Translate }) {
  const { plan, overlay } = measured;
  const running = runningLine(doc);
  const esign = doc.electronicSignature?.inEveryFooter ? doc.electronicSignature : undefined;
  const preset = measured.tables.options.preset;
  const tableTitle = measured.tables.options.tableTitle === true;
  const flowTables = new Map(measured.tables.flows.map((f) => [f.flow.id, f] as const));
  return (
    <>
      {plan.pages.map((page) => {
        if (page.kind === 'identity') {
          return (
            <PrintPage key="identity" box={plan.box} number={page.number} pageCount={plan.pageCount} running={running} esign={esign} footer={page.overflowPages === 0} overflow={page.overflowPages > 0} t={t}>
              <div className="print-identity" style={page.zoom < 1 ? { zoom: page.zoom } : undefined}>
                <IdentityPage doc={doc} t={t} {...(page.zoom === 1 && page.overflowPages === 0 ? { fillHeight: Math.floor(plan.box.contentHeight * IDENTITY_FILL) } : {})} />
              </div>
              {plan.flows.length === 0 && doc.flows.length === 0 ? <p className="print-note">{t('print.doc.noFlow')}</p> : null}
            </PrintPage>
          );
        }
        if (page.kind === 'closing') {
          return (
            <PrintPage key={`closing-${page.number}`} box={plan.box} number={page.number} pageCount={plan.pageCount} running={running} esign={esign} t={t}>
              <Trailing keys={page.trailing} doc={doc} t={t} />
            </PrintPage>
          );
        }
        const table = flowTables.get(page.flowId)!;
        const drawing = page.drawing;
        return (
          <PrintPage key={`${page.flowId}-${page.number}`} box={plan.box} number={page.number} pageCount={plan.pageCount} running={running} esign={esign} t={t}>
            <FlowHeading doc={doc} table={table} first={page.first} tableTitle={tableTitle} t={t} />
            {drawing ? (
              <FlowchartTable
                table={table}
                bands={drawing.bands.map((b) => ({ kind: b.kind, key: b.key, height: b.height, ...(b.mergedInto ? { mergedInto: b.mergedInto } : {}) }))}
                drawing={drawing}
                overlayOffset={overlay[page.flowId]}
                showTotal={page.trailing.includes('total')}
                {...(preset ? { preset } : {})}
                t={t}
              />
            ) : null}
            <Trailing keys={page.trailing.filter((k) => k !== 'total')} doc={doc} t={t} />
          </PrintPage>
        );
      })}
    </>
  );
}

function Trailing({ keys, doc, t }: { keys: readonly TrailingKey[]; doc: SopDocument; t: Translate }) {
  return (
    <>
      {keys.includes('signature') ? <SignatureBlock doc={doc} t={t} /> : null}
      {keys.includes('notes') ? <NotesBlock doc={doc} t={t} /> : null}
    </>
  );
}

/** "Nomor · Nama SOP" at the foot of every page, from the fields the SOP has. */
function runningLine(doc: SopDocument): string {
  return [doc.identity.number, doc.identity.title].filter((s): s is string => typeof s === 'string' && s.trim() !== '').join(' · ');
}

/**
 * The heading above a table: the one the SOP gives the table (its own words),
 * else, only when the reader asks for it, the SOP's title (an addition the
 * signer did not approve). Titles keep the case they were written in.
 */
function flowTitle(doc: SopDocument, table: FlowTable, tableTitle: boolean, t: Translate): string | null {
  if (table.flow.title) return table.flow.title;
  if (!tableTitle) return null;
  const title = doc.identity.title ?? '';
  const index = doc.flows.indexOf(table.flow);
  return doc.flows.length > 1 ? `${t('print.doc.flowHeading')} ${index + 1}: ${title}` : title || null;
}

function FlowHeading({ doc, table, first, tableTitle, t }: { doc: SopDocument; table: FlowTable; first: boolean; tableTitle: boolean; t: Translate }) {
  const title = flowTitle(doc, table, tableTitle, t);
  if (title === null) return null;
  if (!first) return <p className="flow-heading flow-heading--continued">{t('print.doc.continued', { title })}</p>;
  return (
    <div className="flow-heading" data-part="flow-heading">
      <p className="flow-heading__title">{title}</p>
    </div>
  );
}

/** Everything the pages can hold, at the printed width, hidden: the browser lays it out and we read the heights. */
function MeasureSheet({ ref, doc, tables, t }: { ref: Ref<HTMLDivElement>; doc: SopDocument; tables: TablePlans; t: Translate }) {
  const tableTitle = tables.options.tableTitle === true;
  const esign = doc.electronicSignature?.inEveryFooter ? doc.electronicSignature : undefined;
  return (
    <div ref={ref} className="print-measure" aria-hidden="true" style={{ width: tables.box.contentWidth }}>
      <div data-measure="identity">
        <IdentityPage doc={doc} t={t} />
      </div>
      <div data-measure="footer">
        <PageFooter running="x" text={t('print.doc.pageOf', { page: 1, pages: 1 })} esign={esign} t={t} />
      </div>
      <div data-measure="signature">
        <SignatureBlock doc={doc} t={t} />
      </div>
      <div data-measure="notes">
        <NotesBlock doc={doc} t={t} />
      </div>
      {tables.flows.map((table) => {
        const estimate = table.plan.estimate;
        const bands: TableBand[] = estimate.bands.map((band) => {
          const row = band.kind === 'step' ? estimate.rows.find((r) => r.stepId === band.key) : undefined;
          // Steps are measured at their symbol band's height as a floor, so text alone decides any extra.
          return row ? { kind: 'step', key: band.key, height: row.minHeight } : { kind: band.kind, key: band.key };
        });
        return (
          <div key={table.flow.id} data-measure-flow={table.flow.id}>
            <div data-measure="heading">
              <FlowHeading doc={doc} table={table} first tableTitle={tableTitle} t={t} />
            </div>
            <div data-measure="continued">
              <FlowHeading doc={doc} table={table} first={false} tableTitle={tableTitle} t={t} />
            </div>
            <FlowchartTable table={table} bands={bands} showTotal t={t} />
          </div>
        );
      })}
    </div>
  );
}

function measureSheet(root: HTMLElement, tables: TablePlans): { measurements: PrintMeasurements; overlay: Measured['overlay'] } {
  const height = (el: Element | null) => (el ? el.getBoundingClientRect().height : 0);
  const measurements: PrintMeasurements = {
    identityHeight: height(root.querySelector('[data-measure="identity"]')),
    footerHeight: height(root.querySelector('[data-measure="footer"]')),
    signatureHeight: height(root.querySelector('[data-measure="signature"] > *')),
    notesHeight: height(root.querySelector('[data-measure="notes"] > *')),
    flows: {},
  };
  const overlay: Measured['overlay'] = {};
  for (const { flow } of tables.flows) {
    const box = root.querySelector(`[data-measure-flow="${CSS.escape(flow.id)}"]`);
    if (!box) continue;
    const table = box.querySelector('table.flow-table__table')!;
    const tableTop = table.getBoundingClientRect().top;
    const tableLeft = table.getBoundingClientRect().left;
    const body = table.querySelector('tbody')!;
    const rowHeights: Record<string, number> = {};
    for (const tr of body.querySelectorAll<HTMLTableRowElement>('tr[data-band]')) {
      const key = tr.dataset['band']!;
      if (key !== 'total') rowHeights[key] = tr.getBoundingClientRect().height;
    }
    const firstBodyRow = body.querySelector('tr');
    const headerHeight = firstBodyRow ? firstBodyRow.getBoundingClientRect().top - tableTop : height(table.querySelector('thead'));
    const firstLane = table.querySelector('th[data-lane="0"]');
    overlay[flow.id] = { left: firstLane ? firstLane.getBoundingClientRect().left - tableLeft : 0, top: headerHeight };
    measurements.flows[flow.id] = {
      headingHeight: height(box.querySelector('[data-measure="heading"]')),
      continuedHeadingHeight: height(box.querySelector('[data-measure="continued"]')),
      tableHeaderHeight: headerHeight,
      totalRowHeight: height(body.querySelector('tr[data-band="total"]')),
      rowHeights,
    };
  }
  return { measurements, overlay };
}
