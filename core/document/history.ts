/**
 * The command stack: undo/redo over patches, transactions (a whole drag is
 * one undo step), coalescing (a burst of typing in one field is one undo step),
 * edits that are never undoable (load, migration, remote import), a dirty
 * marker against the last save, and a depth limit.
 *
 * Undo applies the recorded inverse patch to the *current* document, so a
 * never-undoable change made in between survives an undo of an older edit.
 * When the two touched the same thing the undo is refused (see `undo`).
 */
import type { SopDocument } from '../../schemas/generated/sop.types';
import { jsonEqual } from '../model/deepEqual';
import { coalesceKeyOf, runCommand, type Command, type CommandOutcome } from './commands/registry';
import { applyPatch, composePatches, invertPatch, PatchConflictError, type PatchOp } from './patch';
import { refuse, type Change, type LocalizedText, type Refusal } from './types';

export interface HistoryOptions {
  /** Undo steps kept; older ones are forgotten. Default 200. */
  maxDepth?: number;
  /** Edits with the same coalesce key closer together than this merge. Default 1000 ms. */
  coalesceWindowMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface ExecuteOptions {
  /**
   * 'undoable' (default): recorded. 'never': applied but not recorded (loading,
   * migration, remote import); the redo stack is cleared, undo steps remain.
   */
  record?: 'undoable' | 'never';
  /**
   * Merge with the previous undo step: by default when the command has a
   * coalesce key (text fields) equal to the previous one's; `false` never;
   * a string: merge with the previous command given the same string.
   */
  coalesce?: boolean | string;
}

export interface HistoryEntry {
  title: LocalizedText;
  commands: Command[];
  patch: PatchOp[];
  inverse: PatchOp[];
  changes: Change[];
  coalesceKey?: string;
  /** When the entry last grew (for the coalescing window). */
  time: number;
}

export interface HistoryState {
  doc: SopDocument;
  canUndo: boolean;
  canRedo: boolean;
  undoTitle?: LocalizedText;
  redoTitle?: LocalizedText;
  /** The document differs from the last one passed to markSaved/reset. */
  dirty: boolean;
  inTransaction: boolean;
}

export type HistoryStepOutcome =
  | { ok: true; doc: SopDocument; title: LocalizedText; changes: Change[] }
  | Refusal;

export interface History {
  readonly doc: SopDocument;
  /** A snapshot, identical (===) until something changes: suits React's useSyncExternalStore. */
  getState(): HistoryState;
  subscribe(listener: () => void): () => void;
  execute(command: Command, options?: ExecuteOptions): CommandOutcome;
  /** Undefined when there is nothing to undo. Called during a transaction, it cancels the transaction. */
  undo(): HistoryStepOutcome | undefined;
  redo(): HistoryStepOutcome | undefined;
  /** Until commit, every executed command joins one undo step (nesting is counted). */
  beginTransaction(title?: LocalizedText): void;
  commitTransaction(): void;
  /** Restores the document as it was at beginTransaction (a drag cancelled with Escape). */
  cancelTransaction(): void;
  /** Runs `work` in a transaction; cancelled if it throws. */
  transaction<T>(title: LocalizedText | undefined, work: () => T): T;
  /** Ends coalescing: the next edit starts a new undo step (call on field blur). */
  seal(): void;
  /** The document now stored (autosave, export): `dirty` is measured against it. */
  markSaved(doc?: SopDocument): void;
  /** Loads a document: clears both stacks and marks it saved. */
  reset(doc: SopDocument): void;
}

interface OpenTransaction {
  depth: number;
  title?: LocalizedText;
  entry?: HistoryEntry;
}

export function createHistory(initial: SopDocument, options: HistoryOptions = {}): History {
  const maxDepth = Math.max(1, options.maxDepth ?? 200);
  const windowMs = options.coalesceWindowMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  let doc = initial;
  let saved = initial;
  let undoStack: HistoryEntry[] = [];
  let redoStack: HistoryEntry[] = [];
  let sealed = true;
  let transaction: OpenTransaction | undefined;
  let state: HistoryState | undefined;
  const listeners = new Set<() => void>();
  const dirtyCache = new WeakMap<SopDocument, boolean>();

  const changed = () => {
    state = undefined;
    for (const listener of [...listeners]) listener();
  };

  const isDirty = (): boolean => {
    if (doc === saved) return false;
    let dirty = dirtyCache.get(doc);
    if (dirty === undefined) {
      dirty = !jsonEqual(doc, saved);
      dirtyCache.set(doc, dirty);
    }
    return dirty;
  };

  const push = (entry: HistoryEntry) => {
    undoStack = [...undoStack, entry].slice(-maxDepth);
    redoStack = [];
  };

  const merge = (into: HistoryEntry, more: Omit<HistoryEntry, 'title'>): HistoryEntry => ({
    ...into,
    commands: [...into.commands, ...more.commands],
    patch: composePatches(into.patch, more.patch),
    inverse: invertPatch(composePatches(into.patch, more.patch)),
    changes: mergeChanges(into.changes, more.changes),
    time: more.time,
  });

  const history: History = {
    get doc() {
      return doc;
    },
    getState() {
      if (!state) {
        const undoTop = transaction ? undefined : undoStack[undoStack.length - 1];
        const redoTop = transaction ? undefined : redoStack[redoStack.length - 1];
        state = {
          doc,
          canUndo: undoTop !== undefined || transaction !== undefined,
          canRedo: redoTop !== undefined,
          ...(undoTop ? { undoTitle: undoTop.title } : {}),
          ...(redoTop ? { redoTitle: redoTop.title } : {}),
          dirty: isDirty(),
          inTransaction: transaction !== undefined,
        };
      }
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    execute(cmd, executeOptions = {}) {
      const outcome = runCommand(doc, cmd);
      if (!outcome.ok || outcome.patch.length === 0) return outcome;
      doc = outcome.doc;
      if (executeOptions.record === 'never') {
        redoStack = [];
        sealed = true;
        changed();
        return outcome;
      }
      const key = executeOptions.coalesce === false ? undefined
        : typeof executeOptions.coalesce === 'string' ? executeOptions.coalesce
        : coalesceKeyOf(cmd);
      const entry: HistoryEntry = {
        title: outcome.title,
        commands: [cmd],
        patch: outcome.patch,
        inverse: outcome.inverse,
        changes: outcome.changes,
        ...(key !== undefined ? { coalesceKey: key } : {}),
        time: now(),
      };
      if (transaction) {
        transaction.entry = transaction.entry ? merge(transaction.entry, entry) : { ...entry, ...(transaction.title ? { title: transaction.title } : {}) };
      } else {
        const top = undoStack[undoStack.length - 1];
        if (!sealed && top && key !== undefined && top.coalesceKey === key && entry.time - top.time <= windowMs) {
          undoStack = [...undoStack.slice(0, -1), merge(top, entry)];
          redoStack = [];
        } else push(entry);
        sealed = false;
      }
      changed();
      return outcome;
    },
    undo() {
      if (transaction) {
        const title = transaction.title ?? transaction.entry?.title ?? { id: 'Transaksi', en: 'Transaction' };
        const changes = invertChanges(transaction.entry?.changes ?? []);
        history.cancelTransaction();
        return { ok: true, doc, title, changes };
      }
      const entry = undoStack[undoStack.length - 1];
      if (!entry) return undefined;
      const applied = tryApply(doc, entry.inverse);
      sealed = true;
      if (!applied.ok) {
        // Older steps were recorded on top of this one; none can be undone safely now.
        undoStack = [];
        changed();
        return applied;
      }
      doc = applied.doc;
      undoStack = undoStack.slice(0, -1);
      redoStack = [...redoStack, entry];
      changed();
      return { ok: true, doc, title: entry.title, changes: invertChanges(entry.changes) };
    },
    redo() {
      if (transaction) return undefined;
      const entry = redoStack[redoStack.length - 1];
      if (!entry) return undefined;
      const applied = tryApply(doc, entry.patch);
      sealed = true;
      if (!applied.ok) {
        redoStack = [];
        changed();
        return applied;
      }
      doc = applied.doc;
      redoStack = redoStack.slice(0, -1);
      undoStack = [...undoStack, entry].slice(-maxDepth);
      changed();
      return { ok: true, doc, title: entry.title, changes: entry.changes };
    },
    beginTransaction(title) {
      if (transaction) transaction.depth++;
      else {
        transaction = { depth: 1, ...(title ? { title } : {}) };
        changed();
      }
    },
    commitTransaction() {
      if (!transaction) return;
      if (--transaction.depth > 0) return;
      const { entry } = transaction;
      transaction = undefined;
      sealed = true;
      if (entry) {
        // A committed drag never absorbs the typing that follows it.
        const { coalesceKey: _key, ...whole } = entry;
        push(whole);
      }
      changed();
    },
    cancelTransaction() {
      if (!transaction) return;
      const { entry } = transaction;
      transaction = undefined;
      sealed = true;
      if (entry) {
        const restored = tryApply(doc, entry.inverse);
        if (restored.ok) doc = restored.doc;
      }
      changed();
    },
    transaction(title, work) {
      history.beginTransaction(title);
      try {
        const result = work();
        history.commitTransaction();
        return result;
      } catch (error) {
        if (transaction) transaction.depth = 1;
        history.cancelTransaction();
        throw error;
      }
    },
    seal() {
      sealed = true;
    },
    markSaved(savedDoc = doc) {
      saved = savedDoc;
      changed();
    },
    reset(loaded) {
      doc = loaded;
      saved = loaded;
      undoStack = [];
      redoStack = [];
      transaction = undefined;
      sealed = true;
      changed();
    },
  };
  return history;
}

function tryApply(doc: SopDocument, patch: readonly PatchOp[]): { ok: true; doc: SopDocument } | Refusal {
  try {
    return { ok: true, doc: applyPatch(doc, patch) };
  } catch (error) {
    if (!(error instanceof PatchConflictError)) throw error;
    return refuse('history.conflict', {
      id: 'Dokumen telah diubah dari luar riwayat (misalnya impor), sehingga langkah ini tidak dapat dibatalkan lagi.',
      en: 'The document was changed outside the history (an import, for example), so this step can no longer be undone.',
    }, { path: error.path });
  }
}

function invertChanges(changes: readonly Change[]): Change[] {
  return changes.map((c) => ({ ...c, change: c.change === 'added' ? 'removed' : c.change === 'removed' ? 'added' : 'updated' }));
}

/** One change per element: added then removed in one step cancels out; added then updated stays added. */
function mergeChanges(first: readonly Change[], second: readonly Change[]): Change[] {
  const byKey = new Map<string, Change>();
  const keyOf = (c: Change) => `${c.kind}\u0000${c.flowId ?? ''}\u0000${c.id ?? ''}`;
  for (const c of first) byKey.set(keyOf(c), c);
  for (const c of second) {
    const earlier = byKey.get(keyOf(c));
    if (!earlier) byKey.set(keyOf(c), c);
    else if (earlier.change === 'added' && c.change === 'removed') byKey.delete(keyOf(c));
    else if (earlier.change === 'removed' && c.change === 'added') byKey.set(keyOf(c), { ...c, change: 'updated' });
    else if (earlier.change !== 'added') byKey.set(keyOf(c), c);
  }
  return [...byKey.values()];
}
