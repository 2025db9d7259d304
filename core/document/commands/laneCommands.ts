/** Commands on lanes (Pelaksana columns) and the actors behind them. */
import type { Actor, Flow, SopDocument } from '../../../schemas/generated/sop.types';
import { quote } from '../../validation/rules/naming';
import { guessActorKind } from '../actorKind';
import { IdAllocator } from '../ids';
import { insertAt, moveItem, withChanges, withFlow } from '../immutable';
import { canRemoveLane, findFlow, stepsInLane } from '../rules';
import { refuse, type Change } from '../types';
import { clampIndex } from './flowCommands';
import { defineCommand, nullsToUndefined } from './define';

export interface LaneAddParams {
  flowId: string;
  /** An existing actor to give a lane; or `actor` to declare a new one. */
  actorId?: string;
  actor?: { label: string; kind?: Actor['kind'] };
  /** Position among the lanes; default: rightmost. */
  index?: number;
}

export const laneAdd = defineCommand<LaneAddParams>({
  title: { id: 'Tambah lajur', en: 'Add lane' },
  run(doc, { flowId, actorId, actor, index }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const { flow, flowIndex } = found;
    let actors = doc.actors;
    let id = actorId;
    const changes: Change[] = [];
    if (id === undefined) {
      const label = actor?.label ?? '';
      id = new IdAllocator(doc).fromSlug(label, 'pelaksana');
      actors = [...actors, { id, label, kind: actor?.kind ?? guessActorKind(label) }];
      changes.push({ kind: 'actor', id, change: 'added' });
    } else if (!doc.actors.some((a) => a.id === id)) {
      return refuse('actor.not-found', { id: `Pelaksana ${quote(id)} tidak terdaftar.`, en: `Actor ${quote(id)} is not declared.` });
    } else if (flow.lanes.includes(id)) {
      return refuse('lane.exists', { id: 'Pelaksana ini sudah punya lajur di alur ini.', en: 'This actor already has a lane in this flow.' });
    }
    const laneId = id;
    // An actor with a lane is no longer drawn outside the lanes.
    const externalActors = flow.externalActors?.filter((a) => a !== laneId);
    const next: Flow = withChanges(
      { ...flow, lanes: insertAt(flow.lanes, clampIndex(index ?? flow.lanes.length, flow.lanes.length), laneId) },
      { externalActors: externalActors && externalActors.length > 0 ? externalActors : undefined },
    );
    changes.push({ kind: 'lane', id: laneId, flowId, change: 'added' });
    return { doc: withFlow({ ...doc, actors }, flowIndex, next), changes, select: [{ kind: 'lane', id: laneId, flowId }] };
  },
});

export interface LaneRenameParams {
  actorId: string;
  label: string;
}

/** Lanes show their actor's label, so this renames the actor in every flow. */
export const laneRename = defineCommand<LaneRenameParams>({
  title: { id: 'Ubah nama lajur', en: 'Rename lane' },
  run(doc, { actorId, label }) {
    return updateActor(doc, actorId, { label });
  },
  coalesceKey: ({ actorId }) => `actor.update:${actorId}:label`,
});

export interface ActorUpdateParams {
  actorId: string;
  changes: { label?: string; kind?: Actor['kind']; note?: string | null };
}

export const actorUpdate = defineCommand<ActorUpdateParams>({
  title: { id: 'Ubah pelaksana', en: 'Edit actor' },
  run(doc, { actorId, changes }) {
    return updateActor(doc, actorId, nullsToUndefined(changes));
  },
  coalesceKey: ({ actorId, changes }) => `actor.update:${actorId}:${Object.keys(changes).sort().join(',')}`,
});

