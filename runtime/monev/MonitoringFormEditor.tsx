import { monitoringProblems, type MonitoringForm, type MonitoringRow } from '../../core/monev/forms';
import { useI18n } from '../../ui/i18n';
import { EvaluatorFields, fieldId, FinalizeBar, FormHeaderBlock } from './FormParts';
import { measuredText } from './formText';

export interface MonitoringFormEditorProps {
  form: MonitoringForm;
  /** Every change, as the whole form (the page saves it, debounced). */
  onChange: (form: MonitoringForm) => void;
}

/** Where a problem takes the evaluator: an unjudged row to its "Ya", a row without an action to that action. */
function focusTargetOf(form: MonitoringForm) {
  return (where: string) => {
    const row = where.startsWith('row:') ? form.rows.find((r) => `row:${r.stepId}` === where) : undefined;
    if (!row) return fieldId(form.id, where);
    return fieldId(form.id, `${where}:${row.runsWell === null ? 'yes' : 'action'}`);
  };
}

/**
 * The Permenpan monitoring form: one row per step, the measured numbers
 * beside what the evaluator judges. Changing a judgement, a note or an
 * action marks the row amended (the print shows the evaluator changed what
 * the measures suggested).
 */
export function MonitoringFormEditor({ form, onChange }: MonitoringFormEditorProps) {
  const { t, lang } = useI18n();
  const readOnly = form.status === 'final';
  const setRow = (stepId: string, patch: Partial<MonitoringRow>) =>
    onChange({ ...form, rows: form.rows.map((row) => (row.stepId === stepId ? { ...row, ...patch, amended: true } : row)) });
  return (
    <div className="mv-form mv-form--monitoring">
      <FormHeaderBlock form={form} />
      <div className="rt-table-wrap">
        <table className="mv-form__table">
          <thead>
            <tr>
              <th scope="col">{t('monev.form.col.number')}</th>
              <th scope="col">{t('monev.form.col.activity')}</th>
              <th scope="col">{t('monev.form.col.measured')}</th>
              <th scope="col">{t('monev.form.col.runsWell')}</th>
              <th scope="col">{t('monev.form.col.problem')}</th>
              <th scope="col">{t('monev.form.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {form.rows.map((row) => {
              const where = `row:${row.stepId}`;
              const judged = row.runsWell;
              return (
                <tr key={row.stepId} className={judged === false ? 'mv-form__row--bad' : undefined}>
                  <td>{row.number}</td>
                  <th scope="row" className="mv-form__activity">
                    <span>{row.activity}</span>
                    <small>
                      {row.actor} · {row.waktu || '—'}
                    </small>
                    {row.amended && <small className="mv-form__amended">{t('monev.form.amended')}</small>}
                  </th>
                  <td className="mv-form__measured">{measuredText(row.measured, lang)}</td>
                  <td>
                    <fieldset className="mv-form__yesno" disabled={readOnly}>
                      <legend className="rt-visually-hidden">{t('monev.form.runsWellOf', { number: row.number })}</legend>
                      <label>
                        <input id={fieldId(form.id, `${where}:yes`)} type="radio" name={`${form.id}-${row.stepId}-runs`} checked={judged === true} onChange={() => setRow(row.stepId, { runsWell: true })} />
                        {t('monev.form.yes')}
                      </label>
                      <label>
                        <input type="radio" name={`${form.id}-${row.stepId}-runs`} checked={judged === false} onChange={() => setRow(row.stepId, { runsWell: false })} />
                        {t('monev.form.no')}
                      </label>
                    </fieldset>
                  </td>
                  <td>
                    <textarea
                      aria-label={t('monev.form.problemOf', { number: row.number })}
                      value={row.problem}
                      readOnly={readOnly}
                      rows={3}
                      onChange={(e) => setRow(row.stepId, { problem: e.target.value })}
                    />
                  </td>
                  <td>
                    <textarea
                      id={fieldId(form.id, `${where}:action`)}
                      aria-label={t('monev.form.actionOf', { number: row.number })}
                      value={row.action}
                      readOnly={readOnly}
                      rows={3}
                      onChange={(e) => setRow(row.stepId, { action: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <EvaluatorFields form={form} readOnly={readOnly} onChange={(evaluator) => onChange({ ...form, evaluator })} />
      <FinalizeBar form={form} problems={monitoringProblems(form)} focusTarget={focusTargetOf(form)} onFinalize={() => onChange({ ...form, status: 'final' })} />
    </div>
  );
}
