export * from './types';
export { LOOP_LIMIT, RETURN_LIMIT, WITHIN_TARGET, measuredStep, prefillEvaluationForm, prefillMonitoringForm, stepNotesFrom, type PrefillInput } from './prefill';
export { evaluationProblems, monitoringProblems } from './checks';
export { minutesPerWorkingDay, suggestWaktu } from './suggestWaktu';
