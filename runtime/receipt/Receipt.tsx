import { Fragment } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { actorLabel, findFlow, indexFlow, stepName, type CaseState } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { plainTextOf } from '../../core/text/richText';
import { caseStatusDisplay } from '../case/caseOutcome';
import { useI18n } from '../../ui/i18n';
import { UserText } from '../../ui/UserText';
import { useRuntime } from '../context';
import { formatDateTime } from '../format';
import { hrefs } from '../router';
import { Boundary } from '../guard/Boundary';
import { DamagedCase, isSoundCaseState, isSoundSop } from '../guard/DamagedCase';
import { actedBy } from '../case/actedBy';
import { formatNip, personLabel } from '../../core/people';
import type { CaseRow } from '../storage/db';

export interface ReceiptViewProps {
  row: CaseRow;
  sop: SopDocument;
  timeZone: string;
}

/**
 * The tanda terima handed to the applicant, and the case summary under it.
 * Printed on A4/F4 (the app's header and buttons are hidden in print).
 */
export function ReceiptView({ row, sop, timeZone }: ReceiptViewProps) {
  const { lang, t } = useI18n();
  const state: CaseState = row.state;
  const flow = findFlow(sop, state.sop.flowId);
  const index = flow ? indexFlow(flow) : undefined;
  const first = state.visits.find((v) => v.submission?.ticked?.length);
  const firstStep = first ? index?.steps.get(first.stepId) : undefined;
  const documents = (first?.submission?.ticked ?? []).map((id) => plainTextOf(index?.requirements.get(id)?.text) || id);
  const status = caseStatusDisplay(state);
  const attachments = state.visits.flatMap((v) => v.submission?.attachments ?? []);
  const identity = sop.identity;
  // The petugas penerima: the person who started the case.
  const receiver = state.startedBy?.person;

  return (
    <article className="rt-receipt" aria-labelledby="rt-receipt-heading">
      <div className="rt-receipt__actions rt-no-print">
        <a href={hrefs.case(row.id)}>{t('runtime.receipt.back')}</a>
        <button type="button" className="rt-button" onClick={() => window.print()}>
          {t('runtime.receipt.print')}
        </button>
      </div>
      <header className="rt-receipt__letterhead">
        <p className="rt-receipt__gov"><UserText>{identity.government}</UserText></p>
        <p className="rt-receipt__office"><UserText>{identity.office}</UserText></p>
        {identity.address && <p className="rt-receipt__address"><UserText>{identity.address}</UserText></p>}
      </header>
      <h2 id="rt-receipt-heading" className="rt-receipt__title">
        {t('runtime.receipt.heading')}
      </h2>
      <table className="rt-receipt__table">
        <tbody>
          <tr><th scope="row">{t('runtime.receipt.number')}</th><td className="rt-mono">{row.caseNumber || row.id}</td></tr>
          <tr><th scope="row">{t('runtime.receipt.service')}</th><td><UserText>{state.sop.title}</UserText>{identity.number ? <> (<UserText>{identity.number}</UserText>)</> : ''}</td></tr>
          <tr><th scope="row">{t('runtime.receipt.applicant')}</th><td><UserText>{row.applicantName || '—'}</UserText></td></tr>
          <tr><th scope="row">{t('runtime.receipt.nik')}</th><td className="rt-mono">{row.applicantNik || '—'}</td></tr>
          <tr><th scope="row">{t('runtime.receipt.received')}</th><td>{formatDateTime(state.startedAt, lang, timeZone)}</td></tr>
          <tr><th scope="row">{t('runtime.receipt.clerk')}</th><td><UserText>{receiver ? personLabel(receiver) : (state.startedBy?.user ?? '—')}</UserText></td></tr>
          <tr><th scope="row">{t('runtime.receipt.due')}</th><td>{state.caseDueAt ? formatDateTime(state.caseDueAt, lang, timeZone) : '—'}</td></tr>
          <tr><th scope="row">{t('runtime.receipt.status')}</th><td className={`rt-receipt__status rt-receipt__status--${status.modifier}`}>{t(status.key)}</td></tr>
          {status.outcome && (
            <tr><th scope="row">{t('caseFlow.receipt.outcomeRow')}</th><td className={`rt-receipt__outcome rt-receipt__outcome--${status.outcome}`}><strong>{t(`caseFlow.receipt.outcome.${status.outcome}`)}</strong></td></tr>
          )}
        </tbody>
      </table>
      <h3>{t('runtime.receipt.documents')}{firstStep ? ` (${t('runtime.step.heading', { number: stepName(firstStep) })})` : ''}</h3>
      {documents.length ? (
        <ol>
          {documents.map((d) => (
            <li key={d}><UserText>{d}</UserText></li>
          ))}
        </ol>
      ) : (
        <p>{t('runtime.receipt.noDocuments')}</p>
      )}
      {attachments.length > 0 && (
        <p className="rt-muted rt-receipt__files">
          {attachments.map((a, i) => (
            <Fragment key={a.id}>
              {i > 0 && ', '}
              <UserText>{a.name}</UserText>
            </Fragment>
          ))}
        </p>
      )}
      <div className="rt-receipt__signatures">
        <div>
          <p>{t('runtime.receipt.applicantSign')}</p>
          <p className="rt-receipt__sign-line"><UserText>{row.applicantName}</UserText></p>
        </div>
        <div>
          <p>{t('runtime.receipt.clerk')}</p>
          <p className="rt-receipt__sign-line"><UserText>{receiver?.name ?? state.startedBy?.user ?? '\u00a0'}</UserText></p>
          {receiver?.nip && <p className="rt-receipt__nip">NIP {formatNip(receiver.nip)}</p>}
        </div>
      </div>
      <section className="rt-receipt__summary" aria-labelledby="rt-summary-heading">
        <h3 id="rt-summary-heading">{t('runtime.receipt.summary')}</h3>
        <ol>
          {state.visits.map((v) => {
            const step = index?.steps.get(v.stepId);
            return (
              <li key={v.id}>
                {t('runtime.step.heading', { number: step ? stepName(step) : v.stepId })}
                {v.visitNo > 1 ? ` (${t('runtime.step.visit', { n: v.visitNo })})` : ''}: <UserText>{v.workDoneBy ? actedBy(sop, v.workDoneBy) : v.workActors.map((a) => actorLabel(sop, a)).join(', ')}</UserText> ·{' '}
                {formatDateTime(v.activatedAt, lang, timeZone)} → {v.endedAt ? formatDateTime(v.endedAt, lang, timeZone) : t('runtime.timeline.active')}
                {v.branch ? <> · <UserText>{t('runtime.timeline.branch', { label: v.branch.label })}</UserText></> : ''}
              </li>
            );
          })}
        </ol>
      </section>
    </article>
  );
}

export function Receipt({ caseId }: { caseId: string }) {
  const { db, calendar } = useRuntime();
  const { t } = useI18n();
  const row = useLiveQuery(() => db.cases.get(caseId).then((r) => r ?? null), [db, caseId]);
  // Keyed by the SOP it answers for, so a result from before the case row loaded is never taken for "no SOP".
  const sop = useLiveQuery(async () => (row ? { key: row.sopKey, row: (await db.sops.get(String(row.sopKey))) ?? null } : undefined), [db, row?.sopKey]);
  if (row === null) return <p role="alert">{t('runtime.case.notFound')}</p>;
  if (!row || !sop || sop.key !== row.sopKey) return <p role="status">{t('runtime.loading')}</p>;
  const damaged = <DamagedCase caseId={caseId} applicantName={row.applicantName} heading="receipt" />;
  if (!sop.row || !isSoundSop(sop.row.doc) || !isSoundCaseState(row.state)) return damaged;
  return (
    <Boundary fallback={() => damaged}>
      <ReceiptView row={row} sop={sop.row.doc} timeZone={calendar.timeZone} />
    </Boundary>
  );
}
