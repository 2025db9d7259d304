import { useEffect, useRef } from 'react';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { createAutosaver, createTabChannel, documentToJson, toStorageError, type PublishedRevisionInput, type SopRepository } from '../storage';
import { copyIdOf, type DesignerJournal } from '../storage/writeAhead';
import { installLeaveGuard } from '../../ui/durability/leaveGuard';
import { WRITE_AHEAD_MAX_CHARS } from '../../ui/durability/writeAhead';
import type { LocalizedText } from '../../core/validation';
import { bilingual } from '../ui/bilingual';
import type { EditorStore } from './editorStore';

export interface Persistence {
  /** Writes pending changes now (before leaving the editor). */
  flush(): Promise<void>;
  /** After a conflict: take the version another tab saved. */
  reloadFromStorage(): Promise<void>;
  /** After a conflict: write this tab's version over the other one. */
  keepMine(): Promise<void>;
  /** After a storage error: try again. */
  retry(): Promise<void>;
  /**
   * Stores a published revision and the draft that continues after it, in one
   * transaction, then shows that draft (publishing is never undone).
   */
  publish(revision: PublishedRevisionInput, nextDraft: SopDocument, options?: { queueForServer?: boolean }): Promise<PublishDone | false>;
}

/** A revision was published; `handOverFailed` says it has not reached the runtime's catalogue yet. */
export interface PublishDone {
  handOverFailed?: LocalizedText;
}

/** Where this tab keeps its write-ahead copies (see designer/storage/writeAhead.ts). */
export interface WriteAheadTarget {
  journal: DesignerJournal;
  tabId: string;
  /** The id of a copy this editor opened on (recovered after a reload); removed once resolved. */
  recoveredCopyId?: string;
}

/**
 * Keeps the open SOP in IndexedDB: autosave after a pause (flushed when the
 * tab is hidden or closed), the save count check that notices another tab's
 * save, and the BroadcastChannel that warns at once when another tab opens or
 * saves the same SOP. Only whole, committed states are saved: a drag in
 * progress is not.
 *
 * Every change is also copied synchronously to the write-ahead journal, so a
 * reload or a closed tab before the IndexedDB write commits loses nothing;
 * when the copy cannot be stored, leaving the page asks for confirmation
 * until IndexedDB holds the change.
 */
