/**
 * One case's events folded into the compact record every monev measure reads
 * (README.md). Built once per case, so a query over 100,000 cases only
 * aggregates: times are epoch ms (no Dates), everything is plain data that
 * survives structured clone (a worker, IndexedDB) and maps to SQL columns.
 *
 * With a working calendar, the working-minute durations the measures need
 * (visit durations, time over the due time, sign-off waits, lead time, join
 * and applicant waits) and the week/month a case started in are computed here,
 * once: `workingMinutesBetween` is the hot spot of a query otherwise.
 */
import { foldEvents } from '../engine/fold';
import type { CaseEvent, CaseOutcome, CaseStatus, CommandBy, StepActivatedEvent, Visit, WaktuMeasure } from '../engine/types';
import { workingMinutesBetween, type WorkingCalendarConfig } from '../sla/calendar';
import { addDaysToDate, fromWallTime, toWallTime, weekdayOf } from '../sla/zonedTime';

/** How a visit ended: skipped is an asked row answered "does not apply"; active has not ended. */
export type VisitEnd = 'done' | 'returned' | 'skipped' | 'withdrawn' | 'cancelled' | 'active';

export interface VisitFacts {
  stepId: string;
  visitNo: number;
  via: StepActivatedEvent['via'];
  /** The lane: the first work actor, else the first actor of the sign-off chain. */
  actor?: string;
  /** Office of the person who did the work (for a returned visit: who sent it back). */
  office?: string;
  personId?: string;
  personName?: string;
  activatedAt: number;
  endedAt?: number;
  end: VisitEnd;
  dueAt?: number;
  measure: WaktuMeasure;
  /** A wait step: when the wait was expected to be over (never a due time). */
  waitUntil?: number;
  asked?: true;
  /** The branch label a decision took. */
  branch?: string;
  workDoneAt?: number;
  /** Time of the last signature of the visit's sign-off chain. */
  lastSignedAt?: number;
  /** Index into `CaseFacts.returns` of the return that ended this visit. */
  returnIndex?: number;
  /** Working minutes activatedAt → endedAt (built with a calendar, ended visits only). */
  minutes?: number;
  /** Working minutes past the due time: max(0, dueAt → endedAt) (built with a calendar, ended visits with a dueAt). */
  overMinutes?: number;
  /** Working minutes workDoneAt → lastSignedAt: waiting for signatures (built with a calendar). */
  signWaitMinutes?: number;
}

export interface ReturnFacts {
  at: number;
  fromStepIds: string[];
  /** The earlier step sent back to; absent when the case went back to the applicant. */
  toStepId?: string;
  toApplicant?: true;
  reason: string;
  missing: string[];
  office?: string;
  /** For a return to the applicant: when the case resumed. */
  resumedAt?: number;
  /** Working minutes at → resumedAt (built with a calendar). */
  awayMinutes?: number;
}

/** Paths of one region activation waiting at a join: first arrival → release. */
export interface JoinWaitFacts {
  stepId: string;
  forkId: string;
  firstArrivalAt: number;
  /** Absent while still waiting, or when the region was withdrawn or the case ended. */
  releasedAt?: number;
  /** Working minutes firstArrivalAt → releasedAt (built with a calendar). */
  minutes?: number;
}

export interface CaseFacts {
  caseId: string;
  caseNumber?: string;
  applicantName?: string;
  sop: { sopId: string; revision: number; flowId: string; contentHash: string };
  startedAt: number;
  /** Finished or cancelled. */
  closedAt?: number;
  status: CaseStatus;
  /** How a finished case ended; a case finished before outcomes existed counts as selesai. */
  outcome?: CaseOutcome;
  /** The case's due time after every `case.dueMoved`. */
  caseDueAt?: number;
  /** Every office a person of the case acted for (started it, did work, signed, sent it back), sorted. */
  offices: string[];
  /** Every lane (actor id) with a visit in the case, sorted. */
  lanes: string[];
  visits: VisitFacts[];
  returns: ReturnFacts[];
  joinWaits: JoinWaitFacts[];
  /** Working minutes startedAt → closedAt (built with a calendar, closed cases only). */
  leadMinutes?: number;
  /** Local start (ms) of the Monday-based week and of the month the case started in (built with a calendar). */
  startedWeek?: number;
  startedMonth?: number;
}

