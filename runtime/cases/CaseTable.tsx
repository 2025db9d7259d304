import { actorLabel } from '../../core/engine';
import { useI18n } from '../../ui/i18n';
import { formatDateTime } from '../format';
import { RowBoundary, textOf } from '../guard/Boundary';
import { hrefs } from '../router';
import { NO_DUE, type CaseRow, type SopRow } from '../storage/db';
import { UserText } from '../../ui/UserText';
import { caseStatusDisplay } from '../case/caseOutcome';

/** A stored row may be damaged: only a known outcome is shown as one. */
const OUTCOMES: ReadonlySet<string> = new Set(['selesai', 'ditolak', 'dirujuk', 'dibatalkan']);

export interface CaseTableProps {
  rows: readonly CaseRow[];
  sops: ReadonlyMap<string, SopRow>;
  timeZone: string;
  now: number;
  caption: string;
  /** Cases with commands kept for review (by id): marked "Perlu tinjauan". */
  needsReview?: ReadonlySet<string>;
}

/** Cases as a table: applicant, case number, NIK, SOP, active step, who it waits for, due time (overdue marked), status. */
export function CaseTable({ rows, sops, timeZone, now, caption, needsReview }: CaseTableProps) {
  const { t } = useI18n();
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
          {rows.map((row, i) => (
            <RowBoundary key={typeof row?.id === 'string' ? row.id : `row-${i}`} id={String(row?.id ?? i)} as="tr" colSpan={8}>
              <CaseTableRow row={row} sops={sops} timeZone={timeZone} now={now} needsReview={needsReview?.has(row?.id) ?? false} />
            </RowBoundary>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CaseTableRow({ row, sops, timeZone, now, needsReview }: { row: CaseRow; sops: ReadonlyMap<string, SopRow>; timeZone: string; now: number; needsReview: boolean }) {
  const { lang, t } = useI18n();
  const sop = sops.get(row.sopKey)?.doc;
  // Stored rows and SOPs can be damaged: read them through guards, so only a row that cannot be shown at all is flagged.
  const flows = Array.isArray(sop?.flows) ? sop.flows : [];
  const steps = flows.find((f) => f?.id === row.state?.sop?.flowId)?.steps;
  const stepLabels = (Array.isArray(row.currentStepIds) ? row.currentStepIds : [])
    .map((id) => textOf((Array.isArray(steps) ? steps : []).find((s) => s?.id === id)?.number, textOf(id)))
    .join(', ');
  const overdue = row.status === 'open' && row.dueAt !== NO_DUE && now > row.dueAt;
  const actors = (Array.isArray(row.currentActors) ? row.currentActors : []).map((a) => (sop && Array.isArray(sop.actors) ? textOf(actorLabel(sop, a), textOf(a)) : textOf(a)));
  return (
    <tr>
      <th scope="row">
        <a href={hrefs.case(row.id)}><UserText>{textOf(row.applicantName) || t('runtime.case.noName')}</UserText></a>
      </th>
      <td className="rt-mono rt-nowrap">{textOf(row.caseNumber) || '—'}</td>
      <td className="rt-mono">{textOf(row.applicantNik) || '—'}</td>
      <td><UserText>{textOf(row.title, t('trust.guard.untitled'))}</UserText></td>
      <td>{stepLabels || '—'}</td>
      <td>{actors.join(', ') || '—'}</td>
      <td>
        {row.dueAt === NO_DUE || typeof row.dueAt !== 'number' ? '—' : formatDateTime(row.dueAt, lang, timeZone)}
        {overdue && <span className="rt-status rt-status--overdue">{t('runtime.case.overdue')}</span>}
      </td>
      <td>
        {t(caseStatusDisplay({ status: row.status, outcome: OUTCOMES.has(row.state?.outcome as string) ? row.state.outcome : undefined }).key)}
        {needsReview && <span className="rt-status rt-status--overdue"> {t('sync.review.badge')}</span>}
      </td>
    </tr>
  );
}
