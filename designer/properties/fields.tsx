import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cleanTypedText, SOP_LIMITS } from '../../core/validation/limits';
import { useI18n } from '../../ui/i18n';
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
  /**
   * The schema's length for this text (SOP_LIMITS.longText for step text,
   * requirements, notes); short text by default, the limit of labels and
   * names. The field never holds more, so the app never saves what its own
   * import would refuse.
   */
  maxLength?: number;
}

/**
 * A labelled text input bound to the document: every keystroke is a command
 * (merged into one undo step while typing), and leaving the field ends that
 * undo step.
 */
export function TextField({ label, value, onChange, multiline, focusKey, hint, placeholder, rows = 2, disabled, maxLength = SOP_LIMITS.shortText }: TextFieldProps) {
  const id = useId();
  const hintId = useId();
  const limitId = useId();
  const store = useEditorStore();
  const ref = useFocusRequest<HTMLInputElement & HTMLTextAreaElement>(focusKey);
  const common = {
    id,
    ref,
    value,
    placeholder,
    disabled,
    maxLength,
    'aria-describedby': [hint ? hintId : '', limitId].filter(Boolean).join(' '),
    // Word's line breaks (U+000B) become line feeds and other control characters go, as the validator demands.
    onChange: (event: { target: { value: string } }) => onChange(cleanTypedText(event.target.value)),
    onBlur: () => store.seal(),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={rows} /> : <input {...common} />}
      <TextLimitNote id={limitId} length={value.length} limit={maxLength} />
      {hint && (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      )}
    </div>
  );
}

/** From this share of the limit on, the count is shown, so the limit never comes as a surprise. */
const SHOW_COUNT_FROM = 0.9;

/**
 * Under a text field: how many characters of the limit are used once the text
 * nears it, and a plain statement when it is reached (the browser's
 * `maxlength` then cuts typing and pasting there, silently on its own).
 */
export function TextLimitNote({ id, length, limit }: { id?: string; length: number; limit: number }) {
  const { lang, t } = useI18n();
  const number = (n: number) => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
  const reached = length >= limit;
  // Only reaching the limit is announced; a count read out at every keystroke would drown the typing.
  return (
    <div id={id} className={reached ? 'field__limit field__limit--reached' : 'field__limit'}>
      <span aria-live="polite">{reached ? t('limits.text.reached', { limit: number(limit) }) : ''}</span>
      {!reached && length >= limit * SHOW_COUNT_FROM && <span>{t('limits.text.count', { count: number(length), limit: number(limit) })}</span>}
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
  disabled?: boolean;
}

export function SelectField<T extends string>({ label, value, options, onChange, focusKey, hint, disabled }: SelectFieldProps<T>) {
  const id = useId();
  const hintId = useId();
  const ref = useFocusRequest<HTMLSelectElement>(focusKey);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} ref={ref} value={value} disabled={disabled} aria-describedby={hint ? hintId : undefined} onChange={(event) => onChange(event.target.value as T)}>
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

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  focusKey?: string;
  hint?: string;
  disabled?: boolean;
}

/** A labelled checkbox; its hint is read out with it. */
export function CheckboxField({ label, checked, onChange, focusKey, hint, disabled }: CheckboxFieldProps) {
  const hintId = useId();
  const ref = useFocusRequest<HTMLInputElement>(focusKey);
  return (
    <div className="field field--checkbox">
      <label className="choice">
        <input ref={ref} type="checkbox" checked={checked} disabled={disabled} aria-describedby={hint ? hintId : undefined} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