export interface CaseFactsOptions {
  /** The applicant's name: the runtime derives it from the SOP's case fields (its case row's applicantName). */
  applicantName?: string;
}

const ms = (iso: string | undefined): number | undefined => (iso === undefined ? undefined : Date.parse(iso));

function laneOf(visit: Pick<Visit, 'workActors' | 'chain'>): string | undefined {
  return visit.workActors[0] ?? visit.chain[0]?.actors[0];
}

function endOf(visit: Visit): VisitEnd {
  if (visit.status === 'done') return visit.skipped ? 'skipped' : 'done';
  return visit.status;
}

/** Local 00:00 of the Monday of the week containing `at`, in the calendar's zone. */
export function weekStartOf(at: number, timeZone: string): number {
  const wall = toWallTime(at, timeZone);
  const date = { year: wall.year, month: wall.month, day: wall.day };
  const monday = addDaysToDate(date, -((weekdayOf(date) + 6) % 7));
  return fromWallTime(timeZone, monday.year, monday.month, monday.day);
}

/** Local 00:00 of the first day of the month containing `at`. */
export function monthStartOf(at: number, timeZone: string): number {
  const wall = toWallTime(at, timeZone);
  return fromWallTime(timeZone, wall.year, wall.month, 1);
}

/**
 * The facts of one case from its events (in revision order). `calendar`, when
 * given, precomputes every working-minute duration; measures must then be
 * asked with the same calendar.
 */
