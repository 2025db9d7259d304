import { evaluationProblems, type CriterionAnswer, type EvaluationForm, type StepNote } from '../../core/monev/forms';
import { useI18n } from '../../ui/i18n';
import { EvaluatorFields, fieldId, FinalizeBar, FormHeaderBlock } from './FormParts';
import { criterionText } from './formText';

/** A step a note may be attached to: its id, the number printed in the SOP and its activity. */
export interface NoteStep {
  stepId: string;
  number: string;
  activity: string;
}

export interface EvaluationFormEditorProps {
  form: EvaluationForm;
  /** The SOP's steps, for the step of each note. */
  steps: NoteStep[];
  onChange: (form: EvaluationForm) => void;
  /**
   * Opens a new revision draft of the SOP in the designer with the step notes
   * attached (issue 12, "Back to the designer"): rendered as a button when given.
   * Supplied by the designer hand-off, not by this component.
   */
  onOpenRevisionDraft?: (form: EvaluationForm) => void;
}

function focusTargetOf(form: EvaluationForm) {
  return (where: string) => fieldId(form.id, where.startsWith('criterion:') || where === 'recommendation' ? `${where}:yes` : where);
}

/** The Permenpan evaluation form: the seven criteria, the recommendation, and notes for the drafter of the revision. */
export function EvaluationFormEditor({ form, steps, onChange, onOpenRevisionDraft }: EvaluationFormEditorProps) {
  const { t, lang } = useI18n();
  const readOnly = form.status === 'final';
  const setCriterion = (criterion: CriterionAnswer['criterion'], patch: Partial<CriterionAnswer>) =>
    onChange({ ...form, criteria: form.criteria.map((a) => (a.criterion === criterion ? { ...a, ...patch } : a)) });
  const setNote = (index: number, patch: Partial<StepNote>) => onChange({ ...form, stepNotes: form.stepNotes.map((n, i) => (i === index ? { ...n, ...patch } : n)) });
  const stepLabel = (step: NoteStep) => `${step.number}. ${step.activity}`;
  return (
    <div className="mv-form mv-form--evaluation">
      <FormHeaderBlock form={form} />
      <h3>{t('monev.form.criteriaHeading')}</h3>
      <div className="rt-table-wrap">
        <table className="mv-form__table">
          <thead>
            <tr>
              <th scope="col">{t('monev.form.col.number')}</th>
              <th scope="col">{t('monev.form.col.criterion')}</th>
              <th scope="col">{t('monev.form.col.met')}</th>
              <th scope="col">{t('monev.form.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {form.criteria.map((answer, i) => {
              const name = criterionText(answer, lang);
              const where = `criterion:${answer.criterion}`;
              return (
                <tr key={answer.criterion}>
                  <td>{i + 1}</td>
                  <th scope="row">{name}</th>
                  <td>
                    <fieldset className="mv-form__yesno" disabled={readOnly}>
                      <legend className="rt-visually-hidden">{t('monev.form.metOf', { criterion: name })}</legend>
                      <label>
                        <input id={fieldId(form.id, `${where}:yes`)} type="radio" name={`${form.id}-${answer.criterion}`} checked={answer.met === true} onChange={() => setCriterion(answer.criterion, { met: true })} />
                        {t('monev.form.yes')}
                      </label>
                      <label>
                        <input type="radio" name={`${form.id}-${answer.criterion}`} checked={answer.met === false} onChange={() => setCriterion(answer.criterion, { met: false })} />
                        {t('monev.form.no')}
                      </label>
                    </fieldset>
                  </td>
                  <td>
                    <textarea aria-label={t('monev.form.noteOf', { criterion: name })} value={answer.note} readOnly={readOnly} rows={2} onChange={(e) => setCriterion(answer.criterion, { note: e.target.value })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <fieldset className="mv-form__yesno mv-form__recommendation" disabled={readOnly}>
        <legend>{t('monev.form.recommendation')}</legend>
        <label>
          <input id={fieldId(form.id, 'recommendation:yes')} type="radio" name={`${form.id}-recommendation`} checked={form.recommendation === 'keep'} onChange={() => onChange({ ...form, recommendation: 'keep' })} />
          {t('monev.form.recommendation.keep')}
        </label>
        <label>
          <input type="radio" name={`${form.id}-recommendation`} checked={form.recommendation === 'revise'} onChange={() => onChange({ ...form, recommendation: 'revise' })} />
          {t('monev.form.recommendation.revise')}
        </label>
      </fieldset>
      <fieldset className="mv-form__notes" disabled={readOnly}>
        <legend>{t('monev.form.stepNotes')}</legend>
        {form.stepNotes.length === 0 && <p>{t('monev.form.stepNotesNone')}</p>}
        <ol>
          {form.stepNotes.map((note, i) => {
            const index = String(i + 1);
            const known = steps.some((s) => s.stepId === note.stepId);
            return (
              <li key={i} className="mv-form__note">
                <select aria-label={t('monev.form.stepNoteStepOf', { index })} value={note.stepId} onChange={(e) => setNote(i, { stepId: e.target.value })}>
                  {!known && <option value={note.stepId}>{note.stepId}</option>}
                  {steps.map((step) => (
                    <option key={step.stepId} value={step.stepId}>
                      {stepLabel(step)}
                    </option>
                  ))}
                </select>
                <textarea aria-label={t('monev.form.stepNoteTextOf', { index })} value={note.text} rows={2} onChange={(e) => setNote(i, { text: e.target.value })} />
                <button type="button" className="rt-button rt-button--secondary" onClick={() => onChange({ ...form, stepNotes: form.stepNotes.filter((_, j) => j !== i) })}>
                  {t('monev.form.removeStepNote', { index })}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="rt-button rt-button--secondary"
          disabled={steps.length === 0}
          onClick={() => onChange({ ...form, stepNotes: [...form.stepNotes, { stepId: steps[0]!.stepId, text: '' }] })}
        >
          {t('monev.form.addStepNote')}
        </button>
      </fieldset>
      <label className="rt-field mv-form__general">
        <span>{t('monev.form.generalNotes')}</span>
        <textarea value={form.generalNotes} readOnly={readOnly} rows={4} onChange={(e) => onChange({ ...form, generalNotes: e.target.value })} />
      </label>
      <EvaluatorFields form={form} readOnly={readOnly} onChange={(evaluator) => onChange({ ...form, evaluator })} />
      <FinalizeBar form={form} problems={evaluationProblems(form)} focusTarget={focusTargetOf(form)} onFinalize={() => onChange({ ...form, status: 'final' })} />
      {/* The designer hand-off ("Buka draf revisi di Perancang") plugs in here; see onOpenRevisionDraft. */}
      {onOpenRevisionDraft && (
        <p>
          <button type="button" className="rt-button" onClick={() => onOpenRevisionDraft(form)}>
            {t('monev.form.openRevisionDraft')}
          </button>
        </p>
      )}
    </div>
  );
}
