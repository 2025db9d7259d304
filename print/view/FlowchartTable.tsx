import type { Translate } from '../../core/i18n';
import type { LayoutNode } from '../../core/layout/types';
import type { NotationPreset } from '../../core/notation';
import { conditionText } from '../../core/table';
import { plainTextOf } from '../../core/text/richText';
import type { FlowTable, PageDrawing } from '../model';
import type { Step } from '../../schemas/generated/sop.types';
import { FlowOverlay } from './FlowOverlay';
import { ItemList, PlainText } from './PlainText';

export interface TableBand {
  kind: 'step' | 'section' | 'connectors';
  key: string;
  /** Row height in px; absent while the browser measures the natural height. */
  height?: number;
  /** Connector bands: the row they are printed in (the page's first or last). */
  mergedInto?: string;
}

export interface FlowchartTableProps {
  table: FlowTable;
  bands: readonly TableBand[];
  /** The flowchart of these rows, drawn over the actor columns. */
  drawing?: PageDrawing | null;
  /** Where the actor columns' body starts inside the table (measured; the header height and first actor column's x). */
  overlayOffset?: { left: number; top: number };
  showTotal: boolean;
  preset?: NotationPreset;
  t: Translate;
}

/**
 * The flowchart table: the table plan's columns (core/table) with the SOP's
 * own labels under its two header rows. The actor cells stay empty: the
 * symbols and arrows are one SVG laid over them, positioned by the shared
 * swimlane layout. A page's off-page connectors sit in the lane cells of its
 * first and last rows, which grow by their band instead of getting a blank
 * row of their own.
 */
