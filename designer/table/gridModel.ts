/**
 * The table view's columns and how a cell's text maps to a command. Pure, so
 * the grid component stays a thin view and the mapping is testable.
 */
import { command, type Command } from '../../core/document';
import type { Actor, Flow, Step } from '../../schemas/generated/sop.types';

export type GridColumn = 'number' | 'text' | 'actors' | 'requirements' | 'waktu' | 'output' | 'remarks';

export const GRID_COLUMNS: readonly GridColumn[] = ['number', 'text', 'actors', 'requirements', 'waktu', 'output', 'remarks'];

/** Columns whose editor is a multi-line text area. */
export const MULTILINE: ReadonlySet<GridColumn> = new Set(['text', 'requirements', 'output', 'remarks']);

export function cellText(step: Step, column: GridColumn, actors: readonly Actor[]): string {
  switch (column) {
    case 'number':
      return step.number ?? '';
    case 'text':
      return step.text;
    case 'actors':
      return step.actors
        .map((a, i) => `${i === 0 ? '' : a.alternative ? ' / ' : ', '}${actors.find((x) => x.id === a.actor)?.label ?? a.actor}`)
        .join('');
    case 'requirements':
      return (step.requirements ?? []).map((r) => r.text).join('\n');
    case 'waktu':
      return step.waktu?.raw ?? '';
    case 'output':
      return step.output ?? '';
    case 'remarks':
      return step.remarks ?? '';
  }
}

/**
 * The command that sets a text cell; undefined when the value did not change.
 * Kelengkapan is one item per line; items keep their ids by position, so
 * editing a line keeps that requirement's identity.
 */
export function commandForCell(flow: Flow, step: Step, column: Exclude<GridColumn, 'actors'>, value: string): Command | undefined {
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

/** The command that makes `actorId` the step's (first) lane actor. */
export function commandForLane(flow: Pick<Flow, 'id' | 'lanes'>, step: Step, actorId: string): Command | undefined {
  const current = step.actors.find((a) => flow.lanes.includes(a.actor))?.actor ?? step.actors[0]?.actor;
  if (current === actorId) return undefined;
  return command('step.moveToLane', { flowId: flow.id, stepId: step.id, toActorId: actorId, ...(current ? { fromActorId: current } : {}) });
}
