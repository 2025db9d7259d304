/**
 * `MonevMeasures` of one SOP's cases answered from the facts tables (migration
 * 0010): the same shape and the same numbers as core/monev's `monevMeasures`
 * over the same cases' facts. What is aggregation is SQL: the filters, counts,
 * shares' parts, sums, nearest-rank percentiles (`percentile_disc` takes the
 * ⌈p·n⌉-th value, as `percentile` does), counts per bucket and per bin, return
 * reasons. What is not comes from core/monev, so it is written once: which
 * steps get a row, the bucket and bin frames, shares from counts, the order of
 * reasons, and the bottleneck ranking.
 *
 * Sums are exact, not merely close: `sum(x ORDER BY x)` adds the doubles one
 * by one in ascending order, as `summarizeMinutes` does after sorting; the
 * minutes over standard are added in the order core adds them (cases by start,
 * then id; visits in order), which is the order this module reads cases in.
 */
import {
  CASE_OUTCOMES,
  countBucketFrame,
  emptyStepMeasures,
  knownStepRows,
  leadTimeBinFrame,
  rankBottlenecks,
  settleStepShares,
  share,
  sortReasons,
  unknownStepInfo,
  type CaseCounts,
  type LeadTime,
  type MinutesSummary,
  type MonevMeasures,
  type MonevQuery,
  type MonevStepInfo,
  type StepMeasures,
} from '../../core/monev';
import type { WorkingCalendarConfig } from '../../core/sla';
import type { Db, Queryable } from '../db/db';
import { officeReadsCaseSql } from '../cases/caseVisibility';
import { refreshMonevFacts, SERVER_MONEV_CALENDAR } from './monevFacts';

/** Only the cases this office reads (its pull feed has them): what a signed-in user is shown. */
export interface MonevReader {
  officeId: string;
  regionCode: string;
}

export interface MonevSqlOptions {
  /** The calendar the facts are folded on (default: the server's). */
  calendar?: WorkingCalendarConfig;
  readBy?: MonevReader;
}

/** The cases the query matches, as `caseMatches` decides: $1 SOP, $2 from, $3 to, $4 revision, $5 office, $6 lane. */
function matchedSql(readBy: boolean): string {
  return `matched AS NOT MATERIALIZED (
    SELECT m.* FROM monev_cases m ${readBy ? 'JOIN cases c ON c.id = m.case_id' : ''}
     WHERE m.sop_id = $1
       AND ($2::bigint IS NULL OR m.started_at >= $2::bigint)
       AND ($3::bigint IS NULL OR m.started_at < $3::bigint)
       AND ($4::integer IS NULL OR m.sop_revision = $4::integer)
       AND ($5::text IS NULL OR $5::text = ANY (m.offices))
       AND ($6::text IS NULL OR $6::text = ANY (m.lanes))
       ${readBy ? `AND ${officeReadsCaseSql('$9', '$10')}` : ''}
  )`;
}

/**
 * The visits that count, as `visitMatches` decides, of a step with a row: $7 the known steps with a row (after the
 * lane filter), $8 every known step (a known step outside the lane's rows has none; an unknown step gets one).
 */
const COUNTED_SQL = `counted AS NOT MATERIALIZED (
    SELECT v.case_id, v.ordinal, v.step_id, v.visit_no, v.via, v.actor, v.end_kind, v.due_at, v.ended_at, v.measure,
           v.wait_until, v.asked, v.minutes, v.over_minutes, v.sign_wait_minutes, m.started_at AS case_started,
           r.to_applicant, r.reason
      FROM matched m
      JOIN monev_visits v ON v.case_id = m.case_id
      LEFT JOIN monev_returns r ON r.case_id = v.case_id AND r.ordinal = v.return_ordinal
     WHERE ($5::text IS NULL OR v.office = $5::text)
       AND ($6::text IS NULL OR v.actor = $6::text)
       AND (v.step_id = ANY ($7::text[]) OR NOT (v.step_id = ANY ($8::text[])))
  )`;

/** Join waits that ended, with whether their step has a row (a known step with one, or an unknown step with a counted visit). */
const JOIN_WAITS_SQL = `join_waits AS NOT MATERIALIZED (
    SELECT w.step_id, w.minutes,
           (w.step_id = ANY ($7::text[]) OR (NOT (w.step_id = ANY ($8::text[])) AND w.step_id IN (SELECT step_id FROM counted))) AS has_row
      FROM matched m JOIN monev_join_waits w ON w.case_id = m.case_id
     WHERE w.minutes IS NOT NULL
  )`;

/** The order core reads cases and visits in. */
const CASE_ORDER = 'case_started, case_id COLLATE "C", ordinal';

