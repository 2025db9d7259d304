import { useEffect, useRef, type ReactNode } from 'react';
import type { PlotOptions } from '@observablehq/plot';
import { plot } from '@observablehq/plot';

export interface TableColumn<Row> {
  header: string;
  /** Text of the cell: always rendered as text, never as HTML. */
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

export interface ChartWithTableProps<Row> {
  /** The figure's heading and the chart's accessible name. */
  title: string;
  /** One sentence saying what the chart shows, read by screen readers and shown under the title. */
  description?: string;
  /** Observable Plot options; `null` when there is nothing to draw (the table then says so). */
  chart: PlotOptions | null;
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
  rowKey: (row: Row, index: number) => string;
  /** Shown instead of an empty table. */
  empty: string;
  children?: ReactNode;
}

/**
 * A chart with its table beside it: the table is the same data for screen
 * readers and for copying into a report, so nothing is only in the picture.
 */
export function ChartWithTable<Row>({ title, description, chart, rows, columns, rowKey, empty, children }: ChartWithTableProps<Row>) {
  const headingId = `monev-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="mv-figure" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {description && <p className="mv-figure__description">{description}</p>}
      <div className="mv-figure__body">
        {chart && rows.length > 0 && <PlotChart options={chart} label={title} />}
        {rows.length === 0 ? (
          <p className="mv-figure__empty">{empty}</p>
        ) : (
          <div className="rt-table-wrap mv-figure__table">
            <table className="rt-table">
              <caption className="rt-visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column.header} scope="col" className={column.numeric ? 'mv-num' : undefined}>
                      {column.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={rowKey(row, i)}>
                    {columns.map((column) => (
                      <td key={column.header} className={column.numeric ? 'mv-num' : undefined}>
                        {column.cell(row)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {children}
    </section>
  );
}

/** Observable Plot draws into a detached SVG; React only owns the box it goes in. */
function PlotChart({ options, label }: { options: PlotOptions; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = plot({ ...options, ariaLabel: label });
    box.current?.replaceChildren(figure);
    return () => figure.remove();
  }, [options, label]);
  return <div ref={box} className="mv-figure__chart" data-testid="monev-chart" />;
}
