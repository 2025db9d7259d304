import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { command } from '../../core/document';
import { describeParsedWaktu, parseWaktu } from '../../core/waktu';
import type { Flow, SopDocument, Step } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { columnLabel } from '../canvas/columnLabels';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { moveSelectedStep } from '../editor/editorActions';
import { cellText, commandForCell, commandForLane, GRID_COLUMNS, MULTILINE, type GridColumn } from './gridModel';

export interface TableViewProps {
  doc: SopDocument;
  flow: Flow;
}

const HEADER_KEYS: Record<GridColumn, 'no' | 'kegiatan' | 'pelaksana' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan'> = {
  number: 'no',
  text: 'kegiatan',
  actors: 'pelaksana',
  requirements: 'kelengkapan',
  waktu: 'waktu',
  output: 'output',
  remarks: 'keterangan',
};

interface Cursor {
  row: number;
  col: number;
}

/**
 * The steps as a grid, the way agencies type SOPs in Word or Excel. Arrow
 * keys, Home/End and Page Up/Down move between cells; Enter, F2 or typing
 * edits a cell in place (Enter saves, Escape cancels, Alt+Enter a new line);
 * Delete clears a cell; Alt+arrows move the step; paste rows from Excel or
 * Word to add steps. Every change is a command, shown on the canvas at once.
 */
