import { command, runCommand } from '../../core/document';
import type { SopDocument } from '../../schemas/generated/sop.types';

/**
 * The document with a new Nama SOP, through the same `identity.update`
 * command the identity form runs (the library has no undo history of its
 * own for a closed SOP; the rename is one saved edit).
 */
export function renameSop(doc: SopDocument, title: string): SopDocument {
  const outcome = runCommand(doc, command('identity.update', { changes: { title } }));
  return outcome.ok ? outcome.doc : doc;
}
