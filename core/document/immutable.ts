/**
 * Small immutable-update helpers. Commands copy only the path to what they
 * change, so unchanged flows, steps and edges keep their identity (React can
 * skip them, and the patch diff skips them by reference).
 */
import type { Edge, Flow, SopDocument, Step } from '../../schemas/generated/sop.types';

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

export function insertAt<T>(items: readonly T[], index: number, ...inserted: T[]): T[] {
  const copy = items.slice();
  copy.splice(index, 0, ...inserted);
  return copy;
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  const copy = items.slice();
  copy.splice(index, 1);
  return copy;
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = items.slice();
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

/** A copy of `object` with `changes` merged in; a change to `undefined` removes the key. */
export function withChanges<T extends object>(object: T, changes: Partial<Record<keyof T, unknown>>): T {
  const copy: Record<string, unknown> = { ...(object as Record<string, unknown>) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy as T;
}

export function flowIndexOf(doc: SopDocument, flowId: string): number {
  return doc.flows.findIndex((f) => f.id === flowId);
}

export function withFlow(doc: SopDocument, flowIndex: number, flow: Flow): SopDocument {
  return { ...doc, flows: replaceAt(doc.flows, flowIndex, flow) };
}

export function stepIndexOf(flow: Flow, stepId: string): number {
  return flow.steps.findIndex((s) => s.id === stepId);
}

export function withStep(flow: Flow, stepIndex: number, step: Step): Flow {
  return { ...flow, steps: replaceAt(flow.steps, stepIndex, step) };
}

export function edgesOut(flow: Flow, stepId: string): Edge[] {
  return flow.edges.filter((e) => e.from === stepId);
}

export function edgesIn(flow: Flow, stepId: string): Edge[] {
  return flow.edges.filter((e) => e.to === stepId);
}

/** Replaces edges by id (`undefined` removes one) and appends `added`. */
export function rewriteEdges(flow: Flow, replaced: ReadonlyMap<string, Edge | undefined>, added: readonly Edge[] = []): Flow {
  if (replaced.size === 0 && added.length === 0) return flow;
  const edges: Edge[] = [];
  for (const edge of flow.edges) {
    if (!replaced.has(edge.id)) edges.push(edge);
    else {
      const next = replaced.get(edge.id);
      if (next) edges.push(next);
    }
  }
  return { ...flow, edges: [...edges, ...added] };
}

/** The edge pointed at `target` instead: a step id, or the outside of the SOP. */
export function retarget(edge: Edge, target: EdgeTarget): Edge {
  // A target the drafter inferred stops being inferred once someone points the arrow elsewhere.
  const keepsTarget = sameTarget(edge, target);
  const inferred = (edge.inferred ?? []).filter((part) => part !== 'target' || keepsTarget);
  // Rebuilt in schema order so a saved file reads the same as one typed by hand.
  return {
    id: edge.id,
    from: edge.from,
    ...('leaves' in target ? { leaves: { target: target.leaves } } : 'unknown' in target ? { targetUnknown: true as const } : { to: target.to }),
    ...(edge.label !== undefined ? { label: edge.label } : {}),
    ...(edge.labelUnknown ? { labelUnknown: true as const } : {}),
    ...(inferred.length > 0 ? { inferred } : {}),
    ...(edge.note !== undefined ? { note: edge.note } : {}),
  };
}

/** Where an arrow goes: a step, the outside of the SOP, or a place the source does not show. */
export type EdgeTarget = { to: string } | { leaves: string } | { unknown: true };

export function targetOf(edge: Edge): EdgeTarget {
  if (edge.leaves !== undefined) return { leaves: edge.leaves.target };
  if (edge.targetUnknown) return { unknown: true };
  return { to: edge.to as string };
}

function sameTarget(edge: Edge, target: EdgeTarget): boolean {
  if ('leaves' in target) return edge.leaves?.target === target.leaves;
  if ('unknown' in target) return edge.targetUnknown === true;
  return edge.to === target.to;
}

/**
 * The step as `kind`, with the fields only some kinds carry (schema v2) set
 * or dropped: an end always has an outcome ("selesai" until the drafter says
 * otherwise; an end that already had one keeps it), only start and process
 * steps split, only process, decision and end steps join.
 */
export function withKind(step: Step, kind: Step['kind']): Step {
  const { outcome, split, join, ...rest } = step;
  return {
    ...rest,
    kind,
    ...(kind === 'end' ? { outcome: outcome ?? 'selesai' } : {}),
    ...(split !== undefined && (kind === 'start' || kind === 'process') ? { split } : {}),
    ...(join !== undefined && (kind === 'process' || kind === 'decision' || kind === 'end') ? { join } : {}),
  };
}

const STEP_KEY_ORDER = [
  'id', 'number', 'kind', 'outcome', 'split', 'join', 'text', 'symbolText', 'actors', 'parties', 'requirements', 'waktu',
  'output', 'remarks', 'condition', 'signOffs', 'subRow', 'textContinues', 'note', 'reviewNotes',
];

/**
 * The step with its keys in schema order, so a field added by an edit lands
 * where a hand-written file has it (exported JSON stays readable and diffable).
 */
export function stepInSchemaOrder(step: Step): Step {
  const source = step as unknown as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of STEP_KEY_ORDER) if (source[key] !== undefined) ordered[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in ordered) && source[key] !== undefined) ordered[key] = source[key];
  return ordered as unknown as Step;
}
