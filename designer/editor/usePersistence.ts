import { useEffect, useRef } from 'react';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { createAutosaver, createTabChannel, toStorageError, type PublishedRevisionInput, type SopRepository } from '../storage';
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
  publish(revision: PublishedRevisionInput, nextDraft: SopDocument): Promise<PublishDone | false>;
}

/** A revision was published; `handOverFailed` says it has not reached the runtime's catalogue yet. */
export interface PublishDone {
  handOverFailed?: LocalizedText;
}

/**
 * Keeps the open SOP in IndexedDB: autosave after a pause (flushed when the
 * tab is hidden or closed), the save count check that notices another tab's
 * save, and the BroadcastChannel that warns at once when another tab opens or
 * saves the same SOP. Only whole, committed states are saved: a drag in
 * progress is not.
 */
export function usePersistence(store: EditorStore, repository: SopRepository, initialSaveCount: number): Persistence {
  const api = useRef<Persistence | null>(null);

  useEffect(() => {
    const sopId = store.doc.id;
    let saveCount = initialSaveCount;
    let blocked = false; // a conflict waits for the drafter's decision
    const channel = createTabChannel();

    const write = async (doc: SopDocument, expected: number | null) => {
      const result = await repository.saveDraft(doc, expected);
      if (result.status === 'conflict') {
        blocked = true;
        store.setSave({ status: 'conflict' });
        return;
      }
      saveCount = result.summary.saveCount;
      store.history.markSaved(doc);
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
      if (!blocked) store.setSave({ status: 'pending' });
      autosaver.schedule(state.doc);
    });

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
      async publish(revision, nextDraft) {
        await autosaver.flush();
        if (blocked) return false;
        const result = await repository.publish(revision, nextDraft, saveCount);
        if (result.status === 'conflict') {
          blocked = true;
          store.setSave({ status: 'conflict' });
          return false;
        }
        saveCount = result.summary.saveCount;
        last = nextDraft;
        store.load(nextDraft);
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
      void autosaver.dispose();
      channel.post({ type: 'closed', sopId });
      channel.close();
    };
  }, [store, repository, initialSaveCount]);

  return {
    flush: () => api.current?.flush() ?? Promise.resolve(),
    reloadFromStorage: () => api.current?.reloadFromStorage() ?? Promise.resolve(),
    keepMine: () => api.current?.keepMine() ?? Promise.resolve(),
    retry: () => api.current?.retry() ?? Promise.resolve(),
    publish: (revision, nextDraft) => api.current?.publish(revision, nextDraft) ?? Promise.resolve(false),
  };
}
