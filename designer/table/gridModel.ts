/**
 * The table view's columns and how a cell's text maps to a command. Pure, so
 * the grid component stays a thin view and the mapping is testable.
 */
import { command, type Command } from '../../core/document';
import type { Actor, Flow, Step } from '../../schemas/generated/sop.types';
import { SOP_LIMITS } from '../../core/validation/limits';
import { plainTextOf } from '../../core/text/richText';

export type GridColumn = 'number' | 'text' | 'actors' | 'kind' | 'branches' | 'requirements' | 'waktu' | 'output' | 'remarks';

/**
 * The Permenpan columns, with two of the flowchart's own beside Pelaksana:
 * the step's symbol (its kind) and where its arrows go (each exit's label and
 * target step), so the whole flow can be read and built from the table.
 */
export const GRID_COLUMNS: readonly GridColumn[] = ['number', 'text', 'actors', 'kind', 'branches', 'requirements', 'waktu', 'output', 'remarks'];

/** Columns whose editor is a multi-line text area. */
export const MULTILINE: ReadonlySet<GridColumn> = new Set(['text', 'requirements', 'output', 'remarks']);

/** Columns edited with a drop-down list in the cell (Enter focuses it), not as text. */
export const SELECT_COLUMNS: ReadonlySet<GridColumn> = new Set(['actors', 'kind']);

/** Columns that show what other edits decide: arrows are drawn on the canvas or in the properties panel. */
export const READ_ONLY_COLUMNS: ReadonlySet<GridColumn> = new Set(['branches']);

export type TextGridColumn = Exclude<GridColumn, 'actors' | 'kind' | 'branches'>;

/**
 * The longest text each text column's editor takes, from the schema. The
 * requirements cell holds all of a step's requirements, one per line; bounding
 * the whole cell by one requirement's length keeps every line within it.
 */
export const CELL_TEXT_LIMITS: Record<TextGridColumn, number> = {
  number: SOP_LIMITS.stepNumber,
  text: SOP_LIMITS.longText,
  requirements: SOP_LIMITS.longText,
  waktu: SOP_LIMITS.shortText,
  output: SOP_LIMITS.longText,
  remarks: SOP_LIMITS.longText,
};

export function isTextColumn(column: GridColumn): column is TextGridColumn {
  return !SELECT_COLUMNS.has(column) && !READ_ONLY_COLUMNS.has(column);
}

/** The step kinds a row can be given (an exit marker is drawn for an arrow, it is no step). */
export const STEP_KINDS: readonly Step['kind'][] = ['start', 'process', 'decision', 'end', 'connector'];

/** One arrow out of a step, as the table names it. */
export interface BranchTarget {
  /** The exit's label as written ("Ya", "Tidak"), if any. */
  label?: string;
  /** The target step's printed number (else its row), or null when the case leaves the SOP. */
  step: string | null;
  /** Where the case goes when it leaves this SOP. */
  leaves?: string;
}

/** Where each step's arrows go, in the order the SOP lists them. */
export function branchTargetsByStep(flow: Flow): Map<string, BranchTarget[]> {
  const names = new Map(flow.steps.map((s, i) => [s.id, s.number?.trim().replace(/\.$/, '') || String(i + 1)]));
  const byStep = new Map<string, BranchTarget[]>();
  for (const edge of flow.edges) {
    const label = edge.label?.trim();
    const target: BranchTarget = edge.leaves
      ? { step: null, leaves: edge.leaves.target, ...(label ? { label } : {}) }
      : { step: names.get(edge.to ?? '') ?? '?', ...(label ? { label } : {}) };
    const list = byStep.get(edge.from) ?? [];
    list.push(target);
    byStep.set(edge.from, list);
  }
  return byStep;
}

export function cellText(step: Step, column: TextGridColumn | 'actors', actors: readonly Actor[]): string {
  switch (column) {
    case 'number':
      return step.number ?? '';
    case 'text':
      return plainTextOf(step.text);
    case 'actors':
      return step.actors
        .map((a, i) => `${i === 0 ? '' : a.alternative ? ' / ' : ', '}${actors.find((x) => x.id === a.actor)?.label ?? a.actor}`)
        .join('');
    case 'requirements':
      return (step.requirements ?? []).map((r) => plainTextOf(r.text)).join('\n');
    case 'waktu':
      return step.waktu?.raw ?? '';
    case 'output':
      return plainTextOf(step.output);
    case 'remarks':
      return plainTextOf(step.remarks);
  }
}

/**
 * The command that sets a text cell; undefined when the value did not change.
 * Kelengkapan is one item per line; items keep their ids by position, so
 * editing a line keeps that requirement's identity.
 */
export function commandForCell(flow: Flow, step: Step, column: TextGridColumn, value: string): Command | undefined {
  const flowId = flow.id;
  const stepId = step.id;
  const trimmedEnd = value.replace(/\s+$/, '');
  switch (column) {
    case 'number':
      if ((step.number ?? '') === value.trim()) return undefined;
      return command('step.update', { flowId, stepId, changes: { number: value.trim() === '' ? null : value.trim() } });
    case 'text':
      if (step.text === trimmedEnd) return undefined;
      return command('step.update', { flowId, stepId, changes: { text: trimmedEnd } });
    case 'requirements': {
      const lines = value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      const old = step.requirements ?? [];
      if (lines.length === old.length && lines.every((l, i) => old[i]!.text === l)) return undefined;
      const items = lines.map((text, i) => ({ ...(old[i] ? { id: old[i]!.id } : {}), text, ...(old[i]?.mustCheck !== undefined ? { mustCheck: old[i]!.mustCheck } : {}) }));
      return command('step.update', { flowId, stepId, changes: { requirements: items.length > 0 ? items : null } });
    }
    case 'waktu':
      if ((step.waktu?.raw ?? '') === value.trim()) return undefined;
      return command('step.update', { flowId, stepId, changes: { waktuRaw: value.trim() === '' ? null : value.trim() } });
    case 'output':
      if ((step.output ?? '') === trimmedEnd) return undefined;
      return command('step.update', { flowId, stepId, changes: { output: trimmedEnd === '' ? null : trimmedEnd } });
    case 'remarks':
      if ((step.remarks ?? '') === trimmedEnd) return undefined;
      return command('step.update', { flowId, stepId, changes: { remarks: trimmedEnd === '' ? null : trimmedEnd } });
  }
}

/** The command that changes a row's symbol; undefined when it already has that kind. */
export function commandForKind(flow: Pick<Flow, 'id'>, step: Step, kind: Step['kind']): Command | undefined {
  if (step.kind === kind) return undefined;
  return command('step.changeKind', { flowId: flow.id, stepId: step.id, kind });
}

/** The rows from `anchor` to `to`, in table order: what Shift+click and Shift+arrows select. */
export function rowRange(steps: readonly Pick<Step, 'id'>[], anchor: number, to: number): string[] {
  const [from, end] = anchor <= to ? [anchor, to] : [to, anchor];
  return steps.slice(Math.max(0, from), end + 1).map((s) => s.id);
}

/** The command that makes `actorId` the step's (first) lane actor. */
export function commandForLane(flow: Pick<Flow, 'id' | 'lanes'>, step: Step, actorId: string): Command | undefined {
  const current = step.actors.find((a) => flow.lanes.includes(a.actor))?.actor ?? step.actors[0]?.actor;
  if (current === actorId) return undefined;
  return command('step.moveToLane', { flowId: flow.id, stepId: step.id, toActorId: actorId, ...(current ? { fromActorId: current } : {}) });
}
