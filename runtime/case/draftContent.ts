import type { DraftFile, DraftValues } from '../storage/db';

/**
 * Whether a saved draft holds anything the clerk entered. A draft row can exist
 * with nothing in it (a box ticked and unticked, a note typed and cleared), and
 * opening the step on it restores nothing, so "draft restored" must not be said.
 */
export function draftHasContent(values: DraftValues, files: readonly DraftFile[]): boolean {
  return (
    files.length > 0 ||
    values.ticked.length > 0 ||
    Object.keys(values.waivers).length > 0 ||
    Object.values(values.fields).some((v) => v.trim() !== '') ||
    values.output.trim() !== '' ||
    values.note.trim() !== '' ||
    (values.returnReason ?? '').trim() !== ''
  );
}
