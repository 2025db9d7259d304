/**
 * What must be filled before a form is final: a signed form that leaves a
 * failing step without an action, or a criterion unjudged, is not a form an
 * inspector accepts. Each problem says where, in both languages.
 */
import { translate } from '../../i18n';
import type { EvaluationForm, FormProblem, MonitoringForm } from './types';

const both = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => ({ id: translate('id', key, params), en: translate('en', key, params) });

export function monitoringProblems(form: MonitoringForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.evaluator?.name.trim()) problems.push({ where: 'evaluator', message: both('monev.check.evaluator') });
  for (const row of form.rows) {
    if (row.runsWell === null && row.measured.visits > 0) problems.push({ where: `row:${row.stepId}`, message: both('monev.check.rowUnjudged', { number: row.number }) });
    if (row.runsWell === false && !row.action.trim()) problems.push({ where: `row:${row.stepId}`, message: both('monev.check.rowAction', { number: row.number }) });
  }
  return problems;
}

export function evaluationProblems(form: EvaluationForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.evaluator?.name.trim()) problems.push({ where: 'evaluator', message: both('monev.check.evaluator') });
  for (const answer of form.criteria) {
    if (answer.met === null)
      problems.push({
        where: `criterion:${answer.criterion}`,
        message: { id: translate('id', 'monev.check.criterion', { criterion: translate('id', `monev.criterion.${answer.criterion}`) }), en: translate('en', 'monev.check.criterion', { criterion: translate('en', `monev.criterion.${answer.criterion}`) }) },
      });
  }
  if (form.recommendation === null) problems.push({ where: 'recommendation', message: both('monev.check.recommendation') });
  return problems;
}
