import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Called when the dialog closes by Escape or by one of its own buttons. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom, primary action last. */
  actions?: ReactNode;
  /** Submitting the form (Enter in a field) runs this instead of closing. */
  onSubmit?: () => void;
  className?: string;
}

/**
 * A modal dialog on the native <dialog> element: the browser traps focus,
 * closes it on Escape, makes the page behind it inert and gives focus back to
 * the control that opened it.
 */
export function Dialog(props: DialogProps) {
  // A closed dialog is not rendered at all: nothing hidden stays in the page for tools or tests to find.
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({ onClose, children, actions, onSubmit, className, title }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closing = useRef(false);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // Closing before the element leaves the page gives focus back to the control that opened it.
    return () => {
      closing.current = true;
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onClose={() => {
        if (!closing.current) onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          if (!onSubmit) return;
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div className="dialog__body">{children}</div>
        {actions && <div className="dialog__actions">{actions}</div>}
      </form>
    </dialog>
  );
}
