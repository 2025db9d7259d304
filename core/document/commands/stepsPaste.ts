/** Pasting copied steps or table rows into a flow. */
import type { Actor, Edge, Flow, SopDocument, Step } from '../../../schemas/generated/sop.types';
import { parseWaktu } from '../../waktu';
import { normalizeLabel } from '../actorKind';
import type { StepsClipboard } from '../clipboard/payload';
import { insertBlock } from '../edgeShaping';
import { IdAllocator } from '../ids';
import { stepInSchemaOrder, withChanges, withFlow, withKind } from '../immutable';
import { canAddStep, findFlow, type StepPosition } from '../rules';
import { refuse, type Change } from '../types';
import { defineCommand } from './define';
import { edgeChanges } from './stepCommands';

export interface StepsPasteParams extends StepPosition {
  flowId: string;
  /** From parseClipboard (or buildClipboard). */
  content: StepsClipboard;
}

/**
 * Inserts the steps like step.add inserts one (into the chain after or
 * before the anchor), with fresh ids and their own arrows remapped. Each
 * copied actor becomes the document's actor with the same id and label, else
 * the first with the same label, else a new actor; one without a lane in this
 * flow gets a lane (or joins the external actors, if it acted from outside).
 */
export const stepsPaste = defineCommand<StepsPasteParams>({
  title: { id: 'Tempel langkah', en: 'Paste steps' },
  run(doc, params) {
    const { flowId, content } = params;
    if (content.steps.length === 0) return refuse('paste.empty', { id: 'Tidak ada langkah untuk ditempel.', en: 'There are no steps to paste.' });
    const allowed = canAddStep(doc, flowId, params, 'process');
    if (!allowed.ok) return allowed;
    const { flow, flowIndex } = findFlow(doc, flowId) as { flow: Flow; flowIndex: number };
    const ids = new IdAllocator(doc);
    const changes: Change[] = [];
    const placed = placeActors(doc, flow, content, ids, changes);

    let hasStart = flow.steps.some((s) => s.kind === 'start');
    const newId = new Map<string, string>();
    const steps = content.steps.map((source, i): Step => {
      const id = ids.next('s');
      newId.set(source.id, id);
      let kind = source.kind;
      if (content.origin === 'table' && flow.steps.length === 0 && content.steps.length > 1) {
        // A table pasted into an empty flow is the whole procedure: it starts and ends.
        kind = i === 0 ? 'start' : i === content.steps.length - 1 ? 'end' : kind;
      }
      if (kind === 'start' && hasStart) kind = 'process';
      if (kind === 'start') hasStart = true;
      changes.push({ kind: 'step', id, flowId, change: 'added' });
      return stepInSchemaOrder({
        ...withKind(source, kind),
        id,
        actors: source.actors.map((a) => ({ ...a, actor: placed.actorId.get(a.actor) ?? a.actor })),
        ...(source.signOffs
          ? { signOffs: source.signOffs.map((so) => (so.actor === undefined ? so : { ...so, actor: placed.actorId.get(so.actor) ?? so.actor })) }
          : {}),
        ...(source.requirements ? { requirements: source.requirements.map((r) => ({ ...r, id: ids.next(`${id}-r`) })) } : {}),
        ...(source.waktu ? { waktu: { raw: source.waktu.raw, parsed: parseWaktu(source.waktu.raw) } } : {}),
      });
    });
    // An end step has no exits, so arrows the payload gives it are dropped rather than kept invalid.
    const internal: Edge[] = content.edges
      .filter((e) => steps.find((s) => s.id === newId.get(e.from))?.kind !== 'end')
      .map((e) => ({ ...e, id: ids.next('e'), from: newId.get(e.from)!, ...(e.to !== undefined ? { to: newId.get(e.to)! } : {}) }));
    const edit = insertBlock(placed.flow, params, steps, internal, ids);
    changes.push(...edgeChanges(flowId, edit));
    return {
      doc: withFlow(placed.doc, flowIndex, edit.flow),
      changes,
      select: steps.map((s) => ({ kind: 'step' as const, id: s.id, flowId })),
      ...(placed.message.id.length > 0
        ? { message: { id: placed.message.id.join(' '), en: placed.message.en.join(' ') } }
        : {}),
    };
  },
});

function placeActors(doc: SopDocument, flow: Flow, content: StepsClipboard, ids: IdAllocator, changes: Change[]) {
  const actorId = new Map<string, string>();
  const actors: Actor[] = doc.actors.slice();
  const lanes = flow.lanes.slice();
  const external = (flow.externalActors ?? []).slice();
  const added: string[] = [];
  const newLanes: string[] = [];
  for (const copied of content.actors) {
    const label = normalizeLabel(copied.label);
    const sameLabel = actors.filter((a) => normalizeLabel(a.label) === label);
    const match =
      sameLabel.find((a) => a.id === copied.id) ?? sameLabel.find((a) => lanes.includes(a.id)) ?? sameLabel[0];
    let id = match?.id;
    if (id === undefined) {
      id = ids.fromSlug(copied.id, 'pelaksana');
      const { lane: _lane, ...actor } = copied;
      actors.push({ ...actor, id });
      added.push(copied.label);
      changes.push({ kind: 'actor', id, change: 'added' });
    }
    actorId.set(copied.id, id);
    if (lanes.includes(id) || external.includes(id)) continue;
    if (copied.lane) {
      lanes.push(id);
      newLanes.push(copied.label);
      changes.push({ kind: 'lane', id, flowId: flow.id, change: 'added' });
    } else external.push(id);
  }
  const placedFlow = withChanges({ ...flow, lanes }, { externalActors: external.length > 0 ? external : flow.externalActors });
  const message = { id: [] as string[], en: [] as string[] };
  if (added.length > 0) {
    message.id.push(`Pelaksana baru: ${added.join(', ')}.`);
    message.en.push(`New actors: ${added.join(', ')}.`);
  }
  if (newLanes.length > 0) {
    message.id.push(`Lajur baru: ${newLanes.join(', ')}.`);
    message.en.push(`New lanes: ${newLanes.join(', ')}.`);
  }
  const nextDoc = actors.length === doc.actors.length ? doc : { ...doc, actors };
  return { actorId, flow: placedFlow, doc: nextDoc, message };
}
