import { useId, useState } from 'react';
import { findFlow, indexFlow, returnTargets, stepName, type CaseState, type LocalizedText, type Visit } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { localized } from '../format';
import { plainTextOf } from '../../core/text/richText';
import { TextView } from '../../ui/TextView';

export type ReturnIntent =
  | { kind: 'return'; stepId: string; to: { stepId: string } | { applicant: true }; reason: string; missing: string[] }
  | { kind: 'cancel'; reason: string };

export interface ReturnPanelProps {
  sop: SopDocument;
  state: CaseState;
  visit: Visit;
  onSubmit: (intent: ReturnIntent) => Promise<{ message: LocalizedText } | void>;
}

/** Send the case back (to an earlier step or to the applicant) with a reason and what is missing, or cancel it. */
export function ReturnPanel({ sop, state, visit, onSubmit }: ReturnPanelProps) {
  const { lang, t } = useI18n();
  const id = useId();
  const targets = returnTargets(sop, state, visit);
  const flow = findFlow(sop, state.sop.flowId);
  const requirements = flow ? [...indexFlow(flow).requirements.values()] : [];
  const [target, setTarget] = useState('applicant');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [cancelReason, setCancelReason] = useState('');
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(intent: ReturnIntent) {
    setBusy(true);
    const result = await onSubmit(intent);
    setBusy(false);
    setProblem(result?.message ?? null);
  }

  return (
    <details className="rt-return">
      <summary>{t('runtime.return.heading')}</summary>
      <form
        className="rt-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run({ kind: 'return', stepId: visit.stepId, to: target === 'applicant' ? { applicant: true } : { stepId: target }, reason, missing });
        }}
      >
        <div className="rt-field">
          <label htmlFor={`${id}-to`}>{t('runtime.return.to')}</label>
          <select id={`${id}-to`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="applicant">{t('runtime.return.applicant')}</option>
            {targets.map((s) => (
              <option key={s.id} value={s.id}>
                {t('runtime.return.step', { number: stepName(s), text: plainTextOf(s.text).replace(/\s+/g, ' ').slice(0, 70) })}
              </option>
            ))}
          </select>
        </div>
        <div className="rt-field">
          <label htmlFor={`${id}-reason`}>{t('runtime.return.reason')}</label>
          <textarea id={`${id}-reason`} rows={2} value={reason} required onChange={(e) => setReason(e.target.value)} />
        </div>
        {requirements.length > 0 && (
          <fieldset className="rt-checklist">
            <legend>{t('runtime.return.missing')}</legend>
            {requirements.map((r) => (
              <label key={r.id} className="rt-check__label">
                <input
                  type="checkbox"
                  checked={missing.includes(r.id)}
                  onChange={(e) => setMissing((m) => (e.target.checked ? [...m, r.id] : m.filter((x) => x !== r.id)))}
                />
                <TextView value={r.text} inline />
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" className="rt-button rt-button--secondary" disabled={busy}>
          {t('runtime.return.submit')}
        </button>
      </form>
      <form
        className="rt-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run({ kind: 'cancel', reason: cancelReason });
        }}
      >
        <div className="rt-field">
          <label htmlFor={`${id}-cancel`}>{t('runtime.cancel.reason')}</label>
          <input id={`${id}-cancel`} value={cancelReason} required onChange={(e) => setCancelReason(e.target.value)} />
        </div>
        <button type="submit" className="rt-button rt-button--danger" disabled={busy}>
          {t('runtime.cancel.submit')}
        </button>
      </form>
      {problem && (
        <div role="alert" className="rt-alert rt-alert--error">
          {localized(problem, lang)}
        </div>
      )}
    </details>
  );
}
