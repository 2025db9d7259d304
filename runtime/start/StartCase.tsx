import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent, type ReactNode } from 'react';
import { checkNik, fieldsCollectedAt, normalizeNik, type LocalizedText, type Rejection } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { formatDateTime, localized } from '../format';
import { FieldInput } from '../forms/FieldInput';
import { hrefs, navigate } from '../router';
import { runningCasesForNik, startCase, storeSopRevision } from '../storage/repository';
import { UserText } from '../../ui/UserText';
import { useReportFormInProgress } from '../../ui/pwa/formsInProgress';
import { TRIAL_PARAM } from '../trial';
import type { Availability } from '../catalogue/runtimeCatalogue';

export interface StartCaseFormProps {
  sop: SopDocument;
  /** What to say about a valid NIK as it is typed (the cases already running for it). */
  nikNotice?: (nik: string) => ReactNode;
  /** Starts the case; resolves to a rejection to show, or nothing on success. */
  onSubmit: (fields: Record<string, string>) => Promise<{ message: LocalizedText; details?: Record<string, LocalizedText> } | void>;
}

/** The applicant form generated from the SOP's case fields that have no collecting step. */
export function StartCaseForm({ sop, nikNotice, onSubmit }: StartCaseFormProps) {
  const { lang, t } = useI18n();
  const fields = fieldsCollectedAt(sop.caseFields, null).filter((f) => f.type !== 'file');
  const [values, setValues] = useState<Record<string, string>>({});
  const nikField = fields.find((f) => f.type === 'nik');
  const nik = nikField ? normalizeNik(values[nikField.id] ?? '') : '';
  const nikValid = nik !== '' && checkNik(nik).ok;
  const [problem, setProblem] = useState<{ message: LocalizedText; details?: Record<string, LocalizedText> } | null>(null);
  const [busy, setBusy] = useState(false);
  // Nothing of this form is stored until the case starts: the update prompt warns that a reload would clear it.
  useReportFormInProgress('runtime-start-case', Object.values(values).some((v) => v.trim() !== '') ? 'unsaved' : 'none');

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
        {nikNotice && nikValid && nikNotice(nik)}
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
  const { db, calendar, catalogue, person, myLaneKeys } = useRuntime();
  const { t, lang } = useI18n();
  const found = useLiveQuery(async () => {
    const item = await catalogue.get(sopKey);
    return item ? { item, availability: await catalogue.availability(sopKey) } : null;
  }, [catalogue, sopKey]);
  if (found === undefined) return <p role="status">{t('runtime.loading')}</p>;
  if (found === null) {
    return (
      <section className="rt-section" aria-labelledby="rt-start-heading">
        <h2 id="rt-start-heading">{t('runtime.start.heading')}</h2>
        <p role="alert">{t('runtime.notFound')}</p>
      </section>
    );
  }
  const { item, availability } = found;
  if (!availability.offered) return <NotOffered title={item.title} revision={item.revision} availability={availability} />;
  if (!person) {
    return (
      <section className="rt-section" aria-labelledby="rt-start-heading">
        <h2 id="rt-start-heading">{t('runtime.start.heading')}</h2>
        <p className="rt-lead">{item.title}</p>
        <div role="alert" className="rt-alert rt-alert--warning">
          <p>{t('runtime.profile.needed')}</p>
          <a className="rt-button" href={hrefs.profile()}>
            {t('runtime.profile.setUp')}
          </a>
        </div>
      </section>
    );
  }
  const startActors = new Set((item.doc.flows[0]?.steps.find((step) => step.kind === 'start')?.actors ?? []).map((a) => a.actor));
  const mine = myLaneKeys.filter((key) => key.startsWith(`${item.sopId}|`)).map((key) => key.slice(item.sopId.length + 1));
  const actorId = mine.find((a) => startActors.has(a)) ?? mine[0];
  return (
    <StartCaseForm
      sop={item.doc}
      nikNotice={(nik) => <RunningCasesWarning sopId={item.sopId} nik={nik} />}
      onSubmit={async (fields) => {
        try {
          // The case pins this exact revision: the runtime keeps its own copy, so archiving or a newer revision never changes it.
          if (!item.trial) await storeSopRevision(db, item.doc);
        } catch (error) {
          return { message: (error as { localized?: LocalizedText }).localized ?? { id: String(error), en: String(error) } };
        }
        const result = await startCase(
          db,
          { sopKey: item.key, fields, by: { person, ...(actorId ? { actorId } : {}) }, ...(item.trial ? { allowDraft: true } : {}) },
          { calendar },
        );
        if (result.ok) {
          navigate(hrefs.case(result.state.id));
          return;
        }
        return result.rejection as Rejection;
      }}
    />
  );
}

export interface NotOfferedProps {
  title: string;
  revision: number;
  availability: Exclude<Availability, { offered: true }>;
}

/** Why no new case starts on this revision (superseded, archived, or on a linked device not from the server), and where to go instead. */
export function NotOffered({ title, revision, availability }: NotOfferedProps) {
  const { t } = useI18n();
  return (
    <section className="rt-section" aria-labelledby="rt-start-heading">
      <h2 id="rt-start-heading">{t('runtime.start.heading')}</h2>
      <p className="rt-lead">{title}</p>
      <div role="alert" className="rt-alert rt-alert--warning">
        <p>
          {availability.reason === 'superseded'
            ? t('runtime.start.superseded', { revision, current: availability.current?.revision ?? '?' })
            : availability.reason === 'notFromServer'
              ? t('runtime.start.notFromServer', { revision })
              : t('runtime.start.archived', { revision })}
        </p>
        {availability.current && (
          <a className="rt-button" href={hrefs.start(availability.current.key)}>
            {t('runtime.start.onCurrent', { revision: availability.current.revision })}
          </a>
        )}
        {availability.reason === 'notFromServer' && (
          <p>
            <a href={`?${TRIAL_PARAM}=1#/`}>{t('runtime.catalogue.server.examples')}</a>
          </p>
        )}
      </div>
    </section>
  );
}

/** A NIK that already has a case running on this SOP: said plainly, with a link, but never blocking (a second application can be legitimate). */
export function RunningCasesWarning({ sopId, nik }: { sopId: string; nik: string }) {
  const { db, calendar } = useRuntime();
  const { t, lang } = useI18n();
  const running = useLiveQuery(() => runningCasesForNik(db, sopId, nik), [db, sopId, nik]);
  if (!running || running.length === 0) return null;
  return (
    <div role="status" className="rt-alert rt-alert--warning rt-running">
      <p>{t('runtime.start.nikRunning', { count: running.length })}</p>
      <ul>
        {running.map((row) => (
          <li key={row.id}>
            <a href={hrefs.case(row.id)}>{row.caseNumber || row.id.slice(0, 8)}</a> · <UserText>{row.applicantName}</UserText> · {t('runtime.start.startedOn', { date: formatDateTime(new Date(row.startedAt).toISOString(), lang, calendar.timeZone) })}
          </li>
        ))}
      </ul>
      <p className="rt-muted">{t('runtime.start.nikRunningHint')}</p>
    </div>
  );
}
