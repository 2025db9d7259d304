/**
 * A 24-hour time field. `<input type="time">` follows the browser's locale,
 * not the page's: Chromium with an English system shows "07:30 AM" inside the
 * Indonesian interface, where offices write 07.30 or 07:30 and never AM/PM.
 * This is a plain text field that takes "HH:MM" and "HH.MM" (also "7.30"),
 * shows the value as HH:MM once the field is left, and says in the
 * interface's language what is wrong. The value handed on is always "HH:MM",
 * as before, so stored calendars do not change.
 */
import { useId, useState } from 'react';
import { useI18n } from './i18n';

const TIME = /^\s*([01]?\d|2[0-4])\s*[:.]\s*([0-5]\d)\s*$/;

/** "7.30", "07:30", "16.00" → "07:30", "16:00"; "24:00" (the end of a day) too; anything else → null. */
export function parseClockTime(text: string): string | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  if (hours === 24 && match[2] !== '00') return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

export interface TimeInputProps {
  /** "HH:MM", '' when empty; while the typed text is not a time, that text. */
  value: string;
  /** Called on every edit: "HH:MM" once the text is a time, otherwise the text as typed. */
  onChange: (value: string) => void;
  label: string;
  /** The label is the field's accessible name but not shown (a table cell whose column header says it). */
  hideLabel?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** Show a problem before the field was left (the form was submitted). */
  showErrors?: boolean;
  id?: string;
}

export function TimeInput({ value, onChange, label, hideLabel = false, required = false, disabled = false, showErrors = false, id: givenId }: TimeInputProps) {
  const { t } = useI18n();
  const autoId = useId();
  const id = givenId ?? autoId;
  const [text, setText] = useState(value);
  const [left, setLeft] = useState(false);
  // A value set from outside (a reset to the defaults) replaces what is shown; the echo of our own edit does not.
  const [echoed, setEchoed] = useState(value);
  if (value !== echoed) {
    setEchoed(value);
    if (value !== text && value !== parseClockTime(text)) setText(value);
  }

  const problem = disabled ? null : text.trim() === '' ? (required ? t('ui.time.required') : null) : parseClockTime(text) ? null : t('ui.time.invalid', { text: text.trim() });
  const shownProblem = left || showErrors ? problem : null;
  return (
    <span className="time-input">
      {!hideLabel && (
        <label htmlFor={id} className="time-input__label">
          {label}
        </label>
      )}
      <input
        id={id}
        aria-label={hideLabel ? label : undefined}
        type="text"
        // The decimal keypad has the dot Indonesians write between hours and minutes.
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        size={5}
        maxLength={8}
        placeholder={t('ui.time.placeholder')}
        value={text}
        disabled={disabled}
        required={required}
        aria-invalid={shownProblem ? true : undefined}
        aria-describedby={shownProblem ? `${id}-error ${id}-hint` : `${id}-hint`}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseClockTime(event.target.value) ?? event.target.value);
        }}
        onBlur={() => {
          setLeft(true);
          const time = parseClockTime(text);
          if (time) setText(time);
        }}
      />
      {/* Hidden, yet read as the field's description: aria-describedby names it directly. */}
      <span id={`${id}-hint`} hidden>
        {t('ui.time.hint')}
      </span>
      {shownProblem && (
        <span id={`${id}-error`} className="time-input__error">
          {shownProblem}
        </span>
      )}
    </span>
  );
}
