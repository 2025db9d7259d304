/**
 * Keeps the monev facts tables (migration 0010) current, lazily: pushes do not
 * fold anything (the push path stays as fast as it was); when measures of an
 * SOP are asked, its cases whose facts are older than their last event, or
 * were folded on another calendar, are folded again by core/monev's
 * `caseFactsFromEvents` and written. A case pushed to a thousand times between
 * two looks at the dashboard is folded once.
 */
import { canonicalJson, sha256Hex, type CaseEvent } from '../../core/engine';
import { caseFactsFromEvents, type CaseFacts } from '../../core/monev';
import { DEFAULT_WORKING_CALENDAR, type WorkingCalendarConfig } from '../../core/sla';
import type { Db, Queryable } from '../db/db';

/**
 * The server's working calendar for monev: the runtime's default (core/sla), since offices keep their own
 * calendar on their devices only and the server knows none yet. Facts remember which calendar they were
 * computed on, so a different one later refolds them.
 */
export const SERVER_MONEV_CALENDAR: WorkingCalendarConfig = DEFAULT_WORKING_CALENDAR;

export function calendarKeyOf(calendar: WorkingCalendarConfig): string {
  return sha256Hex(canonicalJson(calendar));
}

/** Cases folded per transaction: bounds memory and how long the SOP's refresh lock is held. */
const REFRESH_CHUNK = 500;
// Any fixed number, distinct from the other advisory lock seeds (push 7_310_011, migrations 7_310_010).
const MONEV_LOCK_SEED = 7_310_012;

/**
 * Folds every case of the SOP whose facts are missing or stale; returns how many were folded. Refreshes of one
 * SOP take turns (an advisory lock), so two requests never write the same case's rows at once.
 */
export async function refreshMonevFacts(db: Db, sopId: string, calendar: WorkingCalendarConfig = SERVER_MONEV_CALENDAR): Promise<number> {
  const calendarKey = calendarKeyOf(calendar);
  let folded = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, $2))', [sopId, MONEV_LOCK_SEED]);
      const { rows } = await tx.query<{ id: string }>(
        `SELECT c.id FROM cases c LEFT JOIN monev_cases m ON m.case_id = c.id
          WHERE c.sop_id = $1 AND (m.case_id IS NULL OR m.folded_revision <> c.revision OR m.calendar_key <> $2)
          LIMIT ${REFRESH_CHUNK}`,
        [sopId, calendarKey],
      );
      if (rows.length === 0) return 0;
      await writeFacts(tx, await foldCases(tx, rows.map((r) => r.id), calendar), calendarKey);
      return rows.length;
    });
    folded += count;
    if (count < REFRESH_CHUNK) return folded;
  }
}

interface FoldedCase {
  facts: CaseFacts;
  /** The revision of the last event folded. */
  revision: number;
}