/** count, sum (ascending, as summarizeMinutes adds), median and p90 (nearest rank) of `value` where `filter` holds. */
function summarySql(value: string, filter: string, name: string): string {
  const where = `FILTER (WHERE ${filter})`;
  return `count(${value}) ${where}::int AS ${name}_count,
          sum(${value} ORDER BY ${value}) ${where} AS ${name}_total,
          percentile_disc(0.5) WITHIN GROUP (ORDER BY ${value}) ${where} AS ${name}_median,
          percentile_disc(0.9) WITHIN GROUP (ORDER BY ${value}) ${where} AS ${name}_p90`;
}

type SummaryRow = Record<string, number | null>;

function summaryOf(row: SummaryRow, name: string): MinutesSummary {
  return {
    count: Number(row[`${name}_count`] ?? 0),
    totalMinutes: row[`${name}_total`] ?? 0,
    median: row[`${name}_median`] ?? null,
    p90: row[`${name}_p90`] ?? null,
  };
}

/** Counts of cases as `countCase` makes them, over the rows of `matched` in scope. */
const COUNTS_SQL = `count(*)::int AS started,
  ${CASE_OUTCOMES.map((o) => `count(*) FILTER (WHERE status = 'finished' AND COALESCE(outcome, 'selesai') = '${o}')::int AS finished_${o}`).join(',\n  ')},
  count(*) FILTER (WHERE returned)::int AS returned,
  count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
  count(*) FILTER (WHERE status NOT IN ('finished', 'cancelled'))::int AS open`;

function countsOf(row: Record<string, unknown>): CaseCounts {
  const finished = Object.fromEntries(CASE_OUTCOMES.map((o) => [o, Number(row[`finished_${o}`])])) as CaseCounts['finished'];
  return { started: Number(row['started']), finished, returned: Number(row['returned']), cancelled: Number(row['cancelled']), open: Number(row['open']) };
}

/** For this transaction only; a pool of 10 connections asking at once stays well under a gigabyte. */
const WORK_MEM = '32MB';

const LEAD = `lead_minutes`;
const DONE = `end_kind = 'done'`;
const FINISHED_LEAD = `status = 'finished' AND lead_minutes IS NOT NULL`;
const LEAD_WITHIN = `${FINISHED_LEAD} AND case_due_at IS NOT NULL AND closed_at <= case_due_at`;

/**
 * Every measure of `monevMeasures(facts of the SOP's cases, query, calendar, steps)`, from SQL. Folds the cases
 * whose facts are stale first (monevFacts.ts), then reads in one repeatable-read transaction, so every number is
 * of the same cases.
 */
export async function monevMeasuresFromSql(db: Db, sopId: string, query: MonevQuery, steps: readonly MonevStepInfo[], options: MonevSqlOptions = {}): Promise<MonevMeasures> {
  const calendar = options.calendar ?? SERVER_MONEV_CALENDAR;
  await refreshMonevFacts(db, sopId, calendar);
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // The per-step statement sorts every counted visit (ordered aggregates group by sorting): at the default 4 MB a
    // few thousand cases already sort on disk.
    await tx.query(`SET LOCAL work_mem = '${WORK_MEM}'`);
    return readMeasures(tx, sopId, query, steps, calendar, options.readBy);
  });
}

