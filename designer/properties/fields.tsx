import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';

/**
 * Focuses the element when a problem or an action asks for `key`: the field
 * inside the selected element that a diagnostic's pointer names ("waktu" for
 * "waktu/raw", "dates/pengesahan" for "dates/pengesahan/raw").
 */
export function useFocusRequest<T extends HTMLElement>(key: string | undefined) {
  const ref = useRef<T>(null);
  const { ui } = useEditorSnapshot();
  const wanted = ui.focusField;
  useEffect(() => {
    if (key === undefined || wanted === undefined) return;
    if (wanted !== key && !wanted.startsWith(`${key}/`)) return;
    const element = ref.current;
    if (!element) return;
    element.focus();
    element.scrollIntoView?.({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.focusRequest]);
  return ref;
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  focusKey?: string;
  hint?: ReactNode;
  placeholder?: string;
  rows?: number;
  disabled?: boolean;
}

/**
 * A labelled text input bound to the document: every keystroke is a command
 * (merged into one undo step while typing), and leaving the field ends that
 * undo step.
 */
export function TextField({ label, value, onChange, multiline, focusKey, hint, placeholder, rows = 2, disabled }: TextFieldProps) {
  const id = useId();
  const hintId = useId();
  const store = useEditorStore();
  const ref = useFocusRequest<HTMLInputElement & HTMLTextAreaElement>(focusKey);
  const common = {
    id,
    ref,
    value,
    placeholder,
    disabled,
    'aria-describedby': hint ? hintId : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    onBlur: () => store.seal(),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={rows} /> : <input {...common} />}
      {hint && (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      )}
    </div>
  );
}

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  focusKey?: string;
  hint?: string;
}

export function SelectField<T extends string>({ label, value, options, onChange, focusKey, hint }: SelectFieldProps<T>) {
  const id = useId();
  const hintId = useId();
  const ref = useFocusRequest<HTMLSelectElement>(focusKey);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} ref={ref} value={value} aria-describedby={hint ? hintId : undefined} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
