/**
 * Editor actions shared by the toolbar, the keyboard, the context menu and
 * the views. Each turns the current selection into one command.
 */
import { command, type StepKind } from '../../core/document';
import { bilingual } from '../ui/bilingual';
import type { EditorStore } from './editorStore';

/** Adds a step after the selected one (or at the end of the flow) and puts the cursor in its text. */
export function addStepAfterSelection(store: EditorStore, kind: StepKind = 'process'): void {
  const flow = store.flow;
  if (!flow) return;
  const outcome = store.run(command('step.add', { flowId: flow.id, kind, ...insertionPoint(store) }));
  if (outcome.ok) {
    store.setPanel('properties');
    store.select(store.state.selection, 'text');
  }
}

/**
 * Where new steps go: after the selected step (the last one when nothing is
 * selected); but never after an end step, which has no way out: then just
 * before it, which is what "add a step" means at the bottom of a flow.
 */
export function insertionPoint(store: EditorStore): { afterStepId?: string; beforeStepId?: string } {
  const flow = store.flow;
  if (!flow || flow.steps.length === 0) return {};
  const selected = store.selectedStepIds;
  const anchor = (selected.length > 0 ? flow.steps.filter((s) => selected.includes(s.id)).at(-1) : undefined) ?? flow.steps.at(-1)!;
  return anchor.kind === 'end' ? { beforeStepId: anchor.id } : { afterStepId: anchor.id };
}

/** Removes the selected steps, arrow or phase heading. */
export function deleteSelection(store: EditorStore): void {
  const selection = store.state.selection;
  switch (selection.kind) {
    case 'steps':
      store.run(
        selection.ids.length === 1
          ? command('step.remove', { flowId: selection.flowId, stepId: selection.ids[0]! })
          : command('steps.remove', { flowId: selection.flowId, stepIds: selection.ids }),
      );
      if (store.state.selection.kind === 'steps') store.select({ kind: 'none' });
      return;
    case 'edge':
      store.run(command('edge.remove', { flowId: selection.flowId, edgeId: selection.id }));
      store.select({ kind: 'none' });
      return;
    case 'section':
      store.run(command('section.remove', { flowId: selection.flowId, sectionId: selection.id }));
      store.select({ kind: 'none' });
      return;
    default:
      return;
  }
}

/** Moves the selected step one lane left/right (`lanes`) or one row up/down (`rows`). */
export function moveSelectedStep(store: EditorStore, lanes: number, rows: number): void {
  const flow = store.flow;
  const [stepId] = store.selectedStepIds;
  if (!flow || !stepId) return;
  const index = flow.steps.findIndex((s) => s.id === stepId);
  const step = flow.steps[index];
  if (!step) return;
  if (lanes !== 0) {
    const current = step.actors.find((a) => flow.lanes.includes(a.actor))?.actor;
    const laneIndex = current === undefined ? (lanes > 0 ? -1 : flow.lanes.length) : flow.lanes.indexOf(current);
    const target = flow.lanes[laneIndex + lanes];
    if (target === undefined) {
      store.notify(bilingual(lanes < 0 ? 'designer.move.noLaneLeft' : 'designer.move.noLaneRight'), 'info');
      return;
    }
    store.run(command('step.moveToLane', { flowId: flow.id, stepId, toActorId: target, ...(current ? { fromActorId: current } : {}) }));
  }
  if (rows !== 0) {
    const toIndex = index + rows;
    if (toIndex < 0 || toIndex >= flow.steps.length) return;
    store.run(command('step.moveToRow', { flowId: flow.id, stepId, toIndex }));
  }
}

/** Selects the step above or below the selected one (or the first). */
export function selectNeighbourStep(store: EditorStore, delta: number): void {
  const flow = store.flow;
  if (!flow || flow.steps.length === 0) return;
  const [current] = store.selectedStepIds;
  const index = current ? flow.steps.findIndex((s) => s.id === current) : -1;
  const next = index < 0 ? (delta > 0 ? 0 : flow.steps.length - 1) : Math.min(flow.steps.length - 1, Math.max(0, index + delta));
  store.select({ kind: 'steps', flowId: flow.id, ids: [flow.steps[next]!.id] });
}
