import type { SopDocument } from '../../../schemas/generated/sop.types';
import type { Change, ElementRef, LocalizedText, Refusal } from '../types';

/** What a command's `run` produces; the patch and its inverse are derived from it. */
export interface Applied {
  doc: SopDocument;
  changes: Change[];
  /** What the UI should select afterwards (the new step, the reconnected edge...). */
  select?: ElementRef[];
  /** A sentence for the user when the command did more than asked (edges repaired, actors added). */
  message?: LocalizedText;
}

export interface CommandDefinition<P> {
  /** Shown in the Undo/Redo menu: "Batalkan: Tambah langkah". */
  title: LocalizedText;
  /** Pure: never mutates `doc`, never runs another command. */
  run(doc: SopDocument, params: P): Applied | Refusal;
  /**
   * Consecutive commands with the same key merge into one undo step (typing
   * in one field). Undefined: never merged.
   */
  coalesceKey?(params: P): string | undefined;
}

export function defineCommand<P>(definition: CommandDefinition<P>): CommandDefinition<P> {
  return definition;
}

/** `null` in a change means "remove this optional field"; this turns it into `undefined` for `withChanges`. */
export function nullsToUndefined<T extends object>(changes: T): { [K in keyof T]: Exclude<T[K], null> | undefined } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) out[key] = value === null ? undefined : value;
  return out as { [K in keyof T]: Exclude<T[K], null> | undefined };
}
