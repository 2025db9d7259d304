import { useId } from 'react';
import { useI18n } from '../../ui/i18n';
import { lastSixMonths, type MonevFilters } from './monevFilters';

export interface MonevFiltersFormProps {
  filters: MonevFilters;
  /** The offices to choose from; absent when the source does not say which offices its cases are of (no choice shown). */
  offices?: readonly string[];
  lanes: readonly { id: string; label: string }[];
  revisions: readonly number[];
  now: number;
  timeZone: string;
  onChange: (filters: MonevFilters) => void;
}

/**
 * Period, office, lane and revision; every change goes to the URL (the page reads filters only from there).
 * Clearing them keeps the source: it says where the numbers come from, not which cases are counted.
 */
export function MonevFiltersForm({ filters, offices, lanes, revisions, now, timeZone, onChange }: MonevFiltersFormProps) {
  const { t } = useI18n();
  const id = useId();
  // A new filter shows the whole dashboard again, not the cases of a step picked under the old one.
  const set = (patch: Partial<MonevFilters>) => {
    const next: MonevFilters = { ...filters, ...patch };
    delete next.step;
    delete next.which;
    for (const key of Object.keys(next) as (keyof MonevFilters)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    onChange(next);
  };
  return (
    <fieldset className="rt-filters mv-filters">
      <legend>{t('monev.filter.label')}</legend>
      <div className="rt-field">
        <label htmlFor={`${id}-from`}>{t('monev.filter.from')}</label>
        <input id={`${id}-from`} type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => set({ from: e.target.value || undefined })} />
      </div>
      <div className="rt-field">
        <label htmlFor={`${id}-to`}>{t('monev.filter.to')}</label>
        <input id={`${id}-to`} type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => set({ to: e.target.value || undefined })} />
      </div>
      {offices && (
      <div className="rt-field">
        <label htmlFor={`${id}-office`}>{t('monev.filter.office')}</label>
        <select id={`${id}-office`} value={filters.office ?? ''} onChange={(e) => set({ office: e.target.value || undefined })}>
          <option value="">{t('monev.filter.all')}</option>
          {offices.map((office) => (
            <option key={office} value={office}>
              {office}
            </option>
          ))}
        </select>
      </div>
      )}
      <div className="rt-field">
        <label htmlFor={`${id}-lane`}>{t('monev.filter.lane')}</label>
        <select id={`${id}-lane`} value={filters.lane ?? ''} onChange={(e) => set({ lane: e.target.value || undefined })}>
          <option value="">{t('monev.filter.all')}</option>
          {lanes.map((lane) => (
            <option key={lane.id} value={lane.id}>
              {lane.label}
            </option>
          ))}
        </select>
      </div>
      {revisions.length > 1 && (
        <div className="rt-field">
          <label htmlFor={`${id}-revision`}>{t('monev.filter.revision')}</label>
          <select id={`${id}-revision`} value={filters.revision ?? ''} onChange={(e) => set({ revision: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('monev.filter.all')}</option>
            {revisions.map((n) => (
              <option key={n} value={n}>
                {t('monev.filter.revisionOption', { number: n })}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="mv-filters__actions">
        <button type="button" className="rt-button rt-button--secondary" onClick={() => set(lastSixMonths(now, timeZone))}>
          {t('monev.filter.lastSixMonths')}
        </button>
        <button type="button" className="rt-button rt-button--secondary" onClick={() => onChange(filters.source ? { source: filters.source } : {})}>
          {t('monev.filter.clear')}
        </button>
      </div>
    </fieldset>
  );
}
