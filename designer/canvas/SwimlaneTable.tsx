import { useStore } from '@xyflow/react';
import { memo } from 'react';
import { conditionText } from '../../core/table';
import type { Flow, SopDocument, Step } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { TextView } from '../../ui/TextView';
import { HEADER_GROUP_HEIGHT, HEADER_HEIGHT, type CanvasGeometry, type TableColumn } from './tableGeometry';
import { columnLabel } from './columnLabels';

export interface SwimlaneTableProps {
  doc: SopDocument;
  flow: Flow;
  geometry: CanvasGeometry;
  selectedStepIds: ReadonlySet<string>;
  /** Draw only the rows near the visible part of the canvas (long flows). Needs React Flow's store. */
  onlyVisibleRows?: boolean;
}

/**
 * The paper table behind the symbols, as the table plan (core/table) lays it
 * out for screen and paper alike: a two-row header (Pelaksana over the
 * lane names, Mutu Baku over its columns), one band per step with its number,
 * its Kegiatan text and its Mutu Baku cells, and the lane columns. It is a
 * background layer in flow coordinates; it takes no pointer events, so panning
 * and selecting work through it.
 */
export const SwimlaneTable = memo(function SwimlaneTable({ doc, flow, geometry, selectedStepIds, onlyVisibleRows = false }: SwimlaneTableProps) {
  const t = useT();
  const { layout, flowX, flowY, leftColumns, rightColumns, width, height } = geometry;
  const steps = new Map(flow.steps.map((s) => [s.id, s]));
  const lanesRight = rightColumns[0]?.x ?? width;
  const mutu = rightColumns.filter((c) => c.key !== 'keterangan');
  const mutuX = mutu[0]?.x;
  const mutuWidth = mutu.reduce((sum, c) => sum + c.width, 0);
  const cell = (x: number, y: number, w: number, h: number) => ({ left: x, top: y, width: w, height: h });

  return (
    <div className="swimlane-table" style={{ width, height }} aria-hidden="true">
      {/* lane columns */}
      {layout.lanes.map((lane) => (
        <div
          key={`lane-${lane.index}`}
          className={`swimlane-table__lane ${lane.index % 2 ? 'swimlane-table__lane--odd' : ''}`}
          style={cell(flowX + lane.x, flowY, lane.width, height - flowY)}
        />
      ))}
      {/* header */}
      <div className="swimlane-table__head" style={cell(0, 0, width, HEADER_HEIGHT)} />
      {leftColumns.map((col) => (
        <HeaderCell key={col.key} col={col} top={0} height={HEADER_HEIGHT} text={columnLabel(doc, col.key, t)} />
      ))}
      <div className="swimlane-table__th" style={cell(flowX, 0, lanesRight - flowX, HEADER_GROUP_HEIGHT)}>
        {columnLabel(doc, 'pelaksana', t)}
      </div>
      {layout.lanes.map((lane) => (
        <div
          key={`name-${lane.index}`}
          className="swimlane-table__th swimlane-table__lane-name"
          style={cell(flowX + lane.x, HEADER_GROUP_HEIGHT, lane.width, HEADER_HEIGHT - HEADER_GROUP_HEIGHT)}
        >
          {lane.label || t('designer.canvas.externalLane')}
        </div>
      ))}
      {layout.lanes.length === 0 && (
        <div className="swimlane-table__th swimlane-table__lane-name muted" style={cell(flowX, HEADER_GROUP_HEIGHT, lanesRight - flowX, HEADER_HEIGHT - HEADER_GROUP_HEIGHT)}>
          {t('designer.canvas.noLanes')}
        </div>
      )}
      {mutuX !== undefined && (
        <div className="swimlane-table__th" style={cell(mutuX, 0, mutuWidth, HEADER_GROUP_HEIGHT)}>
          {columnLabel(doc, 'mutuBaku', t)}
        </div>
      )}
      {rightColumns.map((col) => (
        <HeaderCell
          key={col.key}
          col={col}
          top={col.key === 'keterangan' ? 0 : HEADER_GROUP_HEIGHT}
          height={col.key === 'keterangan' ? HEADER_HEIGHT : HEADER_HEIGHT - HEADER_GROUP_HEIGHT}
          text={columnLabel(doc, col.key, t)}
        />
      ))}
      {/* phase rows */}
      {layout.sections.map((section) => (
        <div key={section.sectionId} className="swimlane-table__section" style={cell(0, flowY + section.y, width, section.height)}>
          {section.title}
        </div>
      ))}
      {/* step rows */}
      {onlyVisibleRows ? (
        <VisibleStepRows geometry={geometry} steps={steps} selectedStepIds={selectedStepIds} />
      ) : (
        <StepRows geometry={geometry} steps={steps} selectedStepIds={selectedStepIds} first={0} last={layout.rows.length - 1} />
      )}
    </div>
  );
});

