/**
 * New forms, from what the dashboard shows: the monitoring form is prefilled
 * from the measures under the current filters, for the period the filters
 * say (or, when they say none, the span of the SOP's cases); the evaluation
 * form from a monitoring form. The evaluator is the acting person.
 */
import type { PersonRef } from '../../core/people';
import type { Lang } from '../../core/i18n';
import type { CaseFacts } from '../../core/monev';
import { prefillEvaluationForm, prefillMonitoringForm, type EvaluationForm, type FormPerson, type FormSubject, type MonitoringForm, type PrefillInput } from '../../core/monev/forms';
import type { WorkingCalendarConfig } from '../../core/sla';
import { formatLocalDate, toWallTime } from '../../core/sla/zonedTime';
import type { SopRow } from '../storage/db';
import type { MonevFilters } from './monevFilters';

const localDate = (ms: number, timeZone: string) => {
  const wall = toWallTime(ms, timeZone);
  return formatLocalDate({ year: wall.year, month: wall.month, day: wall.day });
};

/** The filters' period, else the first to the last case start, else today. */
export function periodOf(filters: MonevFilters, starts: { first: number; last: number } | undefined, now: number, timeZone: string): { from: string; to: string } {
  const first = localDate(starts ? starts.first : now, timeZone);
  const last = localDate(starts ? starts.last : now, timeZone);
  return { from: filters.from ?? first, to: filters.to ?? (filters.from && filters.from > last ? filters.from : last) };
}

export function subjectOf(input: { revision: SopRow; title: string; filters: MonevFilters; starts: { first: number; last: number } | undefined; laneLabel: (id: string | undefined) => string; now: number; timeZone: string }): FormSubject {
  const { revision, filters } = input;
  const identity = revision.doc.identity;
  return {
    sopId: revision.sopId,
    revision: revision.revision,
    title: input.title,
    ...(identity.number ? { number: identity.number } : {}),
    ...(identity.unit || identity.office ? { unit: identity.unit || identity.office } : {}),
    period: periodOf(filters, input.starts, input.now, input.timeZone),
    ...(filters.office ? { office: filters.office } : {}),
    // The lane's label, not its id: the printed form is read without the SOP at hand.
    ...(filters.lane ? { lane: input.laneLabel(filters.lane) } : {}),
  };
}

export function evaluatorOf(person: PersonRef | null): FormPerson | undefined {
  if (!person) return undefined;
  return { name: person.name, ...(person.nip ? { nip: person.nip } : {}), ...(person.office ? { office: person.office } : {}) };
}

export function newMonitoringForm(input: PrefillInput & { person: PersonRef | null }): MonitoringForm {
  const form = prefillMonitoringForm(input);
  const evaluator = evaluatorOf(input.person);
  return evaluator ? { ...form, evaluator } : form;
}

export function newEvaluationForm(input: { id: string; monitoring: MonitoringForm; calendar: WorkingCalendarConfig; lang: Lang; now: string; person: PersonRef | null }): EvaluationForm {
  const form = prefillEvaluationForm({ id: input.id, subject: input.monitoring.subject, monitoring: input.monitoring, calendar: input.calendar, lang: input.lang, now: input.now });
  const evaluator = input.monitoring.evaluator ?? evaluatorOf(input.person);
  return evaluator ? { ...form, evaluator } : form;
}