export function FlowchartTable({ table, bands, drawing, overlayOffset, showTotal, preset, t }: FlowchartTableProps) {
  const { columns } = table.plan;
  const { flow } = table;
  const stepById = new Map(flow.steps.map((s) => [s.id, s] as const));
  const sectionById = new Map((flow.sections ?? []).map((s) => [s.id, s] as const));
  const columnCount = (columns.no ? 1 : 0) + 1 + columns.actors.length + columns.mutuBaku.length + (columns.keterangan ? 1 : 0);
  const rows = printedRows(bands);
  return (
    <div className="flow-table" data-flow={flow.id}>
      <table className="flow-table__table" style={{ width: columns.width }}>
        <colgroup>
          {columns.no ? <col style={{ width: columns.no.width }} /> : null}
          <col style={{ width: columns.kegiatan.width }} />
          {columns.actors.map((actor) => (
            <col key={actor.lane} style={{ width: actor.width }} />
          ))}
          {columns.mutuBaku.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
          {columns.keterangan ? <col style={{ width: columns.keterangan.width }} /> : null}
        </colgroup>
        <thead>
          {/* The table plan's two header rows (core/table), as the canvas draws them. */}
          {columns.plan.header.map((row, r) => (
            <tr key={r}>
              {row.map((cell) =>
                cell.key.startsWith('lane:') ? (
                  <th key={cell.key} className="flow-table__actor" data-lane={cell.key.slice(5)}>
                    {breakAfterSlashes(cell.label)}
                  </th>
                ) : (
                  <th key={cell.key} data-column={cell.key} rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined} colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}>
                    {cell.label}
                  </th>
                ),
              )}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row) => {
            const style = row.height !== undefined ? { height: row.height } : undefined;
            const connectors = row.connectors > 0 ? { 'data-connectors': row.connectors } : {};
            if (row.kind === 'section') {
              return (
                <tr key={row.key} className="flow-table__section" data-band={row.key} style={style} {...connectors}>
                  <td colSpan={columnCount}>{sectionById.get(row.key)?.title}</td>
                </tr>
              );
            }
            if (row.kind === 'connectors') {
              // A page that holds connectors and no row (cannot happen in a paginated table): keep the band.
              return (
                <tr key={row.key} className="flow-table__connectors" data-band={row.key} style={style} aria-hidden="true">
                  {Array.from({ length: columnCount }, (_, i) => (
                    <td key={i} />
                  ))}
                </tr>
              );
            }
            const step = stepById.get(row.key);
            return step ? <StepRow key={row.key} step={step} table={table} style={style} connectors={row.connectors} t={t} /> : null;
          })}
          {showTotal && table.total ? (
            <tr className="flow-table__total" data-band="total">
              <th scope="row" colSpan={(columns.no ? 1 : 0) + 1 + columns.actors.length}>
                {columns.totalLabel}
              </th>
              <td colSpan={columns.mutuBaku.length + (columns.keterangan ? 1 : 0) || 1} data-total-source={table.total.source}>
                {table.total.text}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {drawing && overlayOffset ? (
        <div className="flow-table__overlay" style={{ left: overlayOffset.left, top: overlayOffset.top }}>
          <FlowOverlay
            nodes={drawing.nodes}
            edges={drawing.edges}
            width={drawing.width}
            height={drawing.height}
            titles={symbolTitles(drawing.nodes, stepById, t)}
            {...(preset ? { preset } : {})}
          />
        </div>
      ) : null}
    </div>
  );
}

interface PrintedRow {
  kind: TableBand['kind'];
  key: string;
  height: number | undefined;
  /** Connector bands printed inside this row. */
  connectors: number;
}

/** The table's rows: each band, with the connector bands added to the row they are printed in. */
function printedRows(bands: readonly TableBand[]): PrintedRow[] {
  const rows: PrintedRow[] = [];
  const byKey = new Map<string, PrintedRow>();
  for (const band of bands) {
    if (band.kind === 'connectors' && band.mergedInto !== undefined) continue;
    const row = { kind: band.kind, key: band.key, height: band.height, connectors: 0 };
    rows.push(row);
    byKey.set(band.key, row);
  }
  for (const band of bands) {
    if (band.kind !== 'connectors' || band.mergedInto === undefined) continue;
    const row = byKey.get(band.mergedInto);
    if (!row) continue;
    row.connectors++;
    if (row.height !== undefined && band.height !== undefined) row.height += band.height;
  }
  return rows;
}

function StepRow({ step, table, style, connectors, t }: { step: Step; table: FlowTable; style: { height: number } | undefined; connectors: number; t: Translate }) {
  const { columns } = table.plan;
  const condition = conditionText(step);
  return (
    <tr className={`flow-table__step flow-table__step--${step.kind}`} data-band={step.id} style={style} {...(connectors > 0 ? { 'data-connectors': connectors } : {})}>
      {columns.no ? <td className="flow-table__no">{step.number ?? ''}</td> : null}
      <td className="flow-table__kegiatan">
        <PlainText text={step.text} />
        {condition ? <p className="flow-table__condition">{condition}</p> : null}
        <SignOffs step={step} t={t} />
      </td>
      {columns.actors.map((actor) => (
        <td key={actor.lane} className="flow-table__lane" />
      ))}
      {columns.mutuBaku.map((c) => (
        <td key={c.key} className={`flow-table__${c.key}`}>
          {c.key === 'kelengkapan' ? <ItemList items={(step.requirements ?? []).map((r) => r.text)} /> : null}
          {c.key === 'waktu' ? step.waktu?.raw : null}
          {c.key === 'output' ? <PlainText text={step.output} /> : null}
        </td>
      ))}
      {columns.keterangan ? (
        <td className="flow-table__keterangan">
          <PlainText text={step.remarks} />
        </td>
      ) : null}
    </tr>
  );
}

/** A sign-off chain inside the lane (schema v2): "Paraf: Kasi → Kabid · Tanda tangan: Kadis", a line under the step's words. */
function SignOffs({ step, t }: { step: Step; t: Translate }) {
  const chain = step.signOffs ?? [];
  if (chain.length === 0) return null;
  const parts: string[] = [];
  for (const action of ['paraf', 'tandaTangan'] as const) {
    const positions = chain.filter((s) => s.action === action).map((s) => s.position);
    if (positions.length > 0) parts.push(`${t(action === 'paraf' ? 'print.doc.paraf' : 'print.doc.tandaTangan')}: ${positions.join(' → ')}`);
  }
  return <p className="flow-table__signoffs" data-part="signoffs">{parts.join(' · ')}</p>;
}

function symbolTitles(nodes: readonly LayoutNode[], steps: ReadonlyMap<string, Step>, t: Translate): Map<string, string> {
  const titles = new Map<string, string>();
  for (const node of nodes) {
    const step = steps.get(node.stepId);
    if (node.kind === 'connector' && node.text && !node.id.startsWith(node.stepId)) titles.set(node.id, t('print.doc.connector', { letter: node.text }));
    else if (node.kind === 'exit' && node.text) titles.set(node.id, t('print.doc.leaves', { target: node.text }));
    else if (step) titles.set(node.id, `${step.number ? `${step.number} ` : ''}${step.symbolText ?? plainTextOf(step.text).split('\n')[0] ?? ''}`);
  }
  return titles;
}

/** "DESA/KELURAHAN" may wrap after its slash rather than mid-word in a narrow lane header. */
function breakAfterSlashes(text: string): string {
  return text.replace(/\/(?=\S)/g, '/\u200b');
}
