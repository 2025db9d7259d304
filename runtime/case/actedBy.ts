import { actorLabel } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';

/**
 * Who did something, as the clerk's screens name them: the person and the lane
 * ("Rina Operator (KECAMATAN)"), or whichever of the two the event records.
 * Typed by shape, so it reads a person from any `by` that carries one.
 */
export function actedBy(sop: SopDocument, by: { actorId?: string; user?: string; person?: { name: string } } | undefined): string {
  const lane = by?.actorId ? actorLabel(sop, by.actorId) : '';
  const person = (by?.person?.name ?? by?.user ?? '').trim();
  if (person && lane) return `${person} (${lane})`;
  return person || lane;
}
