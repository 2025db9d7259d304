import { actorLabel, findFlow, indexFlow, returnBehind, returnThatEnded, stepName, timeline, type CaseState, type Visit } from '../../core/engine';
import { actualAgainstWaktu, type WorkingCalendarConfig } from '../../core/sla';
import { parseWaktu } from '../../core/waktu';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { plainTextOf } from '../../core/text/richText';
import { useI18n } from '../../ui/i18n';
import { formatDateTime, formatMinutesShort } from '../format';
import { actedBy } from './actedBy';
import { UserText } from '../../ui/UserText';

export interface TimelineProps {
  sop: SopDocument;
  state: CaseState;
  calendar: WorkingCalendarConfig;
  now: number;
}

/**
 * Who did what and when: one row per visit, in the order the visits happened
 * (a step visited twice appears twice), with the working time taken against
 * the step's Waktu, and what the clerks wrote: notes on the work and on each
 * sign-off, and why a step was sent back and what was missing. Parallel
 * branches show where they joined and which were withdrawn; an asked row that
 * did not apply shows who skipped it; sign-offs name the position; a waiting
 * step is never counted late; an end step says how the case ended.
 */
export function Timeline({ sop, state, calendar, now }: TimelineProps) {
  const { lang, t } = useI18n();
  const flow = findFlow(sop, state.sop.flowId);
  const index = flow ? indexFlow(flow) : undefined;
  const visits = timeline(state);
  const tz = calendar.timeZone;

  /** The person and lane who did the work, then each signer: "Rina Operator (DESA/KELURAHAN) → Budi (KECAMATAN)". */
  function who(visit: Visit): string {
    const done = visit.workDoneBy;
    // A step that is only a sign-off chain has no work of its own: its signers say it all.
    const workers = !visit.hasWork && !visit.skipped ? [] : done?.actorId || done?.person || done?.user ? [actedBy(sop, done)] : visit.workActors.map((a) => actorLabel(sop, a));
    const signers = visit.signatures.map((s) => {
      if (s.position === undefined) return actedBy(sop, { ...s.by, actorId: s.actorId });
      const action = t(s.action === 'tandaTangan' ? 'caseFlow.chain.tandaTangan' : 'caseFlow.chain.paraf').toLowerCase();
      return t('caseFlow.timeline.signer', { person: s.by?.person?.name ?? s.by?.user ?? '—', position: t('caseFlow.chain.position', { action, position: s.position }), lane: actorLabel(sop, s.actorId) });
    });
    return [...workers, ...signers].join(' → ') || '—';
  }

  const stepLabel = (stepId: string) => {
    const step = index?.steps.get(stepId);
    return step ? stepName(step) : stepId;
  };
  const requirementText = (id: string) => plainTextOf(index?.requirements.get(id)?.text) || id;

  function notes(visit: Visit): { key: string; label: string; text: string }[] {
    const out: { key: string; label: string; text: string }[] = [];
    const note = visit.submission?.note?.trim();
    if (note) out.push({ key: 'note', label: t(visit.skipped ? 'caseFlow.timeline.skipReason' : 'runtime.timeline.note'), text: note });
    for (const sig of visit.signatures) {
      if (sig.note?.trim()) out.push({ key: `sig${sig.slot}`, label: t('runtime.timeline.signNote', { actor: actorLabel(sop, sig.actorId) }), text: sig.note.trim() });
    }
    const ended = returnThatEnded(state, visit);
    if (ended) {
      const to = 'applicant' in ended.to ? t('runtime.timeline.toApplicant') : t('runtime.timeline.toStep', { number: stepLabel(ended.to.stepId) });
      const by = actedBy(sop, ended.by);
      out.push({ key: 'return', label: t(by ? 'runtime.timeline.returnReasonBy' : 'runtime.timeline.returnReason', { to, by }), text: ended.reason });
      if (ended.missing.length) out.push({ key: 'missing', label: t('runtime.timeline.missing'), text: ended.missing.map(requirementText).join('; ') });
    }
    return out;
  }

  function result(visit: Visit, verdict: string | null): string {
    const parts: string[] = [];
    if (visit.status === 'active') parts.push(t('runtime.timeline.active'));
    if (visit.status === 'returned') parts.push(t('runtime.timeline.returned'));
    if (visit.status === 'cancelled') parts.push(t('runtime.timeline.cancelled'));
    if (visit.status === 'withdrawn') parts.push(withdrawnText(visit));
    if (visit.skipped) parts.push(t('caseFlow.timeline.skipped'));
    if (visit.auto) parts.push(t('runtime.timeline.auto'));
    if (visit.joined) parts.push(t('caseFlow.timeline.joined', { numbers: visit.joined.map((id) => stepLabel(state.visits.find((v) => v.id === id)?.stepId ?? id)).join(', ') }));
    const behind = returnBehind(state, visit);
    if (behind) parts.push('applicant' in behind.to ? t('runtime.timeline.afterApplicant') : t('runtime.timeline.cameBack', { number: behind.fromStepIds.map(stepLabel).join(', ') }));
    if (visit.branch) parts.push(t('runtime.timeline.branch', { label: visit.branch.label || visit.branch.toStepId || '' }));
    if (visit.outcome && visit.status === 'done') parts.push(t('caseFlow.timeline.outcome', { outcome: t(`caseFlow.outcome.${visit.outcome}`) }));
    if (verdict) parts.push(verdict);
    return parts.join(' · ');
  }

  function withdrawnText(visit: Visit): string {
    const reason = visit.withdrawn;
    if (reason?.kind === 'regionLeft') return t('caseFlow.timeline.withdrawnLeft', { number: stepLabel(reason.stepId) });
    if (reason?.kind === 'caseEnded') {
      const end = state.visits.find((v) => v.id === reason.visitId);
      return t('caseFlow.timeline.withdrawnEnded', { outcome: t(`caseFlow.outcome.${reason.outcome}`).toLowerCase(), number: stepLabel(end?.stepId ?? reason.visitId) });
    }
    return t('caseFlow.timeline.withdrawn');
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
                <th scope="col">{t('runtime.timeline.col.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((visit) => {
                const step = index?.steps.get(visit.stepId);
                const raw = step?.waktu?.raw ?? '';
                const end = visit.endedAt ? Date.parse(visit.endedAt) : now;
                const actual = actualAgainstWaktu(calendar, parseWaktu(raw), Date.parse(visit.activatedAt), end, visit.dueAt ? Date.parse(visit.dueAt) : null);
                // Waiting is not the office's time: never late, and said so.
                const verdict =
                  visit.measure === 'wait'
                    ? t('caseFlow.timeline.wait')
                    : visit.status === 'done' && !visit.auto && !visit.skipped
                      ? t(actual.verdict === 'on-time' ? 'runtime.timeline.onTime' : actual.verdict === 'late' ? 'runtime.timeline.late' : 'runtime.timeline.noLimit')
                      : null;
                return (
                  <tr key={visit.id} data-visit={visit.id} className={visit.status === 'active' ? 'rt-timeline__active' : undefined}>
                    <th scope="row">
                      {step ? stepName(step) : visit.stepId}
                      {visit.visitNo > 1 && ' '}
                      {visit.visitNo > 1 && <span className="rt-muted">({t('runtime.step.visit', { n: visit.visitNo })})</span>}
                    </th>
                    <td><UserText>{who(visit)}</UserText></td>
                    <td>{formatDateTime(visit.activatedAt, lang, tz)}</td>
                    <td>{visit.endedAt ? formatDateTime(visit.endedAt, lang, tz) : '—'}</td>
                    <td>{t('runtime.timeline.working', { duration: formatMinutesShort(actual.workingMinutes, lang) })}</td>
                    <td>{raw || '—'}</td>
                    <td className={actual.verdict === 'late' && visit.status === 'done' && visit.measure !== 'wait' && !visit.skipped ? 'rt-late' : undefined}>{result(visit, verdict)}</td>
                    <td className="rt-timeline__notes">
                      {notes(visit).map((n) => (
                        <p key={n.key}>
                          <span className="rt-timeline__note-label">{n.label}</span> <UserText>{n.text}</UserText>
                        </p>
                      ))}
                    </td>
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