async function foldCases(tx: Queryable, caseIds: readonly string[], calendar: WorkingCalendarConfig): Promise<FoldedCase[]> {
  const { rows } = await tx.query<{ case_id: string; revision: number; event: CaseEvent }>(
    'SELECT case_id, revision, event FROM case_events WHERE case_id = ANY ($1::text[]) ORDER BY case_id, revision, seq',
    [caseIds],
  );
  const eventsOf = new Map<string, { events: CaseEvent[]; revision: number }>();
  for (const row of rows) {
    const entry = eventsOf.get(row.case_id) ?? { events: [], revision: 0 };
    entry.events.push(row.event);
    entry.revision = Math.max(entry.revision, row.revision);
    eventsOf.set(row.case_id, entry);
  }
  return [...eventsOf.values()].map(({ events, revision }) => ({ facts: caseFactsFromEvents(events, calendar), revision }));
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

async function writeFacts(tx: Queryable, folded: readonly FoldedCase[], calendarKey: string): Promise<void> {
  if (folded.length === 0) return;
  const cases = folded.map(({ facts: f, revision }) => ({
    case_id: f.caseId,
    folded_revision: revision,
    calendar_key: calendarKey,
    sop_id: f.sop.sopId,
    sop_revision: f.sop.revision,
    started_at: f.startedAt,
    closed_at: orNull(f.closedAt),
    status: f.status,
    outcome: orNull(f.outcome),
    case_due_at: orNull(f.caseDueAt),
    offices: f.offices,
    lanes: f.lanes,
    returned: f.returns.length > 0,
    lead_minutes: orNull(f.leadMinutes),
    started_week: f.startedWeek!,
    started_month: f.startedMonth!,
  }));
  const visits = folded.flatMap(({ facts: f }) =>
    f.visits.map((v, ordinal) => ({
      case_id: f.caseId,
      ordinal,
      step_id: v.stepId,
      visit_no: v.visitNo,
      via: orNull(v.via),
      actor: orNull(v.actor),
      office: orNull(v.office),
      activated_at: v.activatedAt,
      ended_at: orNull(v.endedAt),
      end_kind: v.end,
      due_at: orNull(v.dueAt),
      measure: v.measure,
      wait_until: orNull(v.waitUntil),
      asked: v.asked === true,
      work_done_at: orNull(v.workDoneAt),
      last_signed_at: orNull(v.lastSignedAt),
      return_ordinal: orNull(v.returnIndex),
      minutes: orNull(v.minutes),
      over_minutes: orNull(v.overMinutes),
      sign_wait_minutes: orNull(v.signWaitMinutes),
    })),
  );
  const returns = folded.flatMap(({ facts: f }) =>
    f.returns.map((r, ordinal) => ({
      case_id: f.caseId,
      ordinal,
      at: r.at,
      to_applicant: r.toApplicant === true,
      reason: r.reason,
      resumed_at: orNull(r.resumedAt),
      away_minutes: orNull(r.awayMinutes),
    })),
  );
  const joinWaits = folded.flatMap(({ facts: f }) =>
    f.joinWaits.map((w, ordinal) => ({
      case_id: f.caseId,
      ordinal,
      step_id: w.stepId,
      fork_id: w.forkId,
      first_arrival_at: w.firstArrivalAt,
      released_at: orNull(w.releasedAt),
      minutes: orNull(w.minutes),
    })),
  );
  // The children go with their case (ON DELETE CASCADE); the whole case is written again.
  await tx.query('DELETE FROM monev_cases WHERE case_id = ANY ($1::text[])', [cases.map((c) => c.case_id)]);
  // Numbers travel as JSON text written by JavaScript (shortest round-trip form), so every double arrives unchanged.
  await tx.query(
    `INSERT INTO monev_cases
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
       case_id text, folded_revision integer, calendar_key text, sop_id text, sop_revision integer, started_at bigint,
       closed_at bigint, status text, outcome text, case_due_at bigint, offices text[], lanes text[], returned boolean,
       lead_minutes double precision, started_week bigint, started_month bigint)`,
    [JSON.stringify(cases)],
  );
  await insertRows(tx, 'monev_visits', VISIT_COLUMNS, visits);
  await insertRows(tx, 'monev_returns', RETURN_COLUMNS, returns);
  await insertRows(tx, 'monev_join_waits', JOIN_WAIT_COLUMNS, joinWaits);
}

const VISIT_COLUMNS = `case_id text, ordinal integer, step_id text, visit_no integer, via text, actor text, office text,
  activated_at bigint, ended_at bigint, end_kind text, due_at bigint, measure text, wait_until bigint,
  asked boolean, work_done_at bigint, last_signed_at bigint, return_ordinal integer, minutes double precision,
  over_minutes double precision, sign_wait_minutes double precision`;
const RETURN_COLUMNS = `case_id text, ordinal integer, at bigint, to_applicant boolean, reason text, resumed_at bigint,
  away_minutes double precision`;
const JOIN_WAIT_COLUMNS = `case_id text, ordinal integer, step_id text, fork_id text, first_arrival_at bigint, released_at bigint,
  minutes double precision`;

/** Many rows in one statement: the rows as one JSON parameter, read back as a record set of these columns. */
async function insertRows(tx: Queryable, table: string, columns: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(`INSERT INTO ${table} SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${columns})`, [JSON.stringify(rows)]);
}