export function TableView({ doc, flow }: TableViewProps) {
  const { t } = useI18n();
  const store = useEditorStore();
  const { ui } = useEditorSnapshot();
  const selectedId = ui.selection.kind === 'steps' && ui.selection.flowId === flow.id ? ui.selection.ids[0] : undefined;
  const selectedRow = selectedId ? flow.steps.findIndex((s) => s.id === selectedId) : -1;
  const [cursor, setCursor] = useState<Cursor>({ row: Math.max(0, selectedRow), col: 1 });
  const [editing, setEditing] = useState<{ value: string } | null>(null);
  const cells = useRef(new Map<string, HTMLElement>());
  const hadFocus = useRef(false);

  // Follow the selection made elsewhere (canvas, problems panel).
  useEffect(() => {
    if (selectedRow >= 0 && selectedRow !== cursor.row) setCursor((c) => ({ ...c, row: selectedRow }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedRow]);

  const row = Math.min(cursor.row, Math.max(0, flow.steps.length - 1));
  const col = cursor.col;

  useEffect(() => {
    if (!hadFocus.current || editing) return;
    cells.current.get(`${row}:${col}`)?.focus();
  }, [row, col, editing, flow]);

  const moveTo = (nextRow: number, nextCol: number) => {
    const r = Math.max(0, Math.min(flow.steps.length - 1, nextRow));
    const c = Math.max(0, Math.min(GRID_COLUMNS.length - 1, nextCol));
    hadFocus.current = true;
    setCursor({ row: r, col: c });
    const step = flow.steps[r];
    if (step && step.id !== selectedId) store.select({ kind: 'steps', flowId: flow.id, ids: [step.id] });
  };

  const commit = (value: string) => {
    const step = flow.steps[row];
    const column = GRID_COLUMNS[col]!;
    setEditing(null);
    if (!step || column === 'actors') return;
    const cmd = commandForCell(flow, step, column, value);
    if (cmd) store.run(cmd, { select: false, coalesce: false });
  };

  const startEditing = (initial?: string) => {
    const step = flow.steps[row];
    const column = GRID_COLUMNS[col]!;
    if (!step || column === 'actors') return;
    setEditing({ value: initial ?? cellText(step, column, doc.actors) });
  };

  const onCellKeyDown = (event: KeyboardEvent) => {
    if (editing) return;
    const column = GRID_COLUMNS[col]!;
    if (event.altKey && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) {
      event.preventDefault();
      if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
        const delta = event.key === 'ArrowUp' ? -1 : 1;
        moveSelectedStep(store, 0, delta);
        setCursor({ row: row + delta, col });
      } else moveSelectedStep(store, event.key === 'ArrowLeft' ? -1 : 1, 0);
      return;
    }
    const page = 10;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      PageUp: [row - page, col],
      PageDown: [row + page, col],
      Home: event.ctrlKey ? [0, 0] : [row, 0],
      End: event.ctrlKey ? [flow.steps.length - 1, GRID_COLUMNS.length - 1] : [row, GRID_COLUMNS.length - 1],
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      moveTo(target[0], target[1]);
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2') {
      if (event.ctrlKey) return; // Ctrl+Enter: add a step (editor shortcut)
      event.preventDefault();
      event.stopPropagation();
      if (column !== 'actors') startEditing();
      else (cells.current.get(`${row}:${col}`)?.querySelector('select') as HTMLSelectElement | null)?.focus();
      return;
    }
    if (event.key === 'Delete' && !event.ctrlKey) {
      event.preventDefault();
      event.stopPropagation();
      const step = flow.steps[row];
      if (step && column !== 'actors') {
        const cmd = commandForCell(flow, step, column, '');
        if (cmd) store.run(cmd, { select: false, coalesce: false });
      }
      return;
    }
    if (event.key === 'Delete' && event.ctrlKey) {
      event.preventDefault();
      event.stopPropagation();
      const step = flow.steps[row];
      if (step) store.run(command('step.remove', { flowId: flow.id, stepId: step.id }));
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && column !== 'actors') {
      event.preventDefault();
      startEditing(event.key);
    }
  };

  const labels = useMemo(
    () => GRID_COLUMNS.map((column) => columnLabel(doc, HEADER_KEYS[column], t)),
    // Only the SOP's own column labels and the language change them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc.columns, t],
  );

  // The rows call the latest closures through one stable object.
  const latest = useRef({ moveTo, startEditing, onCellKeyDown, commit, setEditing, row, col });
  latest.current = { moveTo, startEditing, onCellKeyDown, commit, setEditing, row, col };
  const handlers = useMemo<GridHandlers>(
    () => ({
      cellRef: (key, node) => {
        if (node) cells.current.set(key, node);
        else cells.current.delete(key);
      },
      focusCell: (r, c, active) => {
        hadFocus.current = true;
        if (!active) latest.current.moveTo(r, c);
      },
      moveTo: (r, c) => latest.current.moveTo(r, c),
      startEditing: () => latest.current.startEditing(),
      keyDown: (event) => latest.current.onCellKeyDown(event),
      commit: (value, move, r, c) => {
        latest.current.commit(value);
        if (move) latest.current.moveTo(r + move.rows, c + move.cols);
      },
      cancel: () => latest.current.setEditing(null),
    }),
    [],
  );

  if (flow.steps.length === 0) {
    return (
      <section className="table-view" aria-label={t('designer.table.label')}>
        <p className="table-view__empty">{t('designer.table.empty')}</p>
        <PasteTarget />
      </section>
    );
  }

  return (
    <section className="table-view" aria-label={t('designer.table.label')}>
      <p id="table-help" className="table-view__help muted">
        {t('designer.table.help')}
      </p>
      <div className="table-view__scroll">
        <table role="grid" className="step-grid" aria-describedby="table-help" aria-rowcount={flow.steps.length + 1}>
          <thead>
            <tr>
              {GRID_COLUMNS.map((column, c) => (
                <th key={column} scope="col" className={`step-grid__th step-grid__th--${column}`}>
                  {labels[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {flow.steps.map((step, r) => (
              <GridRow
                key={step.id}
                step={step}
                r={r}
                activeCol={r === row ? col : -1}
                editing={r === row ? editing : null}
                selected={step.id === selectedId}
                flowId={flow.id}
                lanes={flow.lanes}
                actors={doc.actors}
                labels={labels}
                handlers={handlers}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What a row asks of the grid; one object for the grid's lifetime, so rows stay memoised. */
interface GridHandlers {
  cellRef: (key: string, node: HTMLElement | null) => void;
  focusCell: (r: number, c: number, active: boolean) => void;
  moveTo: (r: number, c: number) => void;
  startEditing: () => void;
  keyDown: (event: KeyboardEvent) => void;
  commit: (value: string, move: { rows: number; cols: number } | undefined, r: number, c: number) => void;
  cancel: () => void;
}

interface GridRowProps {
  step: Step;
  r: number;
  /** The active cell's column in this row, or -1. */
  activeCol: number;
  editing: { value: string } | null;
  selected: boolean;
  flowId: string;
  lanes: readonly string[];
  actors: SopDocument['actors'];
  labels: readonly string[];
  handlers: GridHandlers;
}

/** One step's row: re-rendered only when its step, the cursor in it or the lanes change. */
const GridRow = memo(function GridRow({ step, r, activeCol, editing, selected, flowId, lanes, actors, labels, handlers }: GridRowProps) {
  const { lang } = useI18n();
  return (
    <tr data-step-id={step.id} aria-selected={selected} className={selected ? 'step-grid__row--selected' : undefined}>
      {GRID_COLUMNS.map((column, c) => {
        const active = c === activeCol;
        const isEditing = active && editing !== null;
        return (
          <td
            key={column}
            ref={(node) => handlers.cellRef(`${r}:${c}`, node)}
            role="gridcell"
            tabIndex={active && !isEditing ? 0 : -1}
            className={`step-grid__cell step-grid__cell--${column} ${active ? 'step-grid__cell--active' : ''}`}
            onFocus={() => handlers.focusCell(r, c, active)}
            onClick={() => handlers.moveTo(r, c)}
            onDoubleClick={() => column !== 'actors' && handlers.startEditing()}
            onKeyDown={active ? handlers.keyDown : undefined}
          >
            {isEditing ? (
              <CellEditor
                column={column}
                initial={editing.value}
                label={`${labels[c]} ${step.number ?? r + 1}`}
                onCommit={(value, move) => handlers.commit(value, move, r, c)}
                onCancel={handlers.cancel}
              />
            ) : column === 'actors' ? (
              <LaneCell flowId={flowId} lanes={lanes} step={step} actors={actors} />
            ) : column === 'waktu' ? (
              <span title={describeParsedWaktu(parseWaktu(step.waktu?.raw ?? ''), lang)}>{cellText(step, column, actors)}</span>
            ) : (
              <span className="step-grid__text">{cellText(step, column, actors)}</span>
            )}
          </td>
        );
      })}
    </tr>
  );
});

function CellEditor({
  column,
  initial,
  label,
  onCommit,
  onCancel,
}: {
  column: GridColumn;
  initial: string;
  label: string;
  onCommit: (value: string, move?: { rows: number; cols: number }) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const finish = (move?: { rows: number; cols: number }) => {
    if (done.current) return;
    done.current = true;
    onCommit(value, move);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      done.current = true;
      onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey) {
      event.preventDefault();
      finish({ rows: 1, cols: 0 });
    } else if (event.key === 'Enter' && event.altKey && MULTILINE.has(column)) {
      event.preventDefault();
      const el = ref.current!;
      const start = el.selectionStart ?? value.length;
      const next = `${value.slice(0, start)}\n${value.slice(el.selectionEnd ?? start)}`;
      setValue(next);
      requestAnimationFrame(() => el.setSelectionRange(start + 1, start + 1));
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finish({ rows: 0, cols: event.shiftKey ? -1 : 1 });
    } else if ((event.ctrlKey || event.metaKey) && (event.key === 'z' || event.key === 'y')) {
      // Inside a cell, undo belongs to the text being typed.
      event.stopPropagation();
    }
  };
  const common = {
    ref,
    value,
    'aria-label': label,
    className: 'step-grid__editor',
    onChange: (event: { target: { value: string } }) => setValue(event.target.value),
    onKeyDown,
    onBlur: () => finish(),
  };
  return MULTILINE.has(column) ? <textarea {...common} rows={Math.max(2, value.split('\n').length)} /> : <input {...common} />;
}

function LaneCell({ flowId, lanes, step, actors }: { flowId: string; lanes: readonly string[]; step: Step; actors: SopDocument['actors'] }) {
  const { t } = useI18n();
  const store = useEditorStore();
  const current = step.actors.find((a) => lanes.includes(a.actor))?.actor ?? '';
  const others = step.actors.filter((a) => a.actor !== current);
  const label = (id: string) => actors.find((a) => a.id === id)?.label ?? id;
  return (
    <span className="step-grid__lane">
      <select
        tabIndex={-1}
        aria-label={t('designer.table.lane', { step: step.number ?? '' })}
        value={current}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === 'Enter') {
            event.preventDefault();
            event.stopPropagation();
            (event.currentTarget.closest('td') as HTMLElement | null)?.focus();
          }
        }}
        onChange={(event) => {
          const cmd = commandForLane({ id: flowId, lanes: [...lanes] }, step, event.target.value);
          if (cmd) store.run(cmd, { select: false });
        }}
      >
        {current === '' && <option value="">{t('designer.canvas.externalLane')}</option>}
        {lanes.map((id) => (
          <option key={id} value={id}>
            {label(id)}
          </option>
        ))}
      </select>
      {others.length > 0 && <span className="muted"> + {others.map((a) => label(a.actor)).join(', ')}</span>}
    </span>
  );
}

/** An empty flow still accepts a paste: a focusable area that says so. */
function PasteTarget() {
  const { t } = useI18n();
  return (
    <div className="table-view__paste" tabIndex={0} role="note">
      {t('designer.table.pasteHint')}
    </div>
  );
}
