import { createContext, useContext, useSyncExternalStore } from 'react';
import type { EditorSnapshot, EditorStore } from './editorStore';

const EditorContext = createContext<EditorStore | null>(null);

export const EditorProvider = EditorContext.Provider;

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore() must be used inside <EditorProvider>.');
  return store;
}

/** The document, history flags and editor state; re-renders on every change. */
export function useEditorSnapshot(): EditorSnapshot {
  const store = useEditorStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
