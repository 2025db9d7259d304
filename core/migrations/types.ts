import type { LocalizedText } from '../validation/diagnostic';

/** A JSON object as a migration sees it: any shape, read defensively. */
export type JsonObject = Record<string, unknown>;

/**
 * What a migration did at one place of the document. `changed`: a value was
 * rewritten into the new version's form (nothing lost). `dropped`: something
 * the new version cannot hold was left out; the message says what it was.
 */
export interface MigrationNote {
  kind: 'changed' | 'dropped';
  /** JSON pointer into the document as it was before this migration step. */
  pointer: string;
  message: LocalizedText;
}

export interface NoteSink {
  changed(pointer: string, message: LocalizedText): void;
  dropped(pointer: string, message: LocalizedText): void;
}

/**
 * One versioned step of the chain: reads a document of version `from` and
 * returns one of version `to`. Pure: the input is never modified, and every
 * property the step does not know is copied through as it is, so a property
 * of another tool is never lost silently (where the new schema has no room
 * for it, validation names it; where the step itself must leave something
 * out, it says so with `notes.dropped`). Must not throw on any input: a
 * malformed document is passed on for validation to describe.
 */
export interface MigrationStep {
  from: number;
  to: number;
  /** Stable id, for reports and tests ("v1-to-v2"). */
  id: string;
  summary: LocalizedText;
  migrate(doc: JsonObject, notes: NoteSink): JsonObject;
  /**
   * Maps a pointer into this step's output back to its input, when the step
   * moved things around. Without it the pointer is kept and then cut back to
   * the deepest part that exists in the original (a v1 `condition` string
   * stands for v2's `condition/text` and `condition/asked`).
   */
  pointerToInput?(pointer: string): string;
}

export interface AppliedMigration {
  id: string;
  from: number;
  to: number;
}
