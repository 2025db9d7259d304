import type { Translate } from '../../core/i18n';
import type { LayoutNode } from '../../core/layout/types';
import type { FlowTable, PageDrawing } from '../../core/print';
import type { Step } from '../../schemas/generated/sop.types';
import { FlowOverlay } from './FlowOverlay';
import { ItemList, PlainText } from './PlainText';

export interface TableBand {
  kind: 'step' | 'section' | 'connectors';
  key: string;
  /** Row height in px; absent while the browser measures the natural height. */
  height?: number;
}

export interface FlowchartTableProps {
  table: FlowTable;
  bands: readonly TableBand[];
  /** The flowchart of these rows, drawn over the actor columns. */
  drawing?: PageDrawing | null;
  /** Where the actor columns' body starts inside the table (measured; the header height and first actor column's x). */
  overlayOffset?: { left: number; top: number };
  showTotal: boolean;
  t: Translate;
}

/**
 * The flowchart table: `No | Kegiatan | one column per actor | Kelengkapan |
 * Waktu | Output | Keterangan`, with the SOP's own labels and a two-row
 * header ("Pelaksana" and "Mutu Baku" over their columns). The actor cells
 * stay empty: the symbols and arrows are one SVG laid over them, positioned
 * by the shared swimlane layout.
 */
export function FlowchartTable({ table, bands, drawing, overlayOffset, showTotal, t }: FlowchartTableProps) {
  const { columns } = table.plan;
  const { flow } = table;
  const stepById = new Map(flow.steps.map((s) => [s.id, s] as const));
  const sectionById = new Map((flow.sections ?? []).map((s) => [s.id, s] as const));
  const columnCount = (columns.no ? 1 : 0) + 1 + columns.actors.length + columns.mutuBaku.length + (columns.keterangan ? 1 : 0);
  const emptyCells = (prefix: string) => {
    const cells = [];
    for (let i = 0; i < columnCount; i++) cells.push(<td key={`${prefix}-${i}`} />);
    return cells;
  };
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
          <tr>
            {columns.no ? <th rowSpan={2}>{columns.no.label}</th> : null}
            <th rowSpan={2}>{columns.kegiatan.label}</th>
            <th colSpan={columns.actors.length}>{columns.pelaksanaLabel}</th>
            {columns.mutuBaku.length > 0 ? <th colSpan={columns.mutuBaku.length}>{columns.mutuBakuLabel}</th> : null}
            {columns.keterangan ? <th rowSpan={2}>{columns.keterangan.label}</th> : null}
          </tr>
          <tr>
            {columns.actors.map((actor) => (
              <th key={actor.lane} className="flow-table__actor" data-lane={actor.lane}>
                {breakAfterSlashes(actor.label)}
              </th>
            ))}
            {columns.mutuBaku.map((c) => (
              <th key={c.key}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bands.map((band) => {
            const style = band.height !== undefined ? { height: band.height } : undefined;
            if (band.kind === 'section') {
              return (
                <tr key={band.key} className="flow-table__section" data-band={band.key} style={style}>
                  <td colSpan={columnCount}>{sectionById.get(band.key)?.title}</td>
                </tr>
              );
            }
            if (band.kind === 'connectors') {
              return (
                <tr key={band.key} className="flow-table__connectors" data-band={band.key} style={style} aria-hidden="true">
                  {emptyCells(band.key)}
                </tr>
              );
            }
            const step = stepById.get(band.key);
            return step ? <StepRow key={band.key} step={step} table={table} style={style} /> : null;
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
          <FlowOverlay nodes={drawing.nodes} edges={drawing.edges} width={drawing.width} height={drawing.height} titles={symbolTitles(drawing.nodes, stepById, t)} />
        </div>
      ) : null}
    </div>
  );
}

function StepRow({ step, table, style }: { step: Step; table: FlowTable; style: { height: number } | undefined }) {
  const { columns } = table.plan;
  return (
    <tr className={`flow-table__step flow-table__step--${step.kind}`} data-band={step.id} style={style}>
      {columns.no ? <td className="flow-table__no">{step.number ?? ''}</td> : null}
      <td className="flow-table__kegiatan">
        <PlainText text={step.text} />
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

function symbolTitles(nodes: readonly LayoutNode[], steps: ReadonlyMap<string, Step>, t: Translate): Map<string, string> {
  const titles = new Map<string, string>();
  for (const node of nodes) {
    const step = steps.get(node.stepId);
    if (node.kind === 'connector' && node.text && !node.id.startsWith(node.stepId)) titles.set(node.id, t('print.doc.connector', { letter: node.text }));
    else if (node.kind === 'exit' && node.text) titles.set(node.id, t('print.doc.leaves', { target: node.text }));
    else if (step) titles.set(node.id, `${step.number ? `${step.number} ` : ''}${step.symbolText ?? step.text.split('\n')[0] ?? ''}`);
  }
  return titles;
}

/** "DESA/KELURAHAN" may wrap after its slash rather than mid-word in a narrow lane header. */
function breakAfterSlashes(text: string): string {
  return text.replace(/\/(?=\S)/g, '/\u200b');
}