export function usePersistence(
  store: EditorStore,
  repository: SopRepository,
  initialSaveCount: number,
  writeAhead: WriteAheadTarget,
): Persistence {
  const api = useRef<Persistence | null>(null);

  useEffect(() => {
    const sopId = store.doc.id;
    let saveCount = initialSaveCount;
    let blocked = false; // a conflict waits for the drafter's decision
    const channel = createTabChannel();
    const { journal } = writeAhead;
    const copyId = copyIdOf(sopId, writeAhead.tabId);
    // True while the write-ahead copy holds every change IndexedDB does not.
    let covered = true;
    // A document found too large for a copy is not serialised again on every keystroke
    // (typing in a multi-megabyte SOP must not lag); it is measured again after the next save.
    let tooLarge = false;
    const copy = (doc: SopDocument) => {
      if (tooLarge) {
        covered = false;
        return;
      }
      try {
        const json = documentToJson(doc);
        tooLarge = json.length > WRITE_AHEAD_MAX_CHARS;
        covered = journal.put(copyId, { sopId, tabId: writeAhead.tabId, baseSaveCount: saveCount, at: Date.now(), json });
      } catch {
        covered = false; // not JSON: the save reports it; the page must not close on it silently
      }
    };
    const dropCopies = () => {
      journal.remove(copyId);
      if (writeAhead.recoveredCopyId) journal.remove(writeAhead.recoveredCopyId);
      covered = true;
    };
    const removeLeaveGuard = installLeaveGuard(() => !covered && store.history.getState().dirty);

    const write = async (doc: SopDocument, expected: number | null) => {
      const result = await repository.saveDraft(doc, expected);
      if (result.status === 'conflict') {
        blocked = true;
        store.setSave({ status: 'conflict' });
        return;
      }
      saveCount = result.summary.saveCount;
      store.history.markSaved(doc);
      tooLarge = false;
      // IndexedDB holds it now; a newer state on screen is copied again on the new base.
      if (store.doc === doc) dropCopies();
      else copy(store.doc);
      channel.post({ type: 'saved', sopId, saveCount });
      store.setSave(store.doc === doc ? { status: 'saved' } : { status: 'pending' });
    };

    const autosaver = createAutosaver<SopDocument>({
      save: (doc) => (blocked ? Promise.resolve() : write(doc, saveCount)),
      onError: (error) => store.setSave({ status: 'error', message: toStorageError(error).userMessage }),
    });

    let last = store.doc;
    const unsubscribe = store.history.subscribe(() => {
      const state = store.history.getState();
      if (state.inTransaction || state.doc === last) return;
      last = state.doc;
      copy(state.doc);
      if (!blocked) store.setSave({ status: 'pending' });
      autosaver.schedule(state.doc);
    });
    if (writeAhead.recoveredCopyId) {
      // Opened on a recovered copy whose base was saved over since: this tab's copy
      // takes it over, and saving at once shows the drafter the choice.
      copy(store.doc);
      journal.remove(writeAhead.recoveredCopyId);
      autosaver.schedule(store.doc);
      void autosaver.flush();
    }

    const unlisten = channel.subscribe((message) => {
      if (message.type === 'library-changed' || message.sopId !== sopId) return;
      if (message.type === 'editing') {
        store.setOtherTab(true);
        channel.post({ type: 'still-editing', sopId });
      } else if (message.type === 'still-editing') store.setOtherTab(true);
      else if (message.type === 'closed') store.setOtherTab(false);
      else if (message.type === 'saved') {
        store.setOtherTab(true);
        if (message.saveCount === saveCount) return;
        // Nothing unsaved here: take the other tab's version quietly (never undoable).
        if (!store.history.getState().dirty && !autosaver.pending) {
          void repository.loadDraft(sopId).then((loaded) => {
            if (!loaded) return;
            saveCount = loaded.summary.saveCount;
            last = loaded.doc;
            store.load(loaded.doc);
            dropCopies();
            store.notify(bilingual('designer.save.updatedFromOtherTab'));
          });
        } else {
          blocked = true;
          store.setSave({ status: 'conflict' });
        }
      }
    });
    channel.post({ type: 'editing', sopId });

    api.current = {
      flush: () => autosaver.flush(),
      async reloadFromStorage() {
        const loaded = await repository.loadDraft(sopId);
        if (!loaded) return;
        saveCount = loaded.summary.saveCount;
        blocked = false;
        last = loaded.doc;
        store.load(loaded.doc);
        dropCopies();
        store.setSave({ status: 'saved' });
      },
      async keepMine() {
        blocked = false;
        try {
          await write(store.doc, null);
        } catch (error) {
          store.setSave({ status: 'error', message: toStorageError(error).userMessage });
        }
      },
      async publish(revision, nextDraft, options) {
        await autosaver.flush();
        if (blocked) return false;
        const result = await repository.publish(revision, nextDraft, saveCount, options);
        if (result.status === 'conflict') {
          blocked = true;
          store.setSave({ status: 'conflict' });
          return false;
        }
        saveCount = result.summary.saveCount;
        last = nextDraft;
        store.load(nextDraft);
        dropCopies();
        store.setSave({ status: 'saved' });
        channel.post({ type: 'saved', sopId, saveCount });
        return result.handOverFailed ? { handOverFailed: result.handOverFailed } : {};
      },
      async retry() {
        try {
          await write(store.doc, saveCount);
        } catch (error) {
          store.setSave({ status: 'error', message: toStorageError(error).userMessage });
        }
      },
    };

    return () => {
      unsubscribe();
      unlisten();
      removeLeaveGuard();
      void autosaver.dispose();
      channel.post({ type: 'closed', sopId });
      channel.close();
    };
  }, [store, repository, initialSaveCount, writeAhead]);

  return {
    flush: () => api.current?.flush() ?? Promise.resolve(),
    reloadFromStorage: () => api.current?.reloadFromStorage() ?? Promise.resolve(),
    keepMine: () => api.current?.keepMine() ?? Promise.resolve(),
    retry: () => api.current?.retry() ?? Promise.resolve(),
    publish: (revision, nextDraft, options) => api.current?.publish(revision, nextDraft, options) ?? Promise.resolve(false),
  };
}
