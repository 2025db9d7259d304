/**
 * The forms, prefilled from the measures. The rules a row is judged by are
 * plain and stated here, because the evaluator must be able to tell why a
 * step was marked "not running well" and overrule it:
 *
 * - a step runs well when at least WITHIN_TARGET of its completed visits with
 *   a standard finished within their Waktu, fewer than RETURN_LIMIT of its
 *   visits were sent back, and fewer than LOOP_LIMIT of its cases repeated it;
 * - a step with no visit in the period is not judged (null);
 * - the suggested Waktu is the P90 duration, rounded up to a Waktu drafters write.
 */
import { translate, type Lang } from '../../i18n';
import type { WorkingCalendarConfig } from '../../sla/calendar';
import type { MonevMeasures, StepMeasures } from '../measures';
import { suggestWaktu } from './suggestWaktu';
import { EVALUATION_CRITERIA, type EvaluationForm, type FormSubject, type MeasuredStep, type MonitoringForm, type MonitoringRow, type StepNote } from './types';

export const WITHIN_TARGET = 0.8;
export const RETURN_LIMIT = 0.15;
export const LOOP_LIMIT = 0.2;
const TOP_REASONS = 3;

const percent = (share: number | null, lang: Lang) =>
  share === null ? '—' : new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
const hours = (minutes: number | null, lang: Lang) =>
  minutes === null ? '—' : translate(lang, 'monev.hours', { value: new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(minutes / 60) });

export function measuredStep(step: StepMeasures): MeasuredStep {
  return {
    visits: step.visits,
    shareWithin: step.shareWithin,
    medianMinutes: step.duration.median,
    p90Minutes: step.duration.p90,
    returnRate: step.returns.rate,
    loopRate: step.loops.rate,
    topReasons: step.returns.reasons.slice(0, TOP_REASONS).map((r) => r.reason),
  };
}

interface Findings {
  late: boolean;
  returned: boolean;
  looped: boolean;
}

function findingsOf(m: MeasuredStep): Findings {
  return {
    late: m.shareWithin !== null && m.shareWithin < WITHIN_TARGET,
    returned: m.returnRate !== null && m.returnRate >= RETURN_LIMIT,
    looped: m.loopRate !== null && m.loopRate >= LOOP_LIMIT,
  };
}

function monitoringRow(step: StepMeasures, laneLabel: (id: string | undefined) => string, calendar: WorkingCalendarConfig, lang: Lang): MonitoringRow {
  const m = measuredStep(step);
  const base = { stepId: step.stepId, number: step.number ?? String(step.row), activity: step.name, actor: laneLabel(step.actor), waktu: step.waktu, measured: m, amended: false };
  if (m.visits === 0) return { ...base, runsWell: null, problem: translate(lang, 'monev.prefill.noVisits'), action: '' };
  const found = findingsOf(m);
  const problems: string[] = [];
  const actions: string[] = [];
  if (found.late) {
    problems.push(translate(lang, 'monev.prefill.late', { waktu: step.waktu, share: percent(1 - m.shareWithin!, lang), median: hours(m.medianMinutes, lang), p90: hours(m.p90Minutes, lang) }));
    actions.push(translate(lang, 'monev.prefill.actionWaktu', { suggested: suggestWaktu(m.p90Minutes ?? 0, calendar, lang) }));
  }
  if (found.returned) {
    problems.push(translate(lang, 'monev.prefill.returned', { share: percent(m.returnRate, lang) }));
    if (m.topReasons.length) problems.push(translate(lang, 'monev.prefill.reasons', { reasons: m.topReasons.join('; ') }));
    actions.push(translate(lang, 'monev.prefill.actionReturns'));
  }
  if (found.looped) {
    problems.push(translate(lang, 'monev.prefill.looped', { share: percent(m.loopRate, lang) }));
    actions.push(translate(lang, 'monev.prefill.actionLoops'));
  }
  return { ...base, runsWell: problems.length === 0, problem: problems.join(' '), action: actions.join(' ') };
}

export interface PrefillInput {
  id: string;
  subject: FormSubject;
  measures: MonevMeasures;
  laneLabel: (id: string | undefined) => string;
  calendar: WorkingCalendarConfig;
  lang: Lang;
  now: string;
}

/** The monitoring form for the steps of the revision monitored, in row order. */
export function prefillMonitoringForm({ id, subject, measures, laneLabel, calendar, lang, now }: PrefillInput): MonitoringForm {
  return {
    kind: 'monitoring',
    id,
    subject,
    rows: measures.steps.filter((s) => s.known).map((s) => monitoringRow(s, laneLabel, calendar, lang)),
    createdAt: now,
    updatedAt: now,
    status: 'draft',
  };
}

/** One note per step that does not run well, in the words the drafter will see on that step. */
export function stepNotesFrom(monitoring: MonitoringForm, calendar: WorkingCalendarConfig, lang: Lang): StepNote[] {
  const notes: StepNote[] = [];
  for (const row of monitoring.rows) {
    if (row.runsWell !== false) continue;
    const found = findingsOf(row.measured);
    if (row.amended || (!found.late && !found.returned)) {
      // The evaluator's own words win over a sentence made from the numbers.
      const text = [row.problem, row.action].filter(Boolean).join(' ');
      if (text) notes.push({ stepId: row.stepId, text });
      continue;
    }
    if (found.late)
      notes.push({
        stepId: row.stepId,
        text: translate(lang, 'monev.prefill.stepNote', { number: row.number, share: percent(1 - row.measured.shareWithin!, lang), suggested: suggestWaktu(row.measured.p90Minutes ?? 0, calendar, lang) }),
      });
    if (found.returned)
      notes.push({
        stepId: row.stepId,
        text: translate(lang, 'monev.prefill.stepNoteReturns', { number: row.number, share: percent(row.measured.returnRate, lang), reasons: row.measured.topReasons.join('; ') || '—' }),
      });
  }
  return notes;
}

/** The evaluation form: criteria left for the evaluator to judge, step notes taken from the monitoring form. */
export function prefillEvaluationForm(input: { id: string; subject: FormSubject; monitoring?: MonitoringForm; calendar: WorkingCalendarConfig; lang: Lang; now: string }): EvaluationForm {
  const notes = input.monitoring ? stepNotesFrom(input.monitoring, input.calendar, input.lang) : [];
  return {
    kind: 'evaluation',
    id: input.id,
    subject: input.subject,
    ...(input.monitoring ? { monitoringId: input.monitoring.id } : {}),
    criteria: EVALUATION_CRITERIA.map((criterion) => ({ criterion, met: null, note: '' })),
    // Notes to act on mean the SOP needs revising; the evaluator decides all the same.
    recommendation: notes.length > 0 ? 'revise' : null,
    stepNotes: notes,
    generalNotes: '',
    createdAt: input.now,
    updatedAt: input.now,
    status: 'draft',
  };
}
