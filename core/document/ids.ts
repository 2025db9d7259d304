/**
 * Fresh ids. All local ids share one namespace in a document (validation
 * checks it), so a new id is checked against every id in use. Ids are
 * deterministic (`s12` after `s11`) so tests and redo see the same ids.
 */
import type { SopDocument } from '../../schemas/generated/sop.types';

export function collectIds(doc: SopDocument): Set<string> {
  const ids = new Set<string>();
  for (const actor of doc.actors) ids.add(actor.id);
  for (const flow of doc.flows) {
    ids.add(flow.id);
    for (const step of flow.steps) {
      ids.add(step.id);
      for (const r of step.requirements ?? []) ids.add(r.id);
      // Review notes are never referenced by other elements, but their ids come from the same allocator.
      for (const n of step.reviewNotes ?? []) ids.add(n.id);
    }
    for (const edge of flow.edges) ids.add(edge.id);
    for (const section of flow.sections ?? []) ids.add(section.id);
  }
  for (const field of doc.caseFields ?? []) ids.add(field.id);
  return ids;
}

/**
 * Hands out ids not in `taken` (and remembers them, so one command can ask
 * for several). `next('s')` answers one more than the highest `s<n>` in use.
 */
export class IdAllocator {
  private readonly taken: Set<string>;
  private readonly highest = new Map<string, number>();

  constructor(doc: SopDocument) {
    this.taken = collectIds(doc);
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  next(prefix: string): string {
    let highest = this.highest.get(prefix);
    if (highest === undefined) {
      // One scan per prefix; later calls continue from the cached count (a paste asks for hundreds).
      const pattern = new RegExp(`^${escapeRegExp(prefix)}(\\d+)$`);
      highest = 0;
      for (const id of this.taken) {
        const match = pattern.exec(id);
        if (match) highest = Math.max(highest, Number(match[1]));
      }
    }
    let candidate = highest + 1;
    while (this.taken.has(`${prefix}${candidate}`)) candidate++;
    this.highest.set(prefix, candidate);
    return this.claim(`${prefix}${candidate}`);
  }

  /** `wanted` when it is free and well formed, else `wanted-2`, `wanted-3`... */
  fromSlug(wanted: string, fallback: string): string {
    const base = toLocalId(wanted) ?? fallback;
    if (!this.taken.has(base)) return this.claim(base);
    for (let n = 2; ; n++) {
      const candidate = `${base.slice(0, 58)}-${n}`;
      if (!this.taken.has(candidate)) return this.claim(candidate);
    }
  }

  private claim(id: string): string {
    this.taken.add(id);
    return id;
  }
}

const LOCAL_ID = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export function isLocalId(id: string): boolean {
  return LOCAL_ID.test(id);
}

/** "DESA/KELURAHAN" → "desa-kelurahan" (the samples' style); undefined when nothing usable remains. */
export function toLocalId(text: string): string | undefined {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug === '' ? undefined : slug;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
