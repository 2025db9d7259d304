/**
 * From a step's numbers to its cases: the same filters and the same
 * definitions as the measures (query.ts), so a row count here equals the
 * number it was opened from.
 */
import type { WorkingCalendarConfig } from '../sla/calendar';
import type { CaseFacts, VisitEnd } from './caseFacts';
import { decodeCase, type FactsTable } from './factsTable';
import { caseMatchesAt, tableQuery, visitMatchesAt } from './tableQuery';
import { caseMatches, isLateVisit, isLoopVisit, visitMatches, WorkingTime, type MonevQuery } from './query';

/**
 * all: cases with a visit of the step; late: a visit completed after its due
 * time; returned: a visit sent back; looped: the step reached again along an
 * arrow; skipped: an asked visit answered "does not apply".
 */
export type DrillDownKind = 'all' | 'late' | 'returned' | 'looped' | 'skipped';

export interface DrillDownVisit {
  visitNo: number;
  end: VisitEnd;
  activatedAt: number;
  endedAt?: number;
  /** Working minutes activatedAt → endedAt (absent while active, or without precomputed times or a calendar). */
  minutes?: number;
  late: boolean;
  office?: string;
  personName?: string;
  /** Why it was sent back, for a returned visit. */
  returnReason?: string;
}

export interface DrillDownRow {
  caseId: string;
  caseNumber?: string;
  applicantName?: string;
  startedAt: number;
  /** The step's visits in this case that the filters keep, in order. */
  visits: DrillDownVisit[];
  /** Any of them completed after its due time. */
  late: boolean;
}

function visitIsOfKind(kind: DrillDownKind, visit: CaseFacts['visits'][number]): boolean {
  switch (kind) {
    case 'all':
      return true;
    case 'late':
      return isLateVisit(visit);
    case 'returned':
      return visit.end === 'returned';
    case 'looped':
      return isLoopVisit(visit);
    case 'skipped':
      return visit.end === 'skipped';
  }
}

/** The cases behind a step's measure, in the order of the facts. */
export function casesOfStep(
  facts: readonly CaseFacts[],
  query: MonevQuery,
  stepId: string,
  which: DrillDownKind,
  calendar?: WorkingCalendarConfig,
): DrillDownRow[] {
  const time = new WorkingTime(calendar);
  const rows: DrillDownRow[] = [];
  for (const f of facts) {
    if (!caseMatches(f, query)) continue;
    // Most cases are not wanted: look before building any row.
    let wanted = false;
    for (const v of f.visits) {
      if (v.stepId === stepId && visitMatches(v, query) && visitIsOfKind(which, v)) {
        wanted = true;
        break;
      }
    }
    if (!wanted) continue;
    const kept: DrillDownVisit[] = [];
    let late = false;
    for (const v of f.visits) {
      if (v.stepId !== stepId || !visitMatches(v, query)) continue;
      const visitLate = isLateVisit(v);
      late ||= visitLate;
      const minutes = time.visit(v);
      const reason = v.returnIndex !== undefined ? f.returns[v.returnIndex]?.reason : undefined;
      kept.push({
        visitNo: v.visitNo,
        end: v.end,
        activatedAt: v.activatedAt,
        ...(v.endedAt !== undefined ? { endedAt: v.endedAt } : {}),
        ...(minutes !== undefined ? { minutes } : {}),
        late: visitLate,
        ...(v.office ? { office: v.office } : {}),
        ...(v.personName ? { personName: v.personName } : {}),
        ...(reason !== undefined ? { returnReason: reason } : {}),
      });
    }
    rows.push({
      caseId: f.caseId,
      ...(f.caseNumber ? { caseNumber: f.caseNumber } : {}),
      ...(f.applicantName ? { applicantName: f.applicantName } : {}),
      startedAt: f.startedAt,
      visits: kept,
      late,
    });
  }
  return rows;
}

/**
 * The facts of the cases the query keeps that have a counted visit of the
 * step, decoded from the tables in start order: what `casesOfStep` needs,
 * without decoding 100,000 cases for a drill-down into a few hundred.
 */
export function factsOfStep(tables: readonly FactsTable[], query: MonevQuery, stepId: string): CaseFacts[] {
  const out: CaseFacts[] = [];
  for (const table of tables) {
    const q = tableQuery(table, query);
    const step = table.strings.indexOf(stepId);
    if (step < 0) continue;
    for (let i = 0; i < table.cases; i++) {
      if (!caseMatchesAt(table, i, q)) continue;
      for (let k = table.case.visitStart[i]!; k < table.case.visitStart[i + 1]!; k++) {
        if (table.visit.stepId[k] === step && visitMatchesAt(table, k, q)) {
          out.push(decodeCase(table, i));
          break;
        }
      }
    }
  }
  return out.sort((a, b) => a.startedAt - b.startedAt);
}