export function caseFactsFromEvents(events: readonly CaseEvent[], calendar?: WorkingCalendarConfig, options: CaseFactsOptions = {}): CaseFacts {
  const state = foldEvents(events);
  if (!state) throw new Error('caseFactsFromEvents: no case.started event');

  // What the state does not keep: which return ended which visit, when the applicant
  // brought the case back, and when each join's paths first arrived and were released.
  const offices = new Set<string>();
  const returns: ReturnFacts[] = [];
  const returnOfVisit = new Map<string, number>();
  const returnerOffice = new Map<string, CommandBy | undefined>();
  const joinWaits: JoinWaitFacts[] = [];
  const openJoin = new Map<string, JoinWaitFacts>();
  const stepOfVisit = new Map<string, string>();
  for (const event of events) {
    switch (event.type) {
      case 'step.activated':
        stepOfVisit.set(event.visitId, event.stepId);
        break;
      case 'case.returned': {
        const index = returns.length;
        const fromStepIds = event.fromVisitIds.map((id) => stepOfVisit.get(id) ?? id);
        for (const id of event.fromVisitIds) {
          returnOfVisit.set(id, index);
          returnerOffice.set(id, event.by);
        }
        const office = event.by?.person?.office;
        if (office) offices.add(office);
        returns.push({
          at: Date.parse(event.at),
          fromStepIds,
          ...('applicant' in event.to ? { toApplicant: true as const } : { toStepId: event.to.stepId }),
          reason: event.reason,
          missing: event.missing,
          ...(office ? { office } : {}),
        });
        break;
      }
      case 'case.resumed': {
        const pending = [...returns].reverse().find((r) => r.toApplicant && r.resumedAt === undefined);
        if (pending) pending.resumedAt = Date.parse(event.at);
        break;
      }
      case 'join.arrived': {
        const key = `${event.stepId}\u0000${event.forkId}`;
        if (!openJoin.has(key)) {
          const wait: JoinWaitFacts = { stepId: event.stepId, forkId: event.forkId, firstArrivalAt: Date.parse(event.at) };
          openJoin.set(key, wait);
          joinWaits.push(wait);
        }
        break;
      }
      case 'join.released': {
        const key = `${event.stepId}\u0000${event.forkId}`;
        const wait = openJoin.get(key);
        if (wait) {
          wait.releasedAt = Date.parse(event.at);
          openJoin.delete(key);
        }
        break;
      }
      default:
        break;
    }
  }

  const lanes = new Set<string>();
  const startedOffice = state.startedBy?.person?.office;
  if (startedOffice) offices.add(startedOffice);
  const minutes = (from: number, to: number): number => workingMinutesBetween(calendar!, from, to);

  const visits = state.visits.map((visit): VisitFacts => {
    const end = endOf(visit);
    const by = visit.workDoneBy ?? (end === 'returned' ? returnerOffice.get(visit.id) : undefined);
    const office = by?.person?.office;
    if (visit.workDoneBy?.person?.office) offices.add(visit.workDoneBy.person.office);
    let lastSignedAt: number | undefined;
    for (const signature of visit.signatures) {
      const at = Date.parse(signature.at);
      if (lastSignedAt === undefined || at > lastSignedAt) lastSignedAt = at;
      if (signature.by?.person?.office) offices.add(signature.by.person.office);
    }
    const actor = laneOf(visit);
    if (actor) lanes.add(actor);
    const activatedAt = Date.parse(visit.activatedAt);
    const endedAt = ms(visit.endedAt);
    const dueAt = ms(visit.dueAt);
    const workDoneAt = ms(visit.workDoneAt);
    const returnIndex = returnOfVisit.get(visit.id);
    const facts: VisitFacts = {
      stepId: visit.stepId,
      visitNo: visit.visitNo,
      via: visit.via,
      ...(actor ? { actor } : {}),
      ...(office ? { office } : {}),
      ...(by?.person ? { personId: by.person.id, personName: by.person.name } : {}),
      activatedAt,
      ...(endedAt !== undefined ? { endedAt } : {}),
      end,
      ...(dueAt !== undefined ? { dueAt } : {}),
      measure: visit.measure ?? 'work',
      ...(visit.waitUntil ? { waitUntil: Date.parse(visit.waitUntil) } : {}),
      ...(visit.asked ? { asked: true as const } : {}),
      ...(visit.branch?.label ? { branch: visit.branch.label } : {}),
      ...(workDoneAt !== undefined ? { workDoneAt } : {}),
      ...(lastSignedAt !== undefined ? { lastSignedAt } : {}),
      ...(end === 'returned' && returnIndex !== undefined ? { returnIndex } : {}),
    };
    if (calendar && endedAt !== undefined) {
      facts.minutes = minutes(activatedAt, endedAt);
      if (dueAt !== undefined) facts.overMinutes = minutes(dueAt, endedAt);
      if (workDoneAt !== undefined && lastSignedAt !== undefined && lastSignedAt > workDoneAt) facts.signWaitMinutes = minutes(workDoneAt, lastSignedAt);
    }
    return facts;
  });

  if (calendar) {
    for (const r of returns) if (r.resumedAt !== undefined) r.awayMinutes = minutes(r.at, r.resumedAt);
    for (const w of joinWaits) if (w.releasedAt !== undefined) w.minutes = minutes(w.firstArrivalAt, w.releasedAt);
  }

  const startedAt = Date.parse(state.startedAt);
  const closedAt = ms(state.closedAt);
  const caseDueAt = ms(state.caseDueAt);
  const outcome: CaseOutcome | undefined = state.status === 'finished' ? (state.outcome ?? 'selesai') : undefined;
  const applicantName = options.applicantName?.trim();
  return {
    caseId: state.id,
    ...(state.number ? { caseNumber: state.number } : {}),
    ...(applicantName ? { applicantName } : {}),
    sop: { sopId: state.sop.sopId, revision: state.sop.revision, flowId: state.sop.flowId, contentHash: state.sop.contentHash },
    startedAt,
    ...(closedAt !== undefined ? { closedAt } : {}),
    status: state.status,
    ...(outcome ? { outcome } : {}),
    ...(caseDueAt !== undefined ? { caseDueAt } : {}),
    offices: [...offices].sort(),
    lanes: [...lanes].sort(),
    visits,
    returns,
    joinWaits,
    ...(calendar && closedAt !== undefined ? { leadMinutes: minutes(startedAt, closedAt) } : {}),
    ...(calendar
      ? { startedWeek: weekStartOf(startedAt, calendar.timeZone), startedMonth: monthStartOf(startedAt, calendar.timeZone) }
      : {}),
  };
}
