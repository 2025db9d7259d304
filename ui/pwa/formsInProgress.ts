/**
 * Whether the page holds a form the user is filling in, and whether that input
 * would survive a reload. The update prompt reads it to tell the user, before
 * they agree to reload, that their input is kept as a draft (a runtime step:
 * every keystroke is in IndexedDB or its write-ahead copy) or that it is not
 * (the form that starts a case keeps nothing until it is submitted). Screens
 * report under a key of their own and withdraw when they close.
 */
import { useEffect, useSyncExternalStore } from 'react';

/** `kept`: the input comes back after a reload. `unsaved`: a reload now would lose it. */
export type FormInProgress = 'none' | 'kept' | 'unsaved';

const forms = new Map<string, Exclude<FormInProgress, 'none'>>();
const listeners = new Set<() => void>();

export function reportFormInProgress(owner: string, form: FormInProgress): void {
  if ((forms.get(owner) ?? 'none') === form) return;
  if (form === 'none') forms.delete(owner);
  else forms.set(owner, form);
  for (const listener of listeners) listener();
}

/** The page as a whole: one form that a reload would lose is what the user must hear about. */
export function formInProgress(): FormInProgress {
  const kinds = new Set(forms.values());
  return kinds.has('unsaved') ? 'unsaved' : kinds.has('kept') ? 'kept' : 'none';
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFormInProgress(): FormInProgress {
  return useSyncExternalStore(subscribe, formInProgress);
}

/** Reports a component's form while it is mounted. */
export function useReportFormInProgress(owner: string, form: FormInProgress): void {
  useEffect(() => reportFormInProgress(owner, form), [owner, form]);
  useEffect(() => () => reportFormInProgress(owner, 'none'), [owner]);
}