interface StepRowsProps {
  geometry: CanvasGeometry;
  steps: ReadonlyMap<string, Step>;
  selectedStepIds: ReadonlySet<string>;
}

function StepRows({ geometry, steps, selectedStepIds, first, last }: StepRowsProps & { first: number; last: number }) {
  const { layout, flowY, leftColumns, rightColumns, width } = geometry;
  return layout.rows.slice(first, last + 1).map((row) => {
    const step = steps.get(row.stepId);
    if (!step) return null;
    return (
      <TableRow
        key={row.stepId}
        step={step}
        top={flowY + row.y}
        height={row.height}
        width={width}
        leftColumns={leftColumns}
        rightColumns={rightColumns}
        selected={selectedStepIds.has(row.stepId)}
      />
    );
  });
}

/** Rows drawn around the visible area: one screen above and below it, in steps of half a screen so panning rarely re-renders. */
function VisibleStepRows(props: StepRowsProps) {
  const { layout, flowY } = props.geometry;
  const [first, last] = useStore(
    (s) => {
      const [, ty, zoom] = s.transform;
      const screen = (s.height || 800) / zoom;
      const step = screen / 2;
      const top = Math.floor((-ty / zoom - flowY - screen) / step) * step;
      const bottom = Math.ceil((-ty / zoom - flowY + 2 * screen) / step) * step;
      return [rowIndexAt(layout.rows, top), rowIndexAt(layout.rows, bottom)] as const;
    },
    (a, b) => a[0] === b[0] && a[1] === b[1],
  );
  return <StepRows {...props} first={first} last={last} />;
}

/** Index of the row at layout y (clamped to the rows), by binary search: rows are sorted by y. */
function rowIndexAt(rows: readonly { y: number; height: number }[], y: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.y + rows[mid]!.height <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

interface TableRowProps {
  step: Step;
  top: number;
  height: number;
  width: number;
  leftColumns: readonly TableColumn[];
  rightColumns: readonly TableColumn[];
  selected: boolean;
}

/** One step's band: re-rendered only when its step, place or selection changes, so typing in one step redraws one row. */
const TableRow = memo(function TableRow({ step, top, height, width, leftColumns, rightColumns, selected }: TableRowProps) {
  const cell = (x: number, w: number) => ({ left: x, top, width: w, height });
  return (
    <div data-step-id={step.id} className={selected ? 'swimlane-table__row--selected' : undefined}>
      <div className="swimlane-table__rowline" style={cell(0, width)} />
      {leftColumns.map((col) => (
        <div key={col.key} className={`swimlane-table__td swimlane-table__td--${col.key}`} style={cell(col.x, col.width)}>
          {col.key === 'no' ? step.number ?? '' : <StepText step={step} />}
        </div>
      ))}
      {rightColumns.map((col) => (
        <div key={col.key} className={`swimlane-table__td swimlane-table__td--${col.key}`} style={cell(col.x, col.width)}>
          <CellText step={step} column={col.key} />
        </div>
      ))}
    </div>
  );
}, sameRow);

function sameColumns(a: readonly TableColumn[], b: readonly TableColumn[]): boolean {
  return a === b || (a.length === b.length && a.every((c, i) => c.key === b[i]!.key && c.x === b[i]!.x && c.width === b[i]!.width));
}

function sameRow(a: TableRowProps, b: TableRowProps): boolean {
  return (
    a.step === b.step &&
    a.top === b.top &&
    a.height === b.height &&
    a.width === b.width &&
    a.selected === b.selected &&
    sameColumns(a.leftColumns, b.leftColumns) &&
    sameColumns(a.rightColumns, b.rightColumns)
  );
}

function HeaderCell({ col, top, height, text }: { col: TableColumn; top: number; height: number; text: string }) {
  return (
    <div className="swimlane-table__th" style={{ left: col.x, top, width: col.width, height }}>
      {text}
    </div>
  );
}

function StepText({ step }: { step: Step }) {
  const condition = conditionText(step);
  return (
    <>
      <TextView value={step.text} />
      {condition && <span className="swimlane-table__condition">{condition}</span>}
    </>
  );
}

function CellText({ step, column }: { step: Step; column: TableColumn['key'] }) {
  switch (column) {
    case 'kelengkapan':
      return (step.requirements ?? []).length > 0 ? (
        <ul className="swimlane-table__list">
          {(step.requirements ?? []).map((r) => (
            <li key={r.id}>
              <TextView value={r.text} />
            </li>
          ))}
        </ul>
      ) : null;
    case 'waktu':
      return <>{step.waktu?.raw ?? ''}</>;
    case 'output':
      return <TextView value={step.output} />;
    case 'keterangan':
      return <TextView value={step.remarks} />;
    default:
      return null;
  }
}
