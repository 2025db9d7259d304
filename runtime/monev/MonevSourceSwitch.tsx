import { useId } from 'react';
import { useI18n } from '../../ui/i18n';
import type { MonevSource } from './monevFilters';

export interface MonevSourceSwitchProps {
  /** Absent: the cases on this device. */
  source: MonevSource | undefined;
  onChange: (source: MonevSource | undefined) => void;
}

/** Where the dashboard's numbers come from: this device's cases, or every case of the office on the server. */
export function MonevSourceSwitch({ source, onChange }: MonevSourceSwitchProps) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="rt-filters mv-source">
      <legend>{t('monev.source.label')}</legend>
      <label>
        <input type="radio" name={name} checked={source === undefined} onChange={() => onChange(undefined)} /> {t('monev.source.device')}
      </label>
      <label>
        <input type="radio" name={name} checked={source === 'server'} onChange={() => onChange('server')} /> {t('monev.source.server')}
      </label>
    </fieldset>
  );
}
