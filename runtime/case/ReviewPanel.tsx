import { useState } from 'react';
import { stepName, type CaseCommand, type FieldValue, type LocalizedText, type StepSubmission } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { UserText } from '../../ui/UserText';
import { formatDateTime, localized } from '../format';
import type { ReviewRow } from '../storage/db';
import { canRedo, type RedoResult } from '../sync/review';
import { plainTextOf } from '../../core/text/richText';

export interface ReviewPanelProps {
  items: readonly ReviewRow[];
  sop: SopDocument;
  /** Steps active on the case now: a step's input can be redone only there. */
  activeStepIds: readonly string[];
  timeZone: string;
  onRedo: (commandId: string) => Promise<RedoResult>;
  onDiscard: (commandId: string) => Promise<void>;
}

type Line = { key: string; text: string; user?: string };

function stepOf(sop: SopDocument, stepId: string | undefined) {
  return stepId ? sop.flows.flatMap((f) => f.steps).find((s) => s.id === stepId) : undefined;
}

/** What the clerk typed, line by line; user text is kept apart so it renders as text, isolated. */
function keptInput(command: CaseCommand, sop: SopDocument, t: ReturnType<typeof useI18n>['t']): Line[] {
  const lines: Line[] = [];
  const s = command as CaseCommand & StepSubmission & { reason?: string; edgeId?: string };
  const step = stepOf(sop, (s as { stepId?: string }).stepId);
  if (s.edgeId) {
    const edge = sop.flows.flatMap((f) => f.edges ?? []).find((e) => e.id === s.edgeId);
    lines.push({ key: 'branch', text: t('sync.review.branch', { label: '' }), user: edge?.label ?? s.edgeId });
  }
  if (s.ticked?.length) {
    const texts = s.ticked.map((id) => plainTextOf(step?.requirements?.find((r) => r.id === id)?.text) || id);
    lines.push({ key: 'ticked', text: t('sync.review.ticked', { items: '' }), user: texts.join('; ') });
  }
  const labels = new Map((sop.caseFields ?? []).map((f) => [f.id, f.label]));
  for (const [id, value] of Object.entries(s.fields ?? {}) as [string, FieldValue][]) {
    if (Array.isArray(value)) continue;
    lines.push({ key: `field-${id}`, text: `${labels.get(id) ?? id}: `, user: String(value) });
  }
  if (s.output) lines.push({ key: 'output', text: t('sync.review.output', { text: '' }), user: s.output });
  if (s.note) lines.push({ key: 'note', text: t('sync.review.note', { text: '' }), user: s.note });
  if (s.reason) lines.push({ key: 'reason', text: t('sync.review.reasonText', { text: '' }), user: s.reason });
  return lines;
}

/**
 * Commands of this case that no longer apply ("Perlu tinjauan"): the kept
 * input, why it was set aside, and the two ways out: redo it on the case as it
 * is now, or discard it after confirming. Nothing leaves this list otherwise.
 */
export function ReviewPanel({ items, sop, activeStepIds, timeZone, onRedo, onDiscard }: ReviewPanelProps) {
  const { lang, t } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  if (items.length === 0 && !notice) return null;
  return (
    <section className="rt-review rt-no-print" aria-labelledby="rt-review-heading">
      <h3 id="rt-review-heading">{t('sync.review.heading')}</h3>
      {notice && <p role="status" className="rt-alert rt-alert--ok">{notice}</p>}
      {problem && <p role="alert" className="rt-alert rt-alert--error">{localized(problem, lang)}</p>}
      {items.length > 0 && <p>{t('sync.review.intro')}</p>}
      {items.map((item) => {
        const command = item.command;
        const step = stepOf(sop, (command as { stepId?: string }).stepId);
        const what = t(`sync.command.${command.type}`, { step: step ? stepName(step) : '' });
        const lines = keptInput(command, sop, t);
        const redoable = canRedo(item, activeStepIds);
        const isStart = command.type === 'case.start';
        return (
          <article key={item.commandId} className="rt-review__item" aria-label={what}>
            <h4>{t('sync.review.what', { command: what, when: formatDateTime(command.at, lang, timeZone) })}</h4>
            {isStart ? (
              <p>{t('sync.review.startRefused')}</p>
            ) : (
              <p className="rt-muted">{item.source === 'server' ? t('sync.review.byServer') : t('sync.review.byRebase')}</p>
            )}
            <p>{t('sync.review.reason', { reason: localized(item.rejection.message, lang) })}</p>
            {lines.length + item.files.length > 0 && (
              <>
                <h5>{t('sync.review.input')}</h5>
                <ul>
                  {lines.map((line) => (
                    <li key={line.key}>
                      {line.text}
                      {line.user !== undefined && <UserText>{line.user}</UserText>}
                    </li>
                  ))}
                  {item.files.length > 0 && (
                    <li>
                      {t('sync.review.files', { names: '' })}
                      <UserText>{item.files.map((f) => f.name).join(', ')}</UserText>
                    </li>
                  )}
                </ul>
              </>
            )}
            {!redoable && !isStart && <p className="rt-muted">{t('sync.review.notActive')}</p>}
            {redoable && STEP_TYPES.has(command.type) && <p className="rt-muted">{t('sync.review.redoHint')}</p>}
            {confirming === item.commandId ? (
              <div role="alertdialog" aria-label={t('sync.review.discard')} className="rt-alert rt-alert--warning">
                <p>{t('sync.review.confirmDiscard')}</p>
                <div className="rt-review__actions">
                  <button
                    type="button"
                    className="rt-button rt-button--danger"
                    onClick={async () => {
                      await onDiscard(item.commandId);
                      setConfirming(null);
                      setNotice(t('sync.review.discarded'));
                    }}
                  >
                    {t('sync.review.confirmYes')}
                  </button>
                  <button type="button" className="rt-button" onClick={() => setConfirming(null)}>
                    {t('sync.review.confirmNo')}
                  </button>
                </div>
              </div>
            ) : (
              <div className="rt-review__actions">
                {redoable && (
                  <button
                    type="button"
                    className="rt-button"
                    onClick={async () => {
                      setProblem(null);
                      const result = await onRedo(item.commandId);
                      if (result.kind === 'draft') setNotice(t('sync.review.redoneDraft', { step: step ? stepName(step) : result.stepId }));
                      else if (result.kind === 'issued') setNotice(t('sync.review.redoneIssued'));
                      else if (result.kind === 'refused') setProblem(result.message);
                      else setNotice(t('sync.review.notActive'));
                    }}
                  >
                    {t('sync.review.redo')}
                  </button>
                )}
                <button type="button" className="rt-button rt-button--danger" onClick={() => setConfirming(item.commandId)}>
                  {isStart ? t('sync.review.acknowledge') : t('sync.review.discard')}
                </button>
              </div>
            )}
          </article>
        );
      })}
    </section>
  );
}

const STEP_TYPES = new Set<CaseCommand['type']>(['step.complete', 'branch.choose', 'step.signOff']);
