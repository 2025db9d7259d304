import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_WORKING_CALENDAR, checkWorkingCalendar, type WorkingCalendarConfig, type WorkingDayHours } from '../../core/sla';
import { useI18n } from '../../ui/i18n';
import { TimeInput, parseClockTime } from '../../ui/TimeInput';
import { localized } from '../format';

const ZONES = [
  { value: 'Asia/Jakarta', label: 'WIB (Asia/Jakarta)' },
  { value: 'Asia/Makassar', label: 'WITA (Asia/Makassar)' },
  { value: 'Asia/Jayapura', label: 'WIT (Asia/Jayapura)' },
];
/** Monday first, as an Indonesian office reads its week. */
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

interface DayRow {
  works: boolean;
  start: string;
  end: string;
  breakStart: string;
  breakEnd: string;
}

function toRows(calendar: WorkingCalendarConfig): DayRow[] {
  return Array.from({ length: 7 }, (_, day) => {
    const hours = calendar.week[day];
    return {
      works: hours != null,
      start: hours?.start ?? '07:30',
      end: hours?.end ?? '16:00',
      breakStart: hours?.breaks?.[0]?.start ?? '',
      breakEnd: hours?.breaks?.[0]?.end ?? '',
    };
  });
}

function fromRows(timeZone: string, rows: DayRow[], holidays: string): WorkingCalendarConfig {
  return {
    timeZone,
    week: rows.map((r): WorkingDayHours | null =>
      r.works ? { start: r.start, end: r.end, ...(r.breakStart && r.breakEnd ? { breaks: [{ start: r.breakStart, end: r.breakEnd }] } : {}) } : null,
    ),
    holidays: holidays.split(/\s+/).map((h) => h.trim()).filter(Boolean),
  };
}

export interface CalendarSettingsFormProps {
  calendar: WorkingCalendarConfig;
  onSave: (calendar: WorkingCalendarConfig) => Promise<void>;
}

/** The office's working week, breaks and holidays, used for every due time from now on. */
export function CalendarSettingsForm({ calendar, onSave }: CalendarSettingsFormProps) {
  const { lang, t } = useI18n();
  const id = useId();
  const [timeZone, setTimeZone] = useState(calendar.timeZone);
  const [rows, setRows] = useState(() => toRows(calendar));
  const [holidays, setHolidays] = useState(calendar.holidays.join('\n'));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [showErrors, setShowErrors] = useState(false);

  const update = (day: number, change: Partial<DayRow>) => setRows((r) => r.map((row, i) => (i === day ? { ...row, ...change } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Breaks are optional and not checked by checkWorkingCalendar: a time that is not a time must not be saved.
    const badTime = rows.some((r) => r.works && [r.start, r.end, r.breakStart, r.breakEnd].some((time, i) => (i < 2 || time !== '') && !parseClockTime(time)));
    if (badTime) {
      setShowErrors(true);
      setMessage({ ok: false, text: t('runtime.settings.timesInvalid') });
      return;
    }
    const next = fromRows(timeZone, rows, holidays);
    const problems = checkWorkingCalendar(next);
    if (problems.length > 0) {
      setMessage({ ok: false, text: problems.map((p) => localized(p.message, lang)).join(' ') });
      return;
    }
    await onSave(next);
    setMessage({ ok: true, text: t('runtime.settings.saved') });
  }

  return (
    <section className="rt-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('runtime.settings.heading')}</h2>
      <p>{t('runtime.settings.intro')}</p>
      <form className="rt-form" onSubmit={submit} noValidate>
        <div className="rt-field">
          <label htmlFor={`${id}-tz`}>{t('runtime.settings.timeZone')}</label>
          <select id={`${id}-tz`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {ZONES.map((z) => (
              <option key={z.value} value={z.value}>
                {z.label}
              </option>
            ))}
          </select>
        </div>
        <div className="rt-table-wrap">
          <table className="rt-table">
            <thead>
              <tr>
                <th scope="col">{t('runtime.settings.day')}</th>
                <th scope="col">{t('runtime.settings.works')}</th>
                <th scope="col">{t('runtime.settings.start')}</th>
                <th scope="col">{t('runtime.settings.end')}</th>
                <th scope="col">{t('runtime.settings.breakStart')}</th>
                <th scope="col">{t('runtime.settings.breakEnd')}</th>
              </tr>
            </thead>
            <tbody>
              {DAY_ORDER.map((day) => {
                const row = rows[day]!;
                const dayName = t(`runtime.day.${day}`);
                const field = (key: 'start' | 'end' | 'breakStart' | 'breakEnd', label: string) => (
                  <td>
                    <TimeInput
                      label={`${label} (${dayName})`}
                      hideLabel
                      required={key === 'start' || key === 'end'}
                      value={row[key]}
                      disabled={!row.works}
                      showErrors={showErrors}
                      onChange={(value) => update(day, { [key]: value })}
                    />
                  </td>
                );
                return (
                  <tr key={day}>
                    <th scope="row">{dayName}</th>
                    <td>
                      <input type="checkbox" aria-label={`${t('runtime.settings.works')} (${dayName})`} checked={row.works} onChange={(e) => update(day, { works: e.target.checked })} />
                    </td>
                    {field('start', t('runtime.settings.start'))}
                    {field('end', t('runtime.settings.end'))}
                    {field('breakStart', t('runtime.settings.breakStart'))}
                    {field('breakEnd', t('runtime.settings.breakEnd'))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="rt-field">
          <label htmlFor={`${id}-holidays`}>{t('runtime.settings.holidays')}</label>
          <textarea id={`${id}-holidays`} rows={5} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        </div>
        {message && (
          <div role={message.ok ? 'status' : 'alert'} className={`rt-alert ${message.ok ? 'rt-alert--ok' : 'rt-alert--error'}`}>
            {message.text}
          </div>
        )}
        <div className="rt-actions">
          <button type="submit" className="rt-button">
            {t('runtime.settings.save')}
          </button>{' '}
          <button
            type="button"
            className="rt-button rt-button--secondary"
            onClick={() => {
              setTimeZone(DEFAULT_WORKING_CALENDAR.timeZone);
              setRows(toRows(DEFAULT_WORKING_CALENDAR));
              setHolidays('');
            }}
          >
            {t('runtime.settings.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}
