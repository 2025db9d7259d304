import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { fieldsCollectedAt, type LocalizedText, type Rejection } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { localized } from '../format';
import { FieldInput } from '../forms/FieldInput';
import { hrefs, navigate } from '../router';
import { startCase } from '../storage/repository';

export interface StartCaseFormProps {
  sop: SopDocument;
  /** Starts the case; resolves to a rejection to show, or nothing on success. */
  onSubmit: (fields: Record<string, string>) => Promise<{ message: LocalizedText; details?: Record<string, LocalizedText> } | void>;
}

/** The applicant form generated from the SOP's case fields that have no collecting step. */
export function StartCaseForm({ sop, onSubmit }: StartCaseFormProps) {
  const { lang, t } = useI18n();
  const fields = fieldsCollectedAt(sop.caseFields, null).filter((f) => f.type !== 'file');
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ message: LocalizedText; details?: Record<string, LocalizedText> } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const entered = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
    const result = await onSubmit(entered);
    setBusy(false);
    setProblem(result ?? null);
  }

  return (
    <section aria-labelledby="rt-start-heading" className="rt-section">
      <h2 id="rt-start-heading">{t('runtime.start.heading')}</h2>
      <p className="rt-lead">{sop.identity.title}</p>
      <form onSubmit={submit} noValidate className="rt-form">
        <p>{fields.length > 0 ? t('runtime.start.intro') : t('runtime.start.noFields')}</p>
        {fields.map((field) => (
          <FieldInput
            key={field.id}
            field={field}
            value={values[field.id] ?? ''}
            onChange={(value) => setValues((v) => ({ ...v, [field.id]: value }))}
            {...(problem?.details?.[field.id] ? { error: problem.details[field.id] } : {})}
          />
        ))}
        {problem && (
          <div role="alert" className="rt-alert rt-alert--error">
            {localized(problem.message, lang)}
          </div>
        )}
        <button type="submit" className="rt-button" disabled={busy}>
          {busy ? t('runtime.form.busy') : t('runtime.start.submit')}
        </button>
      </form>
    </section>
  );
}

export function StartCasePage({ sopKey }: { sopKey: string }) {
  const { db, calendar } = useRuntime();
  const { t } = useI18n();
  const row = useLiveQuery(() => db.sops.get(sopKey).then((r) => r ?? null), [db, sopKey]);
  if (row === undefined) return <p role="status">{t('runtime.loading')}</p>;
  if (row === null) return <p role="alert">{t('runtime.notFound')}</p>;
  return (
    <StartCaseForm
      sop={row.doc}
      onSubmit={async (fields) => {
        const result = await startCase(db, { sopKey, fields, ...(row.trial ? { allowDraft: true } : {}) }, { calendar });
        if (result.ok) {
          navigate(hrefs.case(result.state.id));
          return;
        }
        return result.rejection as Rejection;
      }}
    />
  );
}