function updateActor(doc: SopDocument, actorId: string, changes: Partial<Record<keyof Actor, unknown>>) {
  const index = doc.actors.findIndex((a) => a.id === actorId);
  if (index < 0) return refuse('actor.not-found', { id: `Pelaksana ${quote(actorId)} tidak terdaftar.`, en: `Actor ${quote(actorId)} is not declared.` });
  const actors = doc.actors.slice();
  actors[index] = withChanges(doc.actors[index]!, changes);
  const lanes: Change[] = doc.flows
    .filter((f) => f.lanes.includes(actorId))
    .map((f) => ({ kind: 'lane', id: actorId, flowId: f.id, change: 'updated' }));
  return { doc: { ...doc, actors }, changes: [{ kind: 'actor', id: actorId, change: 'updated' } as Change, ...lanes] };
}

export interface LaneReorderParams {
  flowId: string;
  actorId: string;
  toIndex: number;
}

export const laneReorder = defineCommand<LaneReorderParams>({
  title: { id: 'Pindahkan lajur', en: 'Move lane' },
  run(doc, { flowId, actorId, toIndex }) {
    const found = findFlow(doc, flowId);
    if ('ok' in found) return found;
    const from = found.flow.lanes.indexOf(actorId);
    if (from < 0) return refuse('lane.not-found', { id: 'Lajur tidak ada.', en: 'No such lane.' });
    const lanes = moveItem(found.flow.lanes, from, clampIndex(toIndex, found.flow.lanes.length - 1));
    return { doc: withFlow(doc, found.flowIndex, { ...found.flow, lanes }), changes: [{ kind: 'lane', id: actorId, flowId, change: 'updated' }] };
  },
});

export interface LaneRemoveParams {
  flowId: string;
  actorId: string;
  /** Where the lane's steps go. Required when the lane still has steps (see canRemoveLane). */
  moveStepsTo?: string;
}

/**
 * Removes the lane; its steps move to `moveStepsTo` in the same undo step.
 * An actor left with no lane, no external role and no step anywhere is
 * removed from the actor list too, so no orphan remains.
 */
export const laneRemove = defineCommand<LaneRemoveParams>({
  title: { id: 'Hapus lajur', en: 'Remove lane' },
  run(doc, { flowId, actorId, moveStepsTo }) {
    const allowed = canRemoveLane(doc, flowId, actorId, moveStepsTo);
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, flowId) as { flow: Flow; flowIndex: number };
    const changes: Change[] = [{ kind: 'lane', id: actorId, flowId, change: 'removed' }];
    const moved = moveStepsTo === undefined ? [] : stepsInLane(flow, actorId);
    const steps = flow.steps.map((step) => {
      if (!moved.includes(step)) return step;
      changes.push({ kind: 'step', id: step.id, flowId, change: 'updated' });
      const hasTarget = step.actors.some((a) => a.actor === moveStepsTo);
      const actors = step.actors.flatMap((a) => (a.actor !== actorId ? [a] : hasTarget ? [] : [{ ...a, actor: moveStepsTo! }]));
      return { ...step, actors };
    });
    let next: SopDocument = withFlow(doc, flowIndex, { ...flow, lanes: flow.lanes.filter((l) => l !== actorId), steps });
    if (!actorInUse(next, actorId)) {
      next = { ...next, actors: next.actors.filter((a) => a.id !== actorId) };
      changes.push({ kind: 'actor', id: actorId, change: 'removed' });
    }
    const targetLabel = doc.actors.find((a) => a.id === moveStepsTo)?.label ?? '';
    return {
      doc: next,
      changes,
      ...(moved.length > 0
        ? {
            message: {
              id: `${moved.length} langkah dipindah ke lajur ${quote(targetLabel)}.`,
              en: `${moved.length} step(s) moved to lane ${quote(targetLabel)}.`,
            },
          }
        : {}),
    };
  },
});

export function actorInUse(doc: SopDocument, actorId: string): boolean {
  return doc.flows.some(
    (f) => f.lanes.includes(actorId) || (f.externalActors ?? []).includes(actorId) || f.steps.some((s) => s.actors.some((a) => a.actor === actorId)),
  );
}
