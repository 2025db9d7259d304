import { actorLabel, findFlow, indexFlow, stepName, timeline, type CaseState, type Visit } from '../../core/engine';
import { actualAgainstWaktu, type WorkingCalendarConfig } from '../../core/sla';
import { parseWaktu } from '../../core/waktu';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { formatDateTime, formatMinutesShort } from '../format';

export interface TimelineProps {
  sop: SopDocument;
  state: CaseState;
  calendar: WorkingCalendarConfig;
  now: number;
}

/**
 * Who did what and when: one row per visit, in the order the visits happened
 * (a step visited twice appears twice), with the working time taken against
 * the step's Waktu.
 */
export function Timeline({ sop, state, calendar, now }: TimelineProps) {
  const { lang, t } = useI18n();
  const flow = findFlow(sop, state.sop.flowId);
  const index = flow ? indexFlow(flow) : undefined;
  const visits = timeline(state);
  const tz = calendar.timeZone;

  function who(visit: Visit): string {
    const by = visit.workDoneBy?.actorId;
    const names = by ? [actorLabel(sop, by)] : visit.workActors.map((a) => actorLabel(sop, a));
    const signers = visit.signatures.map((s) => actorLabel(sop, s.actorId));
    return [...names, ...signers].join(' → ') || '—';
  }

  function result(visit: Visit, verdict: string | null): string {
    const parts: string[] = [];
    if (visit.status === 'active') parts.push(t('runtime.timeline.active'));
    if (visit.status === 'returned') parts.push(t('runtime.timeline.returned'));
    if (visit.status === 'cancelled') parts.push(t('runtime.timeline.cancelled'));
    if (visit.auto) parts.push(t('runtime.timeline.auto'));
    if (visit.branch) parts.push(t('runtime.timeline.branch', { label: visit.branch.label || visit.branch.toStepId || '' }));
    if (verdict) parts.push(verdict);
    return parts.join(' · ');
  }

  return (
    <section className="rt-section" aria-labelledby="rt-timeline-heading">
      <h3 id="rt-timeline-heading">{t('runtime.timeline.heading')}</h3>
      {visits.length === 0 ? (
        <p>{t('runtime.timeline.empty')}</p>
      ) : (
        <div className="rt-table-wrap">
          <table className="rt-table rt-timeline">
            <thead>
              <tr>
                <th scope="col">{t('runtime.timeline.col.step')}</th>
                <th scope="col">{t('runtime.timeline.col.actor')}</th>
                <th scope="col">{t('runtime.timeline.col.started')}</th>
                <th scope="col">{t('runtime.timeline.col.ended')}</th>
                <th scope="col">{t('runtime.timeline.col.duration')}</th>
                <th scope="col">{t('runtime.timeline.col.waktu')}</th>
                <th scope="col">{t('runtime.timeline.col.result')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((visit) => {
                const step = index?.steps.get(visit.stepId);
                const raw = step?.waktu?.raw ?? '';
                const end = visit.endedAt ? Date.parse(visit.endedAt) : now;
                const actual = actualAgainstWaktu(calendar, parseWaktu(raw), Date.parse(visit.activatedAt), end, visit.dueAt ? Date.parse(visit.dueAt) : null);
                const verdict =
                  visit.status === 'done' && !visit.auto
                    ? t(actual.verdict === 'on-time' ? 'runtime.timeline.onTime' : actual.verdict === 'late' ? 'runtime.timeline.late' : 'runtime.timeline.noLimit')
                    : null;
                return (
                  <tr key={visit.id} data-visit={visit.id} className={visit.status === 'active' ? 'rt-timeline__active' : undefined}>
                    <th scope="row">
                      {step ? stepName(step) : visit.stepId}
                      {visit.visitNo > 1 && ' '}
                      {visit.visitNo > 1 && <span className="rt-muted">({t('runtime.step.visit', { n: visit.visitNo })})</span>}
                    </th>
                    <td>{who(visit)}</td>
                    <td>{formatDateTime(visit.activatedAt, lang, tz)}</td>
                    <td>{visit.endedAt ? formatDateTime(visit.endedAt, lang, tz) : '—'}</td>
                    <td>{t('runtime.timeline.working', { duration: formatMinutesShort(actual.workingMinutes, lang) })}</td>
                    <td>{raw || '—'}</td>
                    <td className={actual.verdict === 'late' && visit.status === 'done' ? 'rt-late' : undefined}>{result(visit, verdict)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
