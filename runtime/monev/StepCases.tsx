import { useId, useMemo } from 'react';
import { casesOfStep, type CaseFacts, type MonevQuery, type StepMeasures } from '../../core/monev';
import type { WorkingCalendarConfig } from '../../core/sla';
import { useI18n } from '../../ui/i18n';
import { formatDateTime } from '../format';
import { hrefs } from '../router';
import { DRILL_DOWN_KINDS, type DrillDownKind } from './monevFilters';
import { formatCount, formatHours, shortStepName } from './monevFormat';

/** More rows than a clerk reads; the count says how many there are in all. */
const SHOWN_ROWS = 200;

export interface StepCasesProps {
  facts: readonly CaseFacts[];
  query: MonevQuery;
  step: Pick<StepMeasures, 'stepId' | 'row' | 'number' | 'name'>;
  which: DrillDownKind;
  calendar: WorkingCalendarConfig;
  onWhich: (which: DrillDownKind) => void;
  onClose: () => void;
}

/** The cases behind a step's numbers: the same filters and definitions, so the count matches the row it came from. */
export function StepCases({ facts, query, step, which, calendar, onWhich, onClose }: StepCasesProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const rows = useMemo(() => casesOfStep(facts, query, step.stepId, which, calendar), [facts, query, step.stepId, which, calendar]);
  const heading = t('monev.drill.heading', { row: step.number ?? step.row, name: shortStepName(step.name) });
  return (
    <section className="mv-figure mv-drill" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <div className="rt-filters">
        <div className="rt-field">
          <label htmlFor={`${id}-which`}>{t('monev.drill.which')}</label>
          <select id={`${id}-which`} value={which} onChange={(e) => onWhich(e.target.value as DrillDownKind)}>
            {DRILL_DOWN_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`monev.drill.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="rt-button rt-button--secondary" onClick={onClose}>
          {t('monev.drill.close')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p>{t('monev.drill.none')}</p>
      ) : (
        <>
          {rows.length > SHOWN_ROWS && <p>{t('monev.drill.more', { shown: formatCount(SHOWN_ROWS, lang), count: formatCount(rows.length, lang) })}</p>}
          <div className="rt-table-wrap">
            <table className="rt-table">
              <caption className="rt-visually-hidden">{heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('monev.drill.case')}</th>
                  <th scope="col">{t('monev.drill.started')}</th>
                  <th scope="col" className="mv-num">{t('monev.drill.duration')}</th>
                  <th scope="col">{t('monev.drill.by')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, SHOWN_ROWS).map((row) => (
                  <tr key={row.caseId}>
                    <td>
                      <a href={hrefs.case(row.caseId)}>{[row.caseNumber, row.applicantName].filter(Boolean).join(' · ') || row.caseId}</a>
                    </td>
                    <td>{formatDateTime(row.startedAt, lang, calendar.timeZone)}</td>
                    <td className="mv-num">
                      {row.visits
                        .map((v) => `${t('monev.hours', { value: formatHours(v.minutes ?? null, lang) })}${v.late ? ` (${t('monev.drill.lateMark')})` : ''}`)
                        .join(', ')}
                    </td>
                    <td>{[...new Set(row.visits.map((v) => [v.personName, v.office].filter(Boolean).join(', ')))].join('; ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
