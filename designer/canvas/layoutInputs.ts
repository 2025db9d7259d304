/**
 * When the canvas may keep its layout: what computeSwimlaneLayout reads from
 * a document, compared by identity (the document is immutable and shares its
 * unchanged parts). Pure, so the rule is testable without a DOM.
 */
import type { Flow, SopDocument } from '../../schemas/generated/sop.types';

/**
 * Everything the swimlane layout reads from a document, by identity (the
 * document is immutable and shares unchanged parts): actors, columns, the
 * flow's lanes, edges and sections, each step's id, kind and actors, and the
 * measured row heights. Step texts matter only through the heights, so typing
 * that does not change a row's height keeps the layout.
 */
export interface LayoutInputs {
  actors: SopDocument['actors'];
  columns: SopDocument['columns'];
  lanes: Flow['lanes'];
  edges: Flow['edges'];
  sections: Flow['sections'];
  externalActors: Flow['externalActors'];
  steps: ReadonlyArray<{ id: string; kind: string; actors: unknown }>;
  heights: ReadonlyMap<string, number> | null;
}

export function layoutInputs(doc: SopDocument, flow: Flow, heights: ReadonlyMap<string, number> | null): LayoutInputs {
  return {
    actors: doc.actors,
    columns: doc.columns,
    lanes: flow.lanes,
    edges: flow.edges,
    sections: flow.sections,
    externalActors: flow.externalActors,
    steps: flow.steps.map((s) => ({ id: s.id, kind: s.kind, actors: s.actors })),
    heights,
  };
}

export function sameLayoutInputs(a: LayoutInputs, b: LayoutInputs): boolean {
  if (
    a.actors !== b.actors ||
    a.columns !== b.columns ||
    a.lanes !== b.lanes ||
    a.edges !== b.edges ||
    a.sections !== b.sections ||
    a.externalActors !== b.externalActors ||
    a.steps.length !== b.steps.length
  ) {
    return false;
  }
  for (let i = 0; i < a.steps.length; i++) {
    const x = a.steps[i]!;
    const y = b.steps[i]!;
    if (x.id !== y.id || x.kind !== y.kind || x.actors !== y.actors) return false;
  }
  if (a.heights === b.heights) return true;
  if (!a.heights || !b.heights || a.heights.size !== b.heights.size) return false;
  for (const [id, h] of a.heights) if (b.heights.get(id) !== h) return false;
  return true;
}
