import { actorLabel } from '../../core/engine';
import { useI18n } from '../../ui/i18n';
import { formatDateTime } from '../format';
import { hrefs } from '../router';
import { NO_DUE, type CaseRow, type SopRow } from '../storage/db';
import { UserText } from '../../ui/UserText';

export interface CaseTableProps {
  rows: readonly CaseRow[];
  sops: ReadonlyMap<string, SopRow>;
  timeZone: string;
  now: number;
  caption: string;
}

/** Cases as a table: applicant, case number, NIK, SOP, active step, who it waits for, due time (overdue marked), status. */
export function CaseTable({ rows, sops, timeZone, now, caption }: CaseTableProps) {
  const { lang, t } = useI18n();
  return (
    <div className="rt-table-wrap">
      <table className="rt-table">
        <caption className="rt-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('runtime.list.col.applicant')}</th>
            <th scope="col">{t('runtime.list.col.number')}</th>
            <th scope="col">{t('runtime.list.col.nik')}</th>
            <th scope="col">{t('runtime.list.col.sop')}</th>
            <th scope="col">{t('runtime.list.col.step')}</th>
            <th scope="col">{t('runtime.list.col.actor')}</th>
            <th scope="col">{t('runtime.list.col.due')}</th>
            <th scope="col">{t('runtime.list.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const sop = sops.get(row.sopKey)?.doc;
            const steps = sop?.flows.find((f) => f.id === row.state.sop.flowId)?.steps ?? [];
            const stepLabels = row.currentStepIds.map((id) => steps.find((s) => s.id === id)?.number ?? id).join(', ');
            const overdue = row.status === 'open' && row.dueAt !== NO_DUE && now > row.dueAt;
            return (
              <tr key={row.id}>
                <th scope="row">
                  <a href={hrefs.case(row.id)}><UserText>{row.applicantName || t('runtime.case.noName')}</UserText></a>
                </th>
                <td className="rt-mono rt-nowrap">{row.caseNumber || '—'}</td>
                <td className="rt-mono">{row.applicantNik || '—'}</td>
                <td><UserText>{row.title}</UserText></td>
                <td>{stepLabels || '—'}</td>
                <td>{row.currentActors.map((a) => (sop ? actorLabel(sop, a) : a)).join(', ') || '—'}</td>
                <td>
                  {row.dueAt === NO_DUE ? '—' : formatDateTime(row.dueAt, lang, timeZone)}
                  {overdue && <span className="rt-status rt-status--overdue">{t('runtime.case.overdue')}</span>}
                </td>
                <td>{t(`runtime.case.status.${row.status}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
