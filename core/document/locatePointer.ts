/**
 * Turns a diagnostic's JSON pointer into the thing to select: clicking a
 * problem selects the step, arrow, lane or field it is about. A pointer into
 * an element's inside (`/flows/0/steps/3/waktu/raw`) selects the element and
 * says which of its fields (`waktu/raw`), so the properties panel can focus it.
 */
import type { SopDocument } from '../../schemas/generated/sop.types';

export type LocatedKind = 'step' | 'edge' | 'lane' | 'field' | 'identity' | 'flow' | 'section' | 'caseField';

export interface Located {
  kind: LocatedKind;
  flowId?: string;
  id?: string;
  /** The rest of the pointer inside the element ("waktu/raw", "actors/0/actor"), or the document field ("headerBlocks/dasarHukum"). */
  field?: string;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function locatePointer(doc: SopDocument, pointer: string): Located {
  const segments = parsePointer(pointer);
  const [head, second, third, fourth] = segments;
  const inside = (from: number) => segments.slice(from).join('/');
  const withField = (located: Located, from: number): Located => (segments.length > from ? { ...located, field: inside(from) } : located);

  if (head === 'identity') return withField({ kind: 'identity' }, 1);
  if (head === 'caseFields') {
    const field = doc.caseFields?.[Number(second)];
    return field ? withField({ kind: 'caseField', id: field.id }, 2) : { kind: 'field', field: 'caseFields' };
  }
  if (head === 'actors') {
    const actor = doc.actors[Number(second)];
    if (!actor) return { kind: 'field', field: 'actors' };
    const flow = doc.flows.find((f) => f.lanes.includes(actor.id));
    return withField({ kind: 'lane', id: actor.id, ...(flow ? { flowId: flow.id } : {}) }, 2);
  }
  if (head !== 'flows') return { kind: 'field', field: segments.join('/') };

  const flow = doc.flows[Number(second)];
  if (!flow || second === undefined) return { kind: 'field', field: 'flows' };
  const flowRef = { flowId: flow.id };
  const index = Number(fourth);
  switch (third) {
    case 'steps': {
      const step = flow.steps[index];
      return step ? withField({ kind: 'step', ...flowRef, id: step.id }, 4) : { kind: 'flow', ...flowRef, id: flow.id, field: 'steps' };
    }
    case 'edges': {
      const edge = flow.edges[index];
      return edge ? withField({ kind: 'edge', ...flowRef, id: edge.id }, 4) : { kind: 'flow', ...flowRef, id: flow.id, field: 'edges' };
    }
    case 'lanes': {
      const lane = flow.lanes[index];
      return lane !== undefined ? { kind: 'lane', ...flowRef, id: lane } : { kind: 'flow', ...flowRef, id: flow.id, field: 'lanes' };
    }
    case 'sections': {
      const section = flow.sections?.[index];
      return section ? withField({ kind: 'section', ...flowRef, id: section.id }, 4) : { kind: 'flow', ...flowRef, id: flow.id, field: 'sections' };
    }
    default:
      return withField({ kind: 'flow', ...flowRef, id: flow.id }, 2);
  }
}
