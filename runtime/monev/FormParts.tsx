/** Pieces both form editors share: the header block, the evaluator's fields, and "Tetapkan" with what blocks it. */
import { useState } from 'react';
import type { FormPerson, FormProblem, MonevForm } from '../../core/monev/forms';
import { useI18n } from '../../ui/i18n';
import { headerRows } from './formText';

export function FormHeaderBlock({ form }: { form: MonevForm }) {
  const { lang } = useI18n();
  return (
    <table className="mv-form__header">
      <tbody>
        {headerRows(form, lang).map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The id of the field a problem's `where` points at (see focusTargetOf in each editor). */
export const fieldId = (formId: string, where: string) => `mv-${formId}-${where.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function EvaluatorFields({ form, readOnly, onChange }: { form: MonevForm; readOnly: boolean; onChange: (evaluator: FormPerson) => void }) {
  const { t } = useI18n();
  const evaluator = form.evaluator ?? { name: '' };
  const field = (key: keyof FormPerson, label: string, id?: string) => (
    <label className="rt-field">
      <span>{label}</span>
      <input
        id={id}
        value={evaluator[key] ?? ''}
        readOnly={readOnly}
        inputMode={key === 'nip' ? 'numeric' : undefined}
        onChange={(e) => onChange({ ...evaluator, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="mv-form__evaluator">
      <legend>{t('monev.form.evaluator')}</legend>
      {field('name', t('monev.form.evaluatorName'), fieldId(form.id, 'evaluator'))}
      {field('nip', t('monev.form.evaluatorNip'))}
      {field('office', t('monev.form.evaluatorOffice'))}
    </fieldset>
  );
}

/**
 * "Tetapkan": refused while the form has problems, which are then listed,
 * each a button that takes the evaluator to the field to fix. The list
 * follows the form as it is fixed.
 */
export function FinalizeBar({ form, problems, onFinalize, focusTarget }: { form: MonevForm; problems: FormProblem[]; onFinalize: () => void; focusTarget: (where: string) => string }) {
  const { t, lang } = useI18n();
  const [tried, setTried] = useState(false);
  if (form.status === 'final') return <p className="mv-form__final" role="status">{t('monev.form.finalNotice')}</p>;
  return (
    <div className="mv-form__finalize">
      {tried && problems.length > 0 && (
        <div role="alert" className="mv-form__problems">
          <p>{t('monev.form.problemsHeading')}</p>
          <ul>
            {problems.map((problem, i) => (
              <li key={`${problem.where}-${i}`}>
                <button type="button" className="mv-link" onClick={() => document.getElementById(focusTarget(problem.where))?.focus()}>
                  {problem.message[lang]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        className="rt-button rt-button--primary"
        onClick={() => {
          setTried(true);
          if (problems.length === 0) onFinalize();
        }}
      >
        {t('monev.form.finalize')}
      </button>
    </div>
  );
}
