/** Published revisions of the sample SOPs, as the designer's publish command makes them. */
import { publishRevision } from '../../core/document/publish';
import { loadSample } from '../../samples/loadSamples.node.ts';
import type { SopDocument } from '../../schemas/generated/sop.types';

export function publishedSample(id: string, edit?: (doc: SopDocument) => void, date = '2026-12-01'): SopDocument {
  const doc = structuredClone(loadSample(id));
  if (!doc) throw new Error(`no sample ${id}`);
  edit?.(doc);
  const outcome = publishRevision(doc, { note: 'Terbit untuk uji', date });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => `${d.pointer}: ${d.message.en}`).join('; '));
  return structuredClone(outcome.published);
}
