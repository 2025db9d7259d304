import { useId, useMemo, useState } from 'react';
import { filterLaneGroups, type LaneGroup } from '../../core/people';
import { useI18n } from '../../ui/i18n';

export interface LanePickerProps {
  groups: readonly LaneGroup[];
  /** Selected lane keys (`${sopId}|${actorId}`). */
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
}

/**
 * The lanes a person may act as, grouped by organisation (Desa, Kecamatan,
 * the Dinas that wrote the SOP…) and searchable. A whole group can be taken
 * at once: the operator of a village acts as "Desa/Kelurahan" in every SOP.
 */
export function LanePicker({ groups, selected, onChange }: LanePickerProps) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const groupName = (group: LaneGroup) =>
    group.kind === 'citizen' ? t('runtime.profile.group.citizen') : group.kind === 'system' ? t('runtime.profile.group.system') : group.label || t('runtime.profile.group.unnamed');
  const shown = useMemo(() => filterLaneGroups(groups, query, groupName), [groups, query]); // eslint-disable-line react-hooks/exhaustive-deps
  const total = groups.reduce((n, g) => n + g.lanes.length, 0);

  const setMany = (keys: string[], on: boolean) => {
    const next = new Set(selected);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    onChange(next);
  };

  return (
    <fieldset className="rt-lanes" aria-describedby={`${id}-count`}>
      <legend>{t('runtime.profile.lanes')}</legend>
      <p className="rt-muted">{t('runtime.profile.lanesHelp')}</p>
      <div className="rt-field rt-search">
        <label htmlFor={`${id}-search`}>{t('runtime.profile.searchLanes')}</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p id={`${id}-count`} role="status" className="rt-muted">
        {t('runtime.profile.selectedCount', { count: selected.size, total })}
      </p>
      {total === 0 && <p>{t('runtime.profile.noLanes')}</p>}
      {total > 0 && shown.length === 0 && <p>{t('runtime.profile.noLaneMatch', { query })}</p>}
      <div className="rt-lanes__groups">
        {shown.map((group) => {
          const keys = group.lanes.map((lane) => lane.key);
          const chosen = keys.filter((key) => selected.has(key)).length;
          const name = groupName(group);
          return (
            <fieldset key={group.key} className="rt-lanes__group">
              <legend>
                <label className="rt-check">
                  <input
                    type="checkbox"
                    checked={chosen === keys.length}
                    ref={(el) => {
                      if (el) el.indeterminate = chosen > 0 && chosen < keys.length;
                    }}
                    onChange={(e) => setMany(keys, e.target.checked)}
                    aria-label={t('runtime.profile.wholeGroup', { group: name, count: keys.length })}
                  />
                  <span>{name}</span>
                  <span className="rt-muted"> ({chosen}/{keys.length})</span>
                </label>
              </legend>
              <ul className="rt-lanes__list">
                {group.lanes.map((lane) => (
                  <li key={lane.key}>
                    <label className="rt-check">
                      <input type="checkbox" checked={selected.has(lane.key)} onChange={(e) => setMany([lane.key], e.target.checked)} />
                      <span>
                        {lane.label} <span className="rt-muted">— {lane.sopTitle}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}
