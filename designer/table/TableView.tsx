import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Translate } from '../../core/i18n';
import { cleanTypedText, SOP_LIMITS } from '../../core/validation/limits';
import { describeParsedWaktu, parseWaktu } from '../../core/waktu';
import type { Flow, SopDocument, Step } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { columnLabel } from '../canvas/columnLabels';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { deleteSelection, moveSelectedStep } from '../editor/editorActions';
import { TextLimitNote } from '../properties/fields';
import { bilingual } from '../ui/bilingual';
import {
  branchTargetsByStep,
  CELL_TEXT_LIMITS,
  cellText,
  commandForCell,
  commandForKind,
  commandForLane,
  GRID_COLUMNS,
  isTextColumn,
  MULTILINE,
  rowRange,
  SELECT_COLUMNS,
  STEP_KINDS,
  type BranchTarget,
  type GridColumn,
} from './gridModel';

export interface TableViewProps {
  doc: SopDocument;
  flow: Flow;
}

type PermenpanColumn = 'no' | 'kegiatan' | 'pelaksana' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan';

/** The paper table's column each grid column shows (labelled as the SOP labels it), or the designer's own. */
const HEADER_KEYS: Record<GridColumn, PermenpanColumn | 'designer.table.col.kind' | 'designer.table.col.branches'> = {
  number: 'no',
  text: 'kegiatan',
  actors: 'pelaksana',
  kind: 'designer.table.col.kind',
  branches: 'designer.table.col.branches',
  requirements: 'kelengkapan',
  waktu: 'waktu',
  output: 'output',
  remarks: 'keterangan',
};

const TEXT_COLUMN = GRID_COLUMNS.indexOf('text');

/** Where a row's arrows go, one per line: "Ya → 5", "Tidak → 2", "→ 4", "Tidak → keluar SOP: Dinas Sosial Provinsi". */
function branchText(targets: readonly BranchTarget[] | undefined, t: Translate): string {
  return (targets ?? [])
    .map((b) => {
      const to = b.step !== null ? b.step : t('designer.table.leaves', { target: b.leaves ?? '' });
      return b.label ? `${b.label} → ${to}` : `→ ${to}`;
    })
    .join('\n');
}

interface Cursor {
  row: number;
  col: number;
}

/**
 * The steps as a grid, the way agencies type SOPs in Word or Excel. Arrow
 * keys, Home/End and Page Up/Down move between cells; Enter, F2 or typing
 * edits a cell in place (Enter saves, Escape cancels, Alt+Enter a new line);
 * the Pelaksana and Simbol cells are drop-down lists. Shift+click and
 * Shift+arrows select a range of rows, which Ctrl+C copies, Ctrl+Delete
 * deletes, and Delete clears in the cursor's column. Alt+arrows move the
 * step; paste rows from Excel or Word to add steps. Every change is a
 * command, shown on the canvas at once.
 */