async function readMeasures(
  tx: Queryable,
  sopId: string,
  query: MonevQuery,
  steps: readonly MonevStepInfo[],
  calendar: WorkingCalendarConfig,
  readBy: MonevReader | undefined,
): Promise<MonevMeasures> {
  const rowSteps = knownStepRows(steps, query);
  const params: unknown[] = [
    sopId,
    query.from ?? null,
    query.to ?? null,
    query.revision ?? null,
    query.office ?? null,
    query.lane ?? null,
    rowSteps.map((s) => s.stepId),
    steps.map((s) => s.stepId),
    ...(readBy ? [readBy.officeId, readBy.regionCode] : []),
  ];
  // Every statement carries every CTE, so each names every parameter and takes the same list.
  const withMatched = `WITH ${matchedSql(readBy !== undefined)}, ${COUNTED_SQL}, ${JOIN_WAITS_SQL}`;
  const read = async <Row>(sql: string) => (await tx.query<Row>(`${withMatched} ${sql}`, params)).rows;

  const [totalsRow] = await read<Record<string, number | null>>(
    `SELECT ${COUNTS_SQL},
            min(started_at)::float8 AS min_start, max(started_at)::float8 AS max_start,
            ${summarySql(LEAD, FINISHED_LEAD, 'lead')},
            count(*) FILTER (WHERE ${FINISHED_LEAD} AND case_due_at IS NOT NULL)::int AS lead_with_standard,
            count(*) FILTER (WHERE ${LEAD_WITHIN})::int AS lead_within,
            percentile_disc(0.95) WITHIN GROUP (ORDER BY ${LEAD}) FILTER (WHERE ${FINISHED_LEAD}) AS lead_p95,
            max(${LEAD}) FILTER (WHERE ${FINISHED_LEAD}) AS lead_max
       FROM matched`,
  );
  const totals = totalsRow!;
  const cases = Number(totals['started']);

  const buckets = countBucketFrame(query, calendar.timeZone, totals['min_start'] ?? undefined, totals['max_start'] ?? undefined);
  if (buckets.rows.length > 0) {
    const column = buckets.unit === 'week' ? 'started_week' : 'started_month';
    const counted = await read<Record<string, number>>(`SELECT ${column}::float8 AS start, ${COUNTS_SQL} FROM matched GROUP BY ${column}`);
    const byStart = new Map(counted.map((row) => [row['start'], row]));
    for (const bucket of buckets.rows) {
      const row = byStart.get(bucket.start);
      if (row) Object.assign(bucket, countsOf(row));
    }
  }

  const leadTime: LeadTime = {
    ...summaryOf(totals, 'lead'),
    withStandard: Number(totals['lead_with_standard']),
    within: Number(totals['lead_within']),
    shareWithin: share(Number(totals['lead_within']), Number(totals['lead_with_standard'])),
    bins: [],
  };
  if (leadTime.count > 0) {
    const frame = leadTimeBinFrame(totals['lead_p95']!, totals['lead_max']!);
    leadTime.bins = frame.bins;
    const last = frame.bins.length - 1;
    const binRows = await read<{ bin: number; count: number; within: number }>(
      `SELECT LEAST(${last}, floor(${LEAD} / ${frame.width}::float8))::int AS bin,
              count(*)::int AS count, count(*) FILTER (WHERE ${LEAD_WITHIN})::int AS within
         FROM matched WHERE ${FINISHED_LEAD} GROUP BY 1`,
    );
    for (const row of binRows) Object.assign(frame.bins[row.bin]!, { count: row.count, within: row.within });
  }

  const stepRows = await readStepRows(read, steps, rowSteps);
  const [visitWaits] = await read<SummaryRow>(
    `SELECT ${summarySql('sign_wait_minutes', DONE, 'sign')}, ${summarySql('minutes', `${DONE} AND measure = 'wait'`, 'waitstep')} FROM counted`,
  );
  // Returns to the applicant count for every matched case, whatever the office and lane filters.
  const [applicant] = await read<SummaryRow>(
    `SELECT ${summarySql('r.away_minutes', 'r.to_applicant', 'applicant')} FROM matched m JOIN monev_returns r ON r.case_id = m.case_id`,
  );
  // With a lane filter, a join outside the lane's rows is not among the places its cases wait.
  const [joins] = await read<SummaryRow>(`SELECT ${summarySql('minutes', '$6::text IS NULL OR has_row', 'joins')} FROM join_waits`);

  return {
    query,
    cases,
    totals: countsOf(totals),
    buckets,
    leadTime,
    steps: stepRows,
    waits: {
      joins: summaryOf(joins!, 'joins'),
      signatures: summaryOf(visitWaits!, 'sign'),
      waitSteps: summaryOf(visitWaits!, 'waitstep'),
      applicant: summaryOf(applicant!, 'applicant'),
    },
    bottlenecks: rankBottlenecks(stepRows),
  };
}

type Read = <Row>(sql: string) => Promise<Row[]>;

interface StepRow extends SummaryRow {
  visits: number;
  cases: number;
  done: number;
  loop_cases: number;
  asked: number;
  skipped: number;
  returns: number;
  to_applicant: number;
  with_standard: number;
  within: number;
  over_minutes: number | null;
  wait_compared: number;
  wait_within: number;
}

interface FirstVisit {
  step_id: string;
  first: { case_started: number; case_id: string; ordinal: number; actor: string | null; measure: StepMeasures['measure']; dated: boolean; asked: boolean };
}

const RATED = `${DONE} AND measure <> 'wait' AND due_at IS NOT NULL AND ended_at IS NOT NULL`;
const WAIT_COMPARED = `${DONE} AND measure = 'wait' AND wait_until IS NOT NULL AND ended_at IS NOT NULL`;

