import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { copySelection, pasteInto, STEPS_MIME } from './clipboard';
import { addStepAfterSelection, deleteSelection } from './editorActions';
import type { EditorStore } from './editorStore';

/** True when keys and clipboard events belong to a text field (or Monaco), not to the editor. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(target.type);
  return false;
}

function inMonaco(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('.monaco-editor') !== null;
}

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

/**
 * F6 / Shift+F6 move between the editor's regions (toolbar, view, side panel,
 * problems), as in desktop applications, so keyboard users never have to Tab
 * through a whole panel to get back to the canvas.
 */
export function cycleRegion(root: HTMLElement | null, delta: number): void {
  if (!root) return;
  const regions = [...root.querySelectorAll<HTMLElement>('[data-region]')];
  if (regions.length === 0) return;
  const current = regions.findIndex((r) => r.contains(document.activeElement));
  const next = regions[(current + delta + regions.length) % regions.length]!;
  const target = next.matches('[tabindex]') ? next : (next.querySelector<HTMLElement>(FOCUSABLE) ?? next);
  target.focus();
}

/**
 * The editor's shortcuts, the same in every view: Ctrl+Z undo, Ctrl+Y and
 * Ctrl+Shift+Z redo (in text fields too, since typing is itself a command),
 * Ctrl+Enter add a step after the selected one, Delete remove the selection,
 * Escape clear it, F6 move between regions, and copy/cut/paste of steps.
 */
export function useEditorKeyboard(store: EditorStore): [RefObject<HTMLDivElement | null>, (event: KeyboardEvent) => void] {
  const root = useRef<HTMLDivElement>(null);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.defaultPrevented || inMonaco(event.target)) return;
      // Dialogs handle their own keys.
      if (event.target instanceof HTMLElement && event.target.closest('dialog')) return;
      const ctrl = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (event.key === 'F6') {
        event.preventDefault();
        cycleRegion(root.current, event.shiftKey ? -1 : 1);
        return;
      }
      if (ctrl && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if (ctrl && (key === 'y' || (key === 'z' && event.shiftKey))) {
        event.preventDefault();
        store.redo();
      } else if (ctrl && event.key === 'Enter') {
        event.preventDefault();
        addStepAfterSelection(store);
      } else if (isTextEntry(event.target)) {
        return;
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        if (store.state.selection.kind === 'none') return;
        event.preventDefault();
        deleteSelection(store);
      } else if (event.key === 'Escape' && store.state.selection.kind !== 'none') {
        store.select({ kind: 'none' });
      }
    },
    [store],
  );

  useEffect(() => {
    const owns = (event: Event) => {
      const target = document.activeElement;
      return root.current !== null && (target === document.body || root.current.contains(target)) && !isTextEntry(target) && !(target instanceof HTMLElement && target.closest('dialog'));
    };
    const onCopy = (event: ClipboardEvent) => {
      if (!owns(event) || !event.clipboardData) return;
      if (copySelection(store, event.clipboardData)) event.preventDefault();
    };
    const onCut = (event: ClipboardEvent) => {
      if (!owns(event) || !event.clipboardData) return;
      if (copySelection(store, event.clipboardData)) {
        event.preventDefault();
        deleteSelection(store);
      }
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!owns(event) || !event.clipboardData) return;
      const data = event.clipboardData;
      const handled = pasteInto(store, {
        payload: data.getData(STEPS_MIME),
        text: data.getData('text/plain'),
        html: data.getData('text/html'),
      });
      if (handled) event.preventDefault();
    };
    // The shortcuts also work when nothing has focus (just after opening an SOP, or after a dialog closed).
    const onBodyKey = (event: globalThis.KeyboardEvent) => {
      if (document.activeElement && document.activeElement !== document.body) return;
      if (document.querySelector('dialog[open]')) return;
      const ctrl = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (event.key === 'F6') {
        event.preventDefault();
        cycleRegion(root.current, event.shiftKey ? -1 : 1);
      } else if (ctrl && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if (ctrl && (key === 'y' || (key === 'z' && event.shiftKey))) {
        event.preventDefault();
        store.redo();
      }
    };
    document.addEventListener('keydown', onBodyKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onBodyKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store]);

  return [root, onKeyDown];
}
