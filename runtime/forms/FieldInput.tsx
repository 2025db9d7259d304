import { useId } from 'react';
import { checkNik, DATE_FIELD_RANGE, latestDateFor, type LocalizedText } from '../../core/engine';
import type { CaseField } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { localized } from '../format';

export interface FieldInputProps {
  field: CaseField;
  value: string;
  onChange: (value: string) => void;
  /** A problem to show beside the control (from the engine's rejection details). */
  error?: LocalizedText;
}

/**
 * One control generated from a case field (text, longText, number, date,
 * choice, nik, phone). File fields are captured by AttachmentInput instead.
 * The NIK is checked as the clerk types, so a mistyped digit shows at once.
 */
/** Today on this device, YYYY-MM-DD, in its own time zone. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function FieldInput({ field, value, onChange, error }: FieldInputProps) {
  const { lang, t } = useI18n();
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const nik = field.type === 'nik' && value.trim() !== '' ? checkNik(value) : null;
  const nikMessage =
    nik === null
      ? null
      : nik.ok
        ? t('runtime.start.nikOk', {
            sex: t(nik.parts.sex === 'female' ? 'runtime.sex.female' : 'runtime.sex.male'),
            date: `${String(nik.parts.birthDay).padStart(2, '0')}-${String(nik.parts.birthMonth).padStart(2, '0')}-${String(nik.parts.birthYear2).padStart(2, '0')}`,
          })
        : localized(nik.message, lang);
  const describedBy = [field.help ? helpId : '', error || nikMessage ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    required: field.required,
    'aria-invalid': error || (nik && !nik.ok) ? true : undefined,
    'aria-describedby': describedBy,
  } as const;

  let control;
  switch (field.type) {
    case 'longText':
      control = <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'choice':
      control = (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('runtime.form.choose')}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    default:
      control = (
        <input
          {...common}
          type={field.type === 'date' ? 'date' : field.type === 'phone' ? 'tel' : 'text'}
          inputMode={field.type === 'nik' || field.type === 'number' ? 'numeric' : field.type === 'phone' ? 'tel' : undefined}
          autoComplete={field.type === 'phone' ? 'tel' : field.id === 'nama' ? 'name' : 'off'}
          maxLength={field.type === 'nik' ? 24 : undefined}
          // The browser's date picker offers only the dates the engine accepts.
          min={field.type === 'date' ? DATE_FIELD_RANGE.earliest : undefined}
          max={field.type === 'date' ? latestDateFor(field, localToday()) : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }

  return (
    <div className="rt-field">
      <label htmlFor={id}>
        {field.label}
        {field.required && (
          <span className="rt-required" aria-label={t('runtime.form.required')}>
            {' *'}
          </span>
        )}
      </label>
      {control}
      {field.help && (
        <p id={helpId} className="rt-help">
          {field.help}
        </p>
      )}
      {(error || nikMessage) && (
        <p id={errorId} className={error || (nik && !nik.ok) ? 'rt-field__error' : 'rt-field__ok'}>
          {error ? localized(error, lang) : nikMessage}
        </p>
      )}
    </div>
  );
}
