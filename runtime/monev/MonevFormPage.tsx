import { useEffect, useMemo, useRef, useState } from 'react';
import { monevStepsOf } from '../../core/monev';
import type { EvaluationForm, MonevForm } from '../../core/monev/forms';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { hrefs, navigate } from '../router';
import { newId, sopKeyOf } from '../storage/repository';
import { newEvaluationForm } from './formCreate';
import { downloadFormCsv, downloadFormXlsx } from './formDownload';
import { getMonevForm, saveMonevForm } from './formStore';
import { EvaluationFormEditor, type NoteStep } from './EvaluationFormEditor';
import { MonevFormPrint, type Paper } from './MonevFormPrint';
import { MonitoringFormEditor } from './MonitoringFormEditor';

/** How long typing pauses before the draft is written (as step drafts are). */
export const AUTOSAVE_DELAY_MS = 400;

type Loaded = { kind: 'loading' } | { kind: 'ready'; form: MonevForm; steps: NoteStep[] } | { kind: 'missing' } | { kind: 'failed'; message: string };

export interface MonevFormPageProps {
  sopId: string;
  formId: string;
  /** Given by the designer hand-off: shown on evaluation forms as "Buka draf revisi di Perancang". */
  onOpenRevisionDraft?: (form: EvaluationForm) => void;
}

/** One saved monitoring or evaluation form (`#/monev/<sopId>/formulir/<formId>`): edit, make final, print, export. */
export function MonevFormPage({ sopId, formId, onOpenRevisionDraft }: MonevFormPageProps) {
  const { db } = useRuntime();
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    (async () => {
      const form = await getMonevForm(db, formId);
      if (!form || form.subject.sopId !== sopId) return { kind: 'missing' } as const;
      const sop = await db.sops.get(sopKeyOf(form.subject.sopId, form.subject.revision));
      const steps = sop ? monevStepsOf(sop.doc).map((s) => ({ stepId: s.stepId, number: s.number ?? String(s.row), activity: s.name })) : [];
      return { kind: 'ready', form, steps } as const;
    })().then(
      (next) => current && setLoaded(next),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [db, sopId, formId]);
  if (loaded.kind === 'loading') return <p role="status">{t('monev.form.loading')}</p>;
  if (loaded.kind === 'failed') return <p role="alert">{loaded.message}</p>;
  if (loaded.kind === 'missing') return <p role="alert">{t('monev.form.notFound', { id: formId })}</p>;
  return <MonevFormScreen initial={loaded.form} steps={loaded.steps} onOpenRevisionDraft={onOpenRevisionDraft} />;
}

type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

function MonevFormScreen({ initial, steps, onOpenRevisionDraft }: { initial: MonevForm; steps: NoteStep[]; onOpenRevisionDraft?: (form: EvaluationForm) => void }) {
  const { db, calendar, person } = useRuntime();
  const { t, lang } = useI18n();
  const [form, setForm] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [paper, setPaper] = useState<Paper>('a4');
  const [exportError, setExportError] = useState<string | null>(null);
  const pending = useRef<MonevForm | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useMemo(
    () => async () => {
      clearTimeout(timer.current);
      const next = pending.current;
      if (!next) return;
      pending.current = null;
      try {
        await saveMonevForm(db, next);
        if (!pending.current) setSaveState({ kind: 'saved' });
      } catch (error) {
        setSaveState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [db],
  );
  // Leaving the page writes what was typed in the last moments.
  useEffect(() => () => void flush(), [flush]);

  const change = (next: MonevForm) => {
    const stamped = { ...next, updatedAt: new Date().toISOString() } as MonevForm;
    setForm(stamped);
    pending.current = stamped;
    setSaveState({ kind: 'saving' });
    clearTimeout(timer.current);
    // Making the form final is written at once: it is a decision, not typing.
    if (stamped.status === 'final') void flush();
    else timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  };

  const createEvaluation = async () => {
    if (form.kind !== 'monitoring') return;
    await flush();
    const evaluation = newEvaluationForm({ id: newId(), monitoring: form, calendar, lang, now: new Date().toISOString(), person });
    await saveMonevForm(db, evaluation);
    navigate(hrefs.monevForm(evaluation.subject.sopId, evaluation.id));
  };

  const exporting = (run: () => void | Promise<void>) => async () => {
    setExportError(null);
    try {
      await run();
    } catch (error) {
      setExportError(t('monev.form.downloadFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <section className="rt-section mv-form-page" aria-labelledby="mv-form-heading">
      <div className="rt-no-print">
        <p>
          <a href={hrefs.monev(form.subject.sopId)}>{t('monev.form.back')}</a>
          {form.kind === 'evaluation' && form.monitoringId && (
            <>
              {' · '}
              <a href={hrefs.monevForm(form.subject.sopId, form.monitoringId)}>{t('monev.form.fromMonitoring')}</a>
            </>
          )}
        </p>
        <h2 id="mv-form-heading">
          {t(form.kind === 'monitoring' ? 'monev.form.monitoringHeading' : 'monev.form.evaluationHeading')} ({t(`monev.form.status.${form.status}`)})
        </h2>
        <div className="mv-form-page__actions">
          <label>
            {t('monev.form.paper')}{' '}
            <select value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
              <option value="a4">{t('monev.form.paperA4')}</option>
              <option value="f4">{t('monev.form.paperF4')}</option>
            </select>
          </label>
          <button type="button" className="rt-button" onClick={() => window.print()}>
            {t('monev.form.print')}
          </button>
          <button type="button" className="rt-button rt-button--secondary" onClick={exporting(() => downloadFormCsv(form, lang))}>
            {t('monev.form.downloadCsv')}
          </button>
          <button type="button" className="rt-button rt-button--secondary" onClick={exporting(() => downloadFormXlsx(form, lang))}>
            {t('monev.form.downloadXlsx')}
          </button>
          {form.kind === 'monitoring' && (
            <button type="button" className="rt-button rt-button--secondary" onClick={() => void createEvaluation()}>
              {t('monev.form.createEvaluation')}
            </button>
          )}
        </div>
        {exportError && <p role="alert">{exportError}</p>}
        <p className="mv-form-page__save" role="status">
          {saveState.kind === 'saving' ? t('monev.form.saving') : saveState.kind === 'failed' ? t('monev.form.saveFailed', { message: saveState.message }) : t('monev.form.saved')}
        </p>
        {form.kind === 'monitoring' ? (
          <MonitoringFormEditor form={form} onChange={change} />
        ) : (
          <EvaluationFormEditor form={form} steps={steps} onChange={change} onOpenRevisionDraft={onOpenRevisionDraft} />
        )}
      </div>
      <div className="mv-form-page__print">
        <MonevFormPrint form={form} paper={paper} timeZone={calendar.timeZone} />
      </div>
    </section>
  );
}
