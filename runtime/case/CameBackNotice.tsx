import { useId } from 'react';
import { findFlow, indexFlow, stepName, type CaseState, type ReturnRecord } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { formatDateTime } from '../format';
import { actedBy } from './actedBy';
import { UserText } from '../../ui/UserText';
import { plainTextOf } from '../../core/text/richText';

export interface CameBackNoticeProps {
  sop: SopDocument;
  state: CaseState;
  /** The return that brought the case to this step (see `returnBehind`). */
  record: ReturnRecord;
  timeZone: string;
}

/** Why the case is at this step again: who sent it back, when, the reason, and what was missing. */
export function CameBackNotice({ sop, state, record, timeZone }: CameBackNoticeProps) {
  const { lang, t } = useI18n();
  const titleId = useId();
  const flow = findFlow(sop, state.sop.flowId);
  const index = flow ? indexFlow(flow) : undefined;
  const steps = record.fromStepIds.map((id) => {
    const step = index?.steps.get(id);
    return step ? stepName(step) : id;
  });
  const by = actedBy(sop, record.by);
  const missing = record.missing.map((id) => plainTextOf(index?.requirements.get(id)?.text) || id);
  const toApplicant = 'applicant' in record.to;
  return (
    <div className="rt-alert rt-came-back" role="note" aria-labelledby={titleId}>
      <p id={titleId} className="rt-came-back__title">
        {t(toApplicant ? 'runtime.cameBack.headingApplicant' : 'runtime.cameBack.heading')}
      </p>
      <p>
        {t(by ? 'runtime.cameBack.byFrom' : 'runtime.cameBack.from', { steps: steps.join(', '), by, time: formatDateTime(record.at, lang, timeZone) })}
      </p>
      <p>
        <strong>{t('runtime.cameBack.reason')}</strong> <UserText>{record.reason}</UserText>
      </p>
      {missing.length > 0 && (
        <>
          <p>
            <strong>{t('runtime.cameBack.missing')}</strong>
          </p>
          <ul>
            {missing.map((text, i) => (
              <li key={record.missing[i]}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
