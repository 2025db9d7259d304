/**
 * What changed between two revisions of an SOP, for the revision history
 * view: elements are matched by id (ids are stable across edits), fields by
 * name. Layout is derived, so "moved to another row" is reported as a field
 * of the step (`row`), not as a removal and an addition.
 */
import type { Actor, CaseField, Edge, Flow, SopDocument, Step } from '../../schemas/generated/sop.types';
import { jsonEqual } from '../model/deepEqual';
import { plainTextOf } from '../text/richText';

export interface FieldChange {
  /** Dotted path: "title", "dates.pengesahan", "approver.name". */
  field: string;
  before: unknown;
  after: unknown;
}

export interface StepSummary {
  id: string;
  number?: string;
  text: string;
}

export interface ChangedStep extends StepSummary {
  /** Step fields that differ ("text", "waktu", "actors"...), plus "row" when its position changed. */
  fields: string[];
}

export interface EdgeSummary {
  id: string;
  from: string;
  to?: string;
  leaves?: string;
  label?: string;
}

export interface FlowDiff {
  flowId: string;
  title?: string;
  /** Flow-level fields: title, statedTotal, externalActors, sections, note. */
  fields: string[];
  steps: { added: StepSummary[]; removed: StepSummary[]; changed: ChangedStep[] };
  lanes: {
    added: { actorId: string; label: string }[];
    removed: { actorId: string; label: string }[];
    renamed: { actorId: string; before: string; after: string }[];
    reordered: boolean;
  };
  edges: { added: EdgeSummary[]; removed: EdgeSummary[]; changed: (EdgeSummary & { fields: string[] })[] };
}

export interface RevisionDiff {
  identity: FieldChange[];
  headerBlocks: FieldChange[];
  columns: FieldChange[];
  actors: { added: Actor[]; removed: Actor[]; changed: { id: string; fields: string[] }[] };
  caseFields: { added: CaseField[]; removed: CaseField[]; changed: { id: string; fields: string[] }[] };
  flows: { added: { flowId: string; title?: string }[]; removed: { flowId: string; title?: string }[]; changed: FlowDiff[] };
  /** Other top-level parts that differ: signature, notes, workingCalendar, revision... */
  other: string[];
  /** True when nothing but the revision record differs. */
  isEmpty: boolean;
}

export function diffRevisions(a: SopDocument, b: SopDocument): RevisionDiff {
  const identity = diffFields(a.identity as unknown as Record<string, unknown>, b.identity as unknown as Record<string, unknown>, 2);
  const headerBlocks = diffFields((a.headerBlocks ?? {}) as Record<string, unknown>, (b.headerBlocks ?? {}) as Record<string, unknown>, 1);
  const columns = diffFields((a.columns ?? {}) as Record<string, unknown>, (b.columns ?? {}) as Record<string, unknown>, 1);
  const actors = diffById(a.actors, b.actors);
  const caseFields = diffById(a.caseFields ?? [], b.caseFields ?? []);
  // Review notes are working notes for the drafter (never printed, not the SOP's content): a diff does not list them.
  const flows = diffFlows(withoutReviewNotes(a), withoutReviewNotes(b));
  const known = new Set(['identity', 'headerBlocks', 'columns', 'actors', 'caseFields', 'flows', 'revision']);
  const other = changedKeys(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>).filter((k) => !known.has(k));
  const isEmpty =
    identity.length + headerBlocks.length + columns.length + other.length === 0 &&
    actors.added.length + actors.removed.length + actors.changed.length === 0 &&
    caseFields.added.length + caseFields.removed.length + caseFields.changed.length === 0 &&
    flows.added.length + flows.removed.length + flows.changed.length === 0;
  return { identity, headerBlocks, columns, actors, caseFields, flows, other, isEmpty };
}

function withoutReviewNotes(doc: SopDocument): SopDocument {
  if (!doc.flows.some((f) => f.steps.some((s) => s.reviewNotes !== undefined))) return doc;
  return {
    ...doc,
    flows: doc.flows.map((f) => ({ ...f, steps: f.steps.map(({ reviewNotes: _notes, ...step }) => step) })),
  };
}

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !jsonEqual(a[k], b[k]));
}

