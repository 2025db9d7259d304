import { useId, useState } from 'react';
import { useT } from '../../ui/i18n';
import { Dialog } from './Dialog';

export interface PromptDialogProps {
  /** The dialog is open while this is a string: the value the field starts with. */
  initialValue: string | null;
  title: string;
  label: string;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (value: string) => void;
  /** When set, an empty value is refused with this message. */
  requiredMessage?: string;
}

/** Asks for one line of text (a name, a title). */
export function PromptDialog(props: PromptDialogProps) {
  const open = props.initialValue !== null;
  return (
    <PromptDialogInner key={open ? `open:${props.initialValue}` : 'closed'} {...props} initialValue={props.initialValue ?? ''} open={open} />
  );
}

function PromptDialogInner({
  open,
  initialValue,
  title,
  label,
  submitLabel,
  onCancel,
  onSubmit,
  requiredMessage,
}: Omit<PromptDialogProps, 'initialValue'> & { initialValue: string; open: boolean }) {
  const t = useT();
  const [value, setValue] = useState(initialValue);
  const [showError, setShowError] = useState(false);
  const ids = { input: useId(), error: useId() };
  const submit = () => {
    const trimmed = value.trim();
    if (!trimmed && requiredMessage) {
      setShowError(true);
      return;
    }
    onSubmit(trimmed);
  };
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('designer.common.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {submitLabel}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={ids.input}>{label}</label>
        <input
          id={ids.input}
          value={value}
          autoFocus
          aria-invalid={showError}
          aria-describedby={showError ? ids.error : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {showError && (
          <p id={ids.error} className="field__error">
            {requiredMessage}
          </p>
        )}
      </div>
    </Dialog>
  );
}
