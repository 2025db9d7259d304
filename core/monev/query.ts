/**
 * The monev filters, shared by the measures and the drill-down so a step's
 * number and the list of its cases always agree.
 */
import { workingMinutesBetween, type WorkingCalendarConfig } from '../sla/calendar';
import type { CaseFacts, VisitFacts } from './caseFacts';

export interface MonevQuery {
  /** Cases started at or after this instant (epoch ms). */
  from?: number;
  /** Cases started before this instant (epoch ms). */
  to?: number;
  /** Cases this office touched, and of their visits only those whose work that office did. */
  office?: string;
  /** Cases with a visit in this lane (actor id), and only that lane's steps and visits. */
  lane?: string;
  /** Cases pinned to this SOP revision. */
  revision?: number;
}

export function caseMatches(facts: CaseFacts, query: MonevQuery): boolean {
  if (query.from !== undefined && facts.startedAt < query.from) return false;
  if (query.to !== undefined && facts.startedAt >= query.to) return false;
  if (query.revision !== undefined && facts.sop.revision !== query.revision) return false;
  if (query.office !== undefined && !facts.offices.includes(query.office)) return false;
  if (query.lane !== undefined && !facts.lanes.includes(query.lane)) return false;
  return true;
}

export function visitMatches(visit: VisitFacts, query: MonevQuery): boolean {
  if (query.office !== undefined && visit.office !== query.office) return false;
  if (query.lane !== undefined && visit.actor !== query.lane) return false;
  return true;
}

/** A step reached again along an arrow (a loop), not by a return or a resume. */
export function isLoopVisit(visit: VisitFacts): boolean {
  return visit.visitNo >= 2 && (visit.via === 'edge' || visit.via === 'join');
}

/** A visit completed after its due time (a wait step is never late). */
export function isLateVisit(visit: VisitFacts): boolean {
  return visit.end === 'done' && visit.measure !== 'wait' && visit.dueAt !== undefined && visit.endedAt !== undefined && visit.endedAt > visit.dueAt;
}

/**
 * Working minutes of facts, read from what `caseFactsFromEvents` precomputed
 * with a calendar, else computed now with the given one (or undefined without).
 */
export class WorkingTime {
  constructor(readonly calendar: WorkingCalendarConfig | undefined) {}

  private between(from: number, to: number): number | undefined {
    return this.calendar ? workingMinutesBetween(this.calendar, from, to) : undefined;
  }

  visit(visit: VisitFacts): number | undefined {
    if (visit.minutes !== undefined) return visit.minutes;
    return visit.endedAt === undefined ? undefined : this.between(visit.activatedAt, visit.endedAt);
  }

  over(visit: VisitFacts): number | undefined {
    if (visit.overMinutes !== undefined) return visit.overMinutes;
    return visit.endedAt === undefined || visit.dueAt === undefined ? undefined : this.between(visit.dueAt, visit.endedAt);
  }

  signWait(visit: VisitFacts): number | undefined {
    if (visit.signWaitMinutes !== undefined) return visit.signWaitMinutes;
    return visit.workDoneAt === undefined || visit.lastSignedAt === undefined || visit.lastSignedAt <= visit.workDoneAt
      ? undefined
      : this.between(visit.workDoneAt, visit.lastSignedAt);
  }

  lead(facts: CaseFacts): number | undefined {
    if (facts.leadMinutes !== undefined) return facts.leadMinutes;
    return facts.closedAt === undefined ? undefined : this.between(facts.startedAt, facts.closedAt);
  }

  span(precomputed: number | undefined, from: number, to: number | undefined): number | undefined {
    if (precomputed !== undefined) return precomputed;
    return to === undefined ? undefined : this.between(from, to);
  }
}