/** Differences down to `depth` levels of nested objects ("dates.pengesahan"). */
function diffFields(a: Record<string, unknown>, b: Record<string, unknown>, depth: number, prefix = ''): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of changedKeys(a, b)) {
    const before = a[key];
    const after = b[key];
    const nested = depth > 1 && isPlainObject(before) && isPlainObject(after);
    if (nested) out.push(...diffFields(before, after, depth - 1, `${prefix}${key}.`));
    else out.push({ field: prefix + key, before, after });
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function diffById<T extends { id: string }>(a: readonly T[], b: readonly T[]) {
  const before = new Map(a.map((x) => [x.id, x]));
  const after = new Map(b.map((x) => [x.id, x]));
  return {
    added: b.filter((x) => !before.has(x.id)),
    removed: a.filter((x) => !after.has(x.id)),
    changed: b
      .filter((x) => before.has(x.id) && !jsonEqual(before.get(x.id), x))
      .map((x) => ({ id: x.id, fields: changedKeys(before.get(x.id) as unknown as Record<string, unknown>, x as unknown as Record<string, unknown>) })),
  };
}

function diffFlows(a: SopDocument, b: SopDocument): RevisionDiff['flows'] {
  const before = new Map(a.flows.map((f) => [f.id, f]));
  const after = new Map(b.flows.map((f) => [f.id, f]));
  const ref = (f: Flow) => ({ flowId: f.id, ...(f.title !== undefined ? { title: f.title } : {}) });
  return {
    added: b.flows.filter((f) => !before.has(f.id)).map(ref),
    removed: a.flows.filter((f) => !after.has(f.id)).map(ref),
    changed: b.flows
      .filter((f) => before.has(f.id))
      .map((f) => diffFlow(before.get(f.id)!, f, a.actors, b.actors))
      .filter((d): d is FlowDiff => d !== undefined),
  };
}

function diffFlow(a: Flow, b: Flow, actorsA: readonly Actor[], actorsB: readonly Actor[]): FlowDiff | undefined {
  if (jsonEqual(a, b) && jsonEqual(laneLabels(a, actorsA), laneLabels(b, actorsB))) return undefined;
  const flowFields = changedKeys(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>).filter(
    (k) => !['steps', 'edges', 'lanes', 'id'].includes(k),
  );
  const steps = diffSteps(a.steps, b.steps);
  const edges = diffById(a.edges, b.edges);
  const summary = (e: Edge): EdgeSummary => ({
    id: e.id,
    from: e.from,
    ...(e.to !== undefined ? { to: e.to } : {}),
    ...(e.leaves ? { leaves: e.leaves.target } : {}),
    ...(e.label !== undefined ? { label: e.label } : {}),
  });
  const edgeAfter = new Map(b.edges.map((e) => [e.id, e]));
  const labelsA = new Map(actorsA.map((x) => [x.id, x.label]));
  const labelsB = new Map(actorsB.map((x) => [x.id, x.label]));
  const kept = b.lanes.filter((l) => a.lanes.includes(l));
  const diff: FlowDiff = {
    flowId: b.id,
    ...(b.title !== undefined ? { title: b.title } : {}),
    fields: flowFields,
    steps,
    lanes: {
      added: b.lanes.filter((l) => !a.lanes.includes(l)).map((actorId) => ({ actorId, label: labelsB.get(actorId) ?? actorId })),
      removed: a.lanes.filter((l) => !b.lanes.includes(l)).map((actorId) => ({ actorId, label: labelsA.get(actorId) ?? actorId })),
      renamed: kept
        .filter((l) => labelsA.get(l) !== labelsB.get(l))
        .map((actorId) => ({ actorId, before: labelsA.get(actorId) ?? '', after: labelsB.get(actorId) ?? '' })),
      reordered: !jsonEqual(kept, a.lanes.filter((l) => b.lanes.includes(l))),
    },
    edges: {
      added: edges.added.map(summary),
      removed: edges.removed.map(summary),
      changed: edges.changed.map((c) => ({ ...summary(edgeAfter.get(c.id)!), fields: c.fields })),
    },
  };
  const empty =
    diff.fields.length + steps.added.length + steps.removed.length + steps.changed.length === 0 &&
    diff.lanes.added.length + diff.lanes.removed.length + diff.lanes.renamed.length === 0 && !diff.lanes.reordered &&
    diff.edges.added.length + diff.edges.removed.length + diff.edges.changed.length === 0;
  return empty ? undefined : diff;
}

function laneLabels(flow: Flow, actors: readonly Actor[]): string[] {
  return flow.lanes.map((l) => actors.find((a) => a.id === l)?.label ?? l);
}

function diffSteps(a: readonly Step[], b: readonly Step[]): FlowDiff['steps'] {
  const summary = (s: Step): StepSummary => ({ id: s.id, ...(s.number !== undefined ? { number: s.number } : {}), text: plainTextOf(s.text) });
  const base = diffById(a, b);
  // A row moved when its order among the steps present in both revisions changed.
  const common = new Set(b.filter((s) => a.some((x) => x.id === s.id)).map((s) => s.id));
  const orderA = a.filter((s) => common.has(s.id)).map((s) => s.id);
  const orderB = b.filter((s) => common.has(s.id)).map((s) => s.id);
  const moved = movedRows(orderA, orderB);
  const changed = new Map(base.changed.map((c) => [c.id, c.fields]));
  for (const id of moved) changed.set(id, [...(changed.get(id) ?? []), 'row']);
  return {
    added: base.added.map(summary),
    removed: base.removed.map(summary),
    changed: b.filter((s) => changed.has(s.id)).map((s) => ({ ...summary(s), fields: changed.get(s.id)! })),
  };
}

/**
 * The fewest rows that moved: every row outside the longest run kept in the
 * same relative order (moving one row up shifts others, but they did not move).
 */
function movedRows(before: readonly string[], after: readonly string[]): Set<string> {
  const rank = new Map(before.map((id, i) => [id, i]));
  const positions = after.map((id) => rank.get(id)!);
  // Longest increasing subsequence, O(n log n), remembering predecessors.
  const tails: number[] = [];
  const previous = new Array<number>(positions.length).fill(-1);
  positions.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<string>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) kept.add(after[i]!);
  return new Set(after.filter((id) => !kept.has(id)));
}
