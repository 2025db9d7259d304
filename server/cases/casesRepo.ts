/** SQL for cases, their events, command ids taken, and visibility grants (migration 0005). */
import type { CaseEvent, CaseState } from '../../core/engine';
import type { Queryable } from '../db/db';
import { officeReadsCaseSql, type CaseScope } from './caseVisibility';

export interface StoredCase extends CaseScope {
  id: string;
  sopRevision: number;
  sopContentHash: string;
  revision: number;
  state: CaseState;
}

interface CaseRow {
  id: string;
  sop_id: string;
  sop_revision: number;
  sop_content_hash: string;
  region_code: string;
  holder_office_ids: string[];
  path_actors: string[];
  revision: number;
  state: CaseState;
}

const CASE_COLUMNS = 'id, sop_id, sop_revision, sop_content_hash, region_code, holder_office_ids::text[] AS holder_office_ids, path_actors, revision, state';

const caseOf = (row: CaseRow): StoredCase => ({
  id: row.id,
  sopId: row.sop_id,
  sopRevision: row.sop_revision,
  sopContentHash: row.sop_content_hash,
  regionCode: row.region_code,
  holderOfficeIds: row.holder_office_ids,
  pathActors: row.path_actors,
  revision: row.revision,
  state: row.state,
});

// Any fixed number, distinct from the migration lock's key space.
const CASE_LOCK_SEED = 7_310_011;

/**
 * Serialises every command on one case, before the transaction writes anything.
 * An advisory lock takes no transaction id, so the id is assigned only once the
 * lock is held: one case's transactions then get increasing ids in the order they
 * run, and the pull feed (ordered by transaction id) gives a case's commands in
 * revision order. The row lock below (FOR UPDATE) would assign the id while
 * waiting, so two waiters could get ids in the opposite order from their turn.
 */
export async function lockCaseId(tx: Queryable, caseId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, $2))', [caseId, CASE_LOCK_SEED]);
}

export async function findCaseForUpdate(tx: Queryable, caseId: string): Promise<StoredCase | undefined> {
  const { rows } = await tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
  return rows[0] && caseOf(rows[0]);
}

export async function findCase(db: Queryable, caseId: string): Promise<StoredCase | undefined> {
  const { rows } = await db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1`, [caseId]);
  return rows[0] && caseOf(rows[0]);
}

export interface CaseWrite {
  id: string;
  sopId: string;
  sopRevision: number;
  sopContentHash: string;
  regionCode: string;
  holderOfficeIds: readonly string[];
  pathActors: readonly string[];
  state: CaseState;
}

export async function insertCase(tx: Queryable, write: CaseWrite, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO cases (id, sop_id, sop_revision, sop_content_hash, region_code, holder_office_ids, path_actors, revision, state, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7::text[], $8, $9::jsonb, $10, $10)`,
    [write.id, write.sopId, write.sopRevision, write.sopContentHash, write.regionCode, write.holderOfficeIds, write.pathActors, write.state.revision, JSON.stringify(write.state), now],
  );
}

export async function updateCase(tx: Queryable, write: CaseWrite, now: Date): Promise<void> {
  await tx.query(
    `UPDATE cases SET holder_office_ids = $2::uuid[], path_actors = $3::text[], revision = $4, state = $5::jsonb, updated_at = $6 WHERE id = $1`,
    [write.id, write.holderOfficeIds, write.pathActors, write.state.revision, JSON.stringify(write.state), now],
  );
}

export interface EventsWrite {
  caseId: string;
  events: readonly CaseEvent[];
  userId: string;
  officeId: string;
  recordedAt: Date;
}

/** The command's events and its id (idempotency), in one statement; seq follows the events' order. */
export async function insertCommandEvents(tx: Queryable, write: EventsWrite & { commandId: string; deviceId: string }): Promise<void> {
  await tx.query(
    `WITH taken AS (
       INSERT INTO processed_commands (command_id, case_id, user_id, device_id, processed_at) VALUES ($6, $1, $3, $7, $5)
     )
     INSERT INTO case_events (case_id, event_id, command_id, revision, event, user_id, office_id, recorded_at)
     SELECT $1, e->>'id', e->>'commandId', (e->>'revision')::int, e, $3, $4, $5
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n`,
    [write.caseId, JSON.stringify(write.events), write.userId, write.officeId, write.recordedAt, write.commandId, write.deviceId],
  );
}

export async function eventsOfCommand(db: Queryable, commandId: string): Promise<CaseEvent[]> {
  const { rows } = await db.query<{ event: CaseEvent }>('SELECT event FROM case_events WHERE command_id = $1 ORDER BY seq', [commandId]);
  return rows.map((r) => r.event);
}

export async function eventsAfterRevision(db: Queryable, caseId: string, revision: number): Promise<CaseEvent[]> {
  const { rows } = await db.query<{ event: CaseEvent }>('SELECT event FROM case_events WHERE case_id = $1 AND revision > $2 ORDER BY revision, seq', [caseId, revision]);
  return rows.map((r) => r.event);
}

export async function caseEventsInOrder(db: Queryable, caseId: string): Promise<CaseEvent[]> {
  return eventsAfterRevision(db, caseId, 0);
}

export async function findProcessedCommand(db: Queryable, commandId: string): Promise<{ caseId: string } | undefined> {
  const { rows } = await db.query<{ case_id: string }>('SELECT case_id FROM processed_commands WHERE command_id = $1', [commandId]);
  return rows[0] && { caseId: rows[0].case_id };
}

/** Every region code that covers `code`: "35.10.01" → ["35", "35.10", "35.10.01"] (an index lookup, not a scan). */
export function coveringRegionCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Grants the case to every office the rule lets see it now (caseVisibility.ts, as SQL over all offices) that was
 * not granted it yet, in one statement; returns every office holding a grant. Offices are inserted in id order,
 * so two transactions granting the same offices take the row locks in the same order.
 */
export async function grantCaseToOfficesThatMaySee(tx: Queryable, caseId: string, scope: CaseScope): Promise<string[]> {
  const { rows } = await tx.query<{ office_id: string }>(
    `WITH may_see AS (
       SELECT o.id FROM offices o
        WHERE o.id = ANY ($2::uuid[])
           OR (o.region_code = ANY ($3::text[])
               AND EXISTS (SELECT 1 FROM office_lanes l WHERE l.office_id = o.id AND l.sop_id = $4 AND l.actor_id = ANY ($5::text[])))
     ), added AS (
       INSERT INTO case_visibility (case_id, office_id) SELECT $1, id FROM may_see ORDER BY id
       ON CONFLICT (case_id, office_id) DO NOTHING RETURNING office_id
     )
     SELECT office_id::text AS office_id FROM case_visibility WHERE case_id = $1
     UNION SELECT office_id::text FROM added`,
    [caseId, scope.holderOfficeIds, coveringRegionCodes(scope.regionCode), scope.sopId, scope.pathActors],
  );
  return rows.map((r) => r.office_id).sort();
}

/** Whether the office reads at least one case running on this revision (it may then read the revision). */
export async function officeReadsCaseOn(db: Queryable, office: { id: string; regionCode: string }, sopId: string, revision: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM cases c WHERE c.sop_id = $3 AND c.sop_revision = $4 AND ${officeReadsCaseSql('$1', '$2')} LIMIT 1`,
    [office.id, office.regionCode, sopId, revision],
  );
  return rowCount > 0;
}
