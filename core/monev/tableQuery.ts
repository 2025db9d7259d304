/**
 * The filters of query.ts, asked of a FactsTable's columns: the same
 * definitions, with each string looked up once per table (as its code in the
 * string table) so a scan of a million visits compares integers only.
 * measures.property.test.ts checks that every step's count here equals the
 * drill-down's, which filters the decoded facts with query.ts.
 */
import { workingMinutesBetween, type WorkingCalendarConfig } from '../sla/calendar';
import { codeOf, type FactsTable, type IntColumn } from './factsTable';
import type { MonevQuery } from './query';

/** A query and the string codes the scan compares against, for one table. */
export interface TableQuery {
  query: MonevQuery;
  office: number;
  lane: number;
  code: {
    finished: number;
    cancelled: number;
    done: number;
    returned: number;
    skipped: number;
    wait: number;
    edge: number;
    join: number;
  };
}

export function tableQuery(table: FactsTable, query: MonevQuery): TableQuery {
  const code = (value: string) => codeOf(table, value);
  return {
    query,
    office: query.office === undefined ? -1 : code(query.office),
    lane: query.lane === undefined ? -1 : code(query.lane),
    code: {
      finished: code('finished'),
      cancelled: code('cancelled'),
      done: code('done'),
      returned: code('returned'),
      skipped: code('skipped'),
      wait: code('wait'),
      edge: code('edge'),
      join: code('join'),
    },
  };
}

function listHas(start: IntColumn, items: IntColumn, i: number, wanted: number): boolean {
  for (let k = start[i]!; k < start[i + 1]!; k++) if (items[k] === wanted) return true;
  return false;
}

/** caseMatches (query.ts) for case `i`. */
export function caseMatchesAt(table: FactsTable, i: number, q: TableQuery): boolean {
  const { query } = q;
  const c = table.case;
  if (query.from !== undefined && c.startedAt[i]! < query.from) return false;
  if (query.to !== undefined && c.startedAt[i]! >= query.to) return false;
  if (query.revision !== undefined && c.sopRevision[i] !== query.revision) return false;
  if (query.office !== undefined && !listHas(c.officeStart, c.offices, i, q.office)) return false;
  if (query.lane !== undefined && !listHas(c.laneStart, c.lanes, i, q.lane)) return false;
  return true;
}

/** visitMatches (query.ts) for visit `k`. */
export function visitMatchesAt(table: FactsTable, k: number, q: TableQuery): boolean {
  if (q.query.office !== undefined && table.visit.office[k] !== q.office) return false;
  if (q.query.lane !== undefined && table.visit.actor[k] !== q.lane) return false;
  return true;
}

/** isLoopVisit (query.ts) for visit `k`. */
export function isLoopVisitAt(table: FactsTable, k: number, q: TableQuery): boolean {
  const via = table.visit.via[k];
  return table.visit.visitNo[k]! >= 2 && (via === q.code.edge || via === q.code.join);
}

/**
 * WorkingTime (query.ts) over columns: a precomputed value when there is one
 * (not NaN), else computed with the calendar; undefined when neither can.
 */
export class TableWorkingTime {
  constructor(readonly calendar: WorkingCalendarConfig | undefined) {}

  /** `precomputed`, else working minutes from → to (undefined when `to` is absent: NaN). */
  span(precomputed: number, from: number, to: number): number | undefined {
    if (precomputed === precomputed) return precomputed;
    if (to !== to || !this.calendar) return undefined;
    return workingMinutesBetween(this.calendar, from, to);
  }
}