export function TableView({ doc, flow }: TableViewProps) {
  const { t } = useI18n();
  const store = useEditorStore();
  const { ui } = useEditorSnapshot();
  const selectedIds = useMemo(
    () => new Set(ui.selection.kind === 'steps' && ui.selection.flowId === flow.id ? ui.selection.ids : []),
    [ui.selection, flow.id],
  );
  const firstSelectedRow = flow.steps.findIndex((s) => selectedIds.has(s.id));
  const [cursor, setCursor] = useState<Cursor>({ row: Math.max(0, firstSelectedRow), col: TEXT_COLUMN });
  const [editing, setEditing] = useState<{ value: string } | null>(null);
  const cells = useRef(new Map<string, HTMLElement>());
  const hadFocus = useRef(false);
  /** Where a Shift range starts: the row the cursor was on before the first Shift move. */
  const anchor = useRef<number | null>(null);

  const row = Math.min(cursor.row, Math.max(0, flow.steps.length - 1));
  const col = cursor.col;

  // Follow a selection made elsewhere (canvas, problems panel), unless the cursor is already in it.
  const cursorInSelection = flow.steps[row] !== undefined && selectedIds.has(flow.steps[row]!.id);
  useEffect(() => {
    if (firstSelectedRow >= 0 && !cursorInSelection) {
      anchor.current = null;
      setCursor((c) => ({ ...c, row: firstSelectedRow }));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedIds]);

  useEffect(() => {
    if (!hadFocus.current || editing) return;
    cells.current.get(`${row}:${col}`)?.focus();
  }, [row, col, editing, flow]);

  /** Moves the cursor; with `extend` (Shift), the selection grows from the anchor row to the new row. */
  const moveTo = (nextRow: number, nextCol: number, extend = false) => {
    const r = Math.max(0, Math.min(flow.steps.length - 1, nextRow));
    const c = Math.max(0, Math.min(GRID_COLUMNS.length - 1, nextCol));
    hadFocus.current = true;
    setCursor({ row: r, col: c });
    if (extend) {
      anchor.current ??= row;
      store.select({ kind: 'steps', flowId: flow.id, ids: rowRange(flow.steps, anchor.current, r) });
      return;
    }
    anchor.current = null;
    const step = flow.steps[r];
    if (step && (selectedIds.size !== 1 || !selectedIds.has(step.id))) store.select({ kind: 'steps', flowId: flow.id, ids: [step.id] });
  };

  const commit = (value: string) => {
    const step = flow.steps[row];
    const column = GRID_COLUMNS[col]!;
    setEditing(null);
    if (!step || !isTextColumn(column)) return;
    const cmd = commandForCell(flow, step, column, value);
    if (cmd) store.run(cmd, { select: false, coalesce: false });
  };

  const startEditing = (initial?: string) => {
    const step = flow.steps[row];
    const column = GRID_COLUMNS[col]!;
    if (!step || !isTextColumn(column)) return;
    setEditing({ value: initial ?? cellText(step, column, doc.actors) });
  };

  /** Delete: the cursor's column is emptied in every selected row (the cursor's row when none), as one undo step. */
  const clearColumn = (column: GridColumn) => {
    if (!isTextColumn(column)) return;
    const rows = flow.steps.filter((s, i) => (selectedIds.size > 0 ? selectedIds.has(s.id) : i === row));
    const commands = rows.flatMap((step) => commandForCell(flow, step, column, '') ?? []);
    if (commands.length === 1) store.run(commands[0]!, { select: false, coalesce: false });
    else if (commands.length > 1) store.runAll(bilingual('designer.table.clearTitle'), commands);
  };

  const onCellKeyDown = (event: KeyboardEvent) => {
    if (editing) return;
    const column = GRID_COLUMNS[col]!;
    const vertical = ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'].includes(event.key) || (event.ctrlKey && (event.key === 'Home' || event.key === 'End'));
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
      // Shift with an up/down move selects the rows in between; Shift+left/right only moves the cursor.
      if (event.shiftKey && vertical) moveTo(target[0], col, true);
      else moveTo(target[0], target[1]);
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2') {
      if (event.ctrlKey) return; // Ctrl+Enter: add a step (editor shortcut)
      event.preventDefault();
      event.stopPropagation();
      if (SELECT_COLUMNS.has(column)) (cells.current.get(`${row}:${col}`)?.querySelector('select') as HTMLSelectElement | null)?.focus();
      else startEditing();
      return;
    }
    if (event.key === 'Delete' && !event.ctrlKey) {
      event.preventDefault();
      event.stopPropagation();
      clearColumn(column);
      return;
    }
    if (event.key === 'Delete' && event.ctrlKey) {
      // Every selected row (one undo step), or the cursor's row.
      event.preventDefault();
      event.stopPropagation();
      const step = flow.steps[row];
      if (selectedIds.size === 0 && step) store.select({ kind: 'steps', flowId: flow.id, ids: [step.id] });
      deleteSelection(store);
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && isTextColumn(column)) {
      event.preventDefault();
      startEditing(event.key);
    }
  };

  const labels = useMemo(
    () =>
      GRID_COLUMNS.map((column) => {
        const key = HEADER_KEYS[column];
        return key.startsWith('designer.') ? t(key as 'designer.table.col.kind') : columnLabel(doc, key as PermenpanColumn, t);
      }),
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
      moveTo: (r, c, extend) => latest.current.moveTo(r, c, extend),
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

  const branches = useMemo(() => branchTargetsByStep(flow), [flow]);

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
        <table role="grid" aria-multiselectable="true" className="step-grid" aria-describedby="table-help" aria-rowcount={flow.steps.length + 1}>
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
                selected={selectedIds.has(step.id)}
                branches={branchText(branches.get(step.id), t)}
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
  moveTo: (r: number, c: number, extend?: boolean) => void;
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
  /** Where the row's arrows go, one per line (a string, so an unchanged row stays memoised). */
  branches: string;
  flowId: string;
  lanes: readonly string[];
  actors: SopDocument['actors'];
  labels: readonly string[];
  handlers: GridHandlers;
}

/** One step's row: re-rendered only when its step, the cursor in it or the lanes change. */
const GridRow = memo(function GridRow({ step, r, activeCol, editing, selected, branches, flowId, lanes, actors, labels, handlers }: GridRowProps) {
  const { lang } = useI18n();
  const onClick = (event: MouseEvent, c: number) => {
    // Shift+click selects the rows from the anchor to this one; a click in a list opens the list.
    if (event.shiftKey) event.preventDefault();
    handlers.moveTo(r, c, event.shiftKey);
  };
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
            onMouseDown={(event) => {
              // Shift+click must not select the page's text between the two rows.
              if (event.shiftKey) event.preventDefault();
            }}
            onClick={(event) => onClick(event, c)}
            onDoubleClick={() => isTextColumn(column) && handlers.startEditing()}
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
            ) : column === 'kind' ? (
              <KindCell flowId={flowId} step={step} />
            ) : column === 'branches' ? (
              <span className="step-grid__text step-grid__branches">{branches}</span>
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
  const limit = isTextColumn(column) ? CELL_TEXT_LIMITS[column] : SOP_LIMITS.shortText;
  const common = {
    ref,
    value,
    maxLength: limit,
    'aria-label': label,
    className: 'step-grid__editor',
    // Word's line breaks (U+000B) become line feeds and other control characters go, as the validator demands.
    onChange: (event: { target: { value: string } }) => setValue(cleanTypedText(event.target.value)),
    onKeyDown,
    onBlur: () => finish(),
  };
  return (
    <>
      {MULTILINE.has(column) ? <textarea {...common} rows={Math.max(2, value.split('\n').length)} /> : <input {...common} />}
      <TextLimitNote length={value.length} limit={limit} />
    </>
  );
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
        onKeyDown={backToCell}
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

/** Returns the keyboard to the cell when Escape or Enter is pressed in a cell's list. */
function backToCell(event: KeyboardEvent<HTMLSelectElement>) {
  if (event.key === 'Escape' || event.key === 'Enter') {
    event.preventDefault();
    event.stopPropagation();
    (event.currentTarget.closest('td') as HTMLElement | null)?.focus();
  }
}

/** The row's symbol (start, process, decision, end, connector); a change runs `step.changeKind`. */
function KindCell({ flowId, step }: { flowId: string; step: Step }) {
  const { t } = useI18n();
  const store = useEditorStore();
  return (
    <span className="step-grid__lane">
      <select
        tabIndex={-1}
        aria-label={t('designer.table.kind', { step: step.number ?? '' })}
        value={step.kind}
        onKeyDown={backToCell}
        onChange={(event) => {
          const cmd = commandForKind({ id: flowId }, step, event.target.value as Step['kind']);
          if (cmd) store.run(cmd, { select: false });
        }}
      >
        {STEP_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`designer.kind.${kind}`)}
          </option>
        ))}
      </select>
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
