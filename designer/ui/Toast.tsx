import { useEffect } from 'react';

export interface ToastMessage {
  id: number;
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export interface ToastProps {
  toast: ToastMessage | null;
  onDismiss: () => void;
  dismissLabel: string;
  /** Time before an info toast hides itself; errors stay until dismissed. */
  timeoutMs?: number;
}

/**
 * A short notice at the bottom of the screen, announced politely to screen
 * readers, with one optional action (for example: undo a deletion).
 */
export function Toast({ toast, onDismiss, dismissLabel, timeoutMs = 10_000 }: ToastProps) {
  useEffect(() => {
    if (!toast || toast.tone === 'error') return;
    const timer = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [toast, onDismiss, timeoutMs]);

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`toast toast--${toast.tone ?? 'info'}`} key={toast.id}>
          <span className="toast__text">{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                toast.action?.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="button button--small button--quiet" onClick={onDismiss}>
            {dismissLabel}
          </button>
        </div>
      )}
    </div>
  );
}