async function readStepRows(read: Read, steps: readonly MonevStepInfo[], rowSteps: readonly MonevStepInfo[]): Promise<StepMeasures[]> {
  const counts = await read<StepRow & { step_id: string }>(
    `SELECT step_id,
            count(*)::int AS visits,
            count(DISTINCT case_id)::int AS cases,
            count(*) FILTER (WHERE ${DONE})::int AS done,
            count(DISTINCT case_id) FILTER (WHERE visit_no >= 2 AND via IN ('edge', 'join'))::int AS loop_cases,
            count(*) FILTER (WHERE asked)::int AS asked,
            count(*) FILTER (WHERE end_kind = 'skipped')::int AS skipped,
            count(*) FILTER (WHERE end_kind = 'returned')::int AS returns,
            count(*) FILTER (WHERE end_kind = 'returned' AND to_applicant)::int AS to_applicant,
            ${summarySql('minutes', DONE, 'duration')},
            count(*) FILTER (WHERE ${RATED})::int AS with_standard,
            count(*) FILTER (WHERE ${RATED} AND ended_at <= due_at)::int AS within,
            sum(COALESCE(over_minutes, 0) ORDER BY ${CASE_ORDER}) FILTER (WHERE ${RATED} AND ended_at > due_at) AS over_minutes,
            count(*) FILTER (WHERE ${WAIT_COMPARED})::int AS wait_compared,
            count(*) FILTER (WHERE ${WAIT_COMPARED} AND ended_at <= wait_until)::int AS wait_within,
            ${summarySql('sign_wait_minutes', DONE, 'sign')}
       FROM counted GROUP BY step_id`,
  );
  const reasons = await read<{ step_id: string; reason: string; count: number }>(
    `SELECT step_id, reason, count(*)::int AS count FROM counted
      WHERE end_kind = 'returned' AND reason IS NOT NULL GROUP BY step_id, reason`,
  );
  const joinWaits = await read<SummaryRow & { step_id: string }>(
    `SELECT step_id, ${summarySql('minutes', 'true', 'join')} FROM join_waits WHERE has_row GROUP BY step_id`,
  );
  // Steps no given step lists get their row from their first counted visit, in the order core meets them.
  const known = new Set(steps.map((s) => s.stepId));
  const firsts = await read<FirstVisit>(
    `SELECT DISTINCT ON (step_id) step_id,
            jsonb_build_object('case_started', case_started, 'case_id', case_id, 'ordinal', ordinal, 'actor', actor,
                               'measure', measure, 'dated', due_at IS NOT NULL, 'asked', asked) AS first
       FROM counted WHERE NOT (step_id = ANY ($8::text[]))
      ORDER BY step_id, ${CASE_ORDER}`,
  );
  firsts.sort((a, b) => a.first.case_started - b.first.case_started || compareCodeUnits(a.first.case_id, b.first.case_id) || a.first.ordinal - b.first.ordinal);

  const rows = new Map<string, StepMeasures>();
  for (const info of rowSteps) rows.set(info.stepId, emptyStepMeasures(info, true));
  let extraRow = steps.reduce((max, s) => Math.max(max, s.row), 0);
  for (const { step_id, first } of firsts) {
    if (known.has(step_id)) continue;
    // Only whether the first visit had a due time matters for the row (hasStandard), not the time itself.
    const visit = { stepId: step_id, measure: first.measure, ...(first.actor !== null ? { actor: first.actor } : {}), ...(first.dated ? { dueAt: 0 } : {}), ...(first.asked ? { asked: true as const } : {}) };
    rows.set(step_id, emptyStepMeasures(unknownStepInfo(visit, ++extraRow), false));
  }

  for (const row of counts) {
    const m = rows.get(row.step_id);
    if (!m) continue;
    Object.assign(m, {
      visits: row.visits,
      cases: row.cases,
      done: row.done,
      duration: summaryOf(row, 'duration'),
      withStandard: row.with_standard,
      within: row.within,
      overMinutes: row.over_minutes ?? 0,
      signWait: summaryOf(row, 'sign'),
    });
    m.loops.cases = row.loop_cases;
    m.skipped = { asked: row.asked, skipped: row.skipped };
    m.returns.count = row.returns;
    m.returns.toApplicant = row.to_applicant;
    if (m.waiting) Object.assign(m.waiting, { compared: row.wait_compared, within: row.wait_within });
  }
  const reasonsOf = new Map<string, [string, number][]>();
  for (const r of reasons) reasonsOf.set(r.step_id, [...(reasonsOf.get(r.step_id) ?? []), [r.reason, r.count]]);
  for (const [stepId, list] of reasonsOf) {
    const m = rows.get(stepId);
    if (m) m.returns.reasons = sortReasons(list);
  }
  for (const row of joinWaits) {
    const m = rows.get(row.step_id);
    if (m) m.joinWait = summaryOf(row, 'join');
  }
  const stepRows = [...rows.values()];
  for (const m of stepRows) settleStepShares(m);
  return stepRows;
}

/** JavaScript's `<` on strings (UTF-16 code units), the order of COLLATE "C" for the ASCII ids cases have. */
const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
