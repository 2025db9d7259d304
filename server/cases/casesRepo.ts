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
 * locks are held: one case's transactions then get increasing ids in the order
 * they run, and the pull feed (ordered by transaction id) gives a case's commands
 * in revision order. The row lock below (FOR UPDATE) would assign the id while
 * waiting, so two waiters could get ids in the opposite order from their turn.
 * A push names several cases: their locks are taken in key order (the sorted
 * subquery is not flattened, so the locks follow it), so two pushes naming the
 * same cases cannot each hold one the other waits for.
 */
export async function lockCaseIds(tx: Queryable, caseIds: readonly string[]): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(id, $2) AS k FROM unnest($1::text[]) AS id ORDER BY k) AS keys`,
    [caseIds, CASE_LOCK_SEED],
  );
}

export async function findCasesForUpdate(tx: Queryable, caseIds: readonly string[]): Promise<Map<string, StoredCase>> {
  return casesById(tx, caseIds, ' ORDER BY id FOR UPDATE');
}

export async function findCases(db: Queryable, caseIds: readonly string[]): Promise<Map<string, StoredCase>> {
  return casesById(db, caseIds, '');
}

async function casesById(db: Queryable, caseIds: readonly string[], suffix: string): Promise<Map<string, StoredCase>> {
  if (caseIds.length === 0) return new Map();
  const { rows } = await db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ANY ($1::text[])${suffix}`, [caseIds]);
  return new Map(rows.map((row) => [row.id, caseOf(row)]));
}

export async function findCase(db: Queryable, caseId: string): Promise<StoredCase | undefined> {
  return (await findCases(db, [caseId])).get(caseId);
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

/** Inserts the new cases and updates the others, in one statement. */
export async function writeCases(tx: Queryable, writes: readonly CaseWrite[], now: Date): Promise<void> {
  if (writes.length === 0) return;
  const rows = writes.map((w) => ({
    id: w.id,
    sop_id: w.sopId,
    sop_revision: w.sopRevision,
    sop_content_hash: w.sopContentHash,
    region_code: w.regionCode,
    holders: w.holderOfficeIds,
    path_actors: w.pathActors,
    revision: w.state.revision,
    state: w.state,
  }));
  await tx.query(
    `INSERT INTO cases (id, sop_id, sop_revision, sop_content_hash, region_code, holder_office_ids, path_actors, revision, state, created_at, updated_at)
     SELECT r->>'id', r->>'sop_id', (r->>'sop_revision')::int, r->>'sop_content_hash', r->>'region_code',
            ARRAY(SELECT jsonb_array_elements_text(r->'holders'))::uuid[], ARRAY(SELECT jsonb_array_elements_text(r->'path_actors')),
            (r->>'revision')::int, r->'state', $2, $2
       FROM jsonb_array_elements($1::jsonb) AS r
     ON CONFLICT (id) DO UPDATE SET holder_office_ids = EXCLUDED.holder_office_ids, path_actors = EXCLUDED.path_actors,
            revision = EXCLUDED.revision, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(rows), now],
  );
}

export interface CommandsEventsWrite {
  commands: readonly { commandId: string; caseId: string; events: readonly CaseEvent[] }[];
  userId: string;
  officeId: string;
  deviceId: string;
  recordedAt: Date;
}

/** The commands' ids (idempotency) and their events, in one statement; seq follows the commands' and events' order. */
export async function insertCommandsEvents(tx: Queryable, write: CommandsEventsWrite): Promise<void> {
  const commands = write.commands.map((c) => ({ commandId: c.commandId, caseId: c.caseId }));
  const events = write.commands.flatMap((c) => c.events.map((event) => ({ caseId: c.caseId, commandId: c.commandId, event })));
  await tx.query(
    `WITH taken AS (
       INSERT INTO processed_commands (command_id, case_id, user_id, device_id, processed_at)
       SELECT c->>'commandId', c->>'caseId', $3, $5, $4 FROM jsonb_array_elements($1::jsonb) AS c
     )
     INSERT INTO case_events (case_id, event_id, command_id, revision, event, user_id, office_id, recorded_at)
     SELECT x->>'caseId', x->'event'->>'id', x->>'commandId', (x->'event'->>'revision')::int, x->'event', $3, $6, $4
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n`,
    [JSON.stringify(commands), JSON.stringify(events), write.userId, write.recordedAt, write.deviceId, write.officeId],
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

/** Which of these command ids are taken, and on which case. */
export async function findProcessedCommands(db: Queryable, commandIds: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ command_id: string; case_id: string }>('SELECT command_id, case_id FROM processed_commands WHERE command_id = ANY ($1::text[])', [commandIds]);
  return new Map(rows.map((r) => [r.command_id, r.case_id]));
}

/** Every region code that covers `code`: "35.10.01" → ["35", "35.10", "35.10.01"] (an index lookup, not a scan). */
export function coveringRegionCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * Grants each case to every office the rule lets see it now (caseVisibility.ts, as SQL over all offices) that was
 * not granted it yet, in one statement; returns every office holding a grant on any of the cases. Grants are
 * inserted in (case, office) order, so two transactions granting the same rows take their locks in the same order.
 */
export async function grantCasesToOfficesThatMaySee(tx: Queryable, cases: readonly (CaseScope & { id: string })[]): Promise<string[]> {
  if (cases.length === 0) return [];
  const scopes = cases.map((c) => ({ id: c.id, holders: c.holderOfficeIds, regions: coveringRegionCodes(c.regionCode), sop_id: c.sopId, actors: c.pathActors }));
  const { rows } = await tx.query<{ office_id: string }>(
    `WITH scope AS (
       SELECT s->>'id' AS case_id, s->>'sop_id' AS sop_id,
              ARRAY(SELECT jsonb_array_elements_text(s->'holders'))::uuid[] AS holders,
              ARRAY(SELECT jsonb_array_elements_text(s->'regions')) AS regions,
              ARRAY(SELECT jsonb_array_elements_text(s->'actors')) AS actors
         FROM jsonb_array_elements($1::jsonb) AS s
     ), may_see AS (
       -- Two index lookups, not a scan of every office: the holders, and the offices with a lane on the path
       -- (office_lanes_sop) whose region covers the case's.
       SELECT scope.case_id, h.office_id FROM scope, unnest(scope.holders) AS h(office_id)
       UNION
       SELECT scope.case_id, l.office_id FROM scope
         JOIN office_lanes l ON l.sop_id = scope.sop_id AND l.actor_id = ANY (scope.actors)
         JOIN offices o ON o.id = l.office_id AND o.region_code = ANY (scope.regions)
     ), added AS (
       INSERT INTO case_visibility (case_id, office_id) SELECT case_id, office_id FROM may_see ORDER BY case_id, office_id
       ON CONFLICT (case_id, office_id) DO NOTHING RETURNING office_id
     )
     SELECT office_id::text AS office_id FROM case_visibility WHERE case_id IN (SELECT case_id FROM scope)
     UNION SELECT office_id::text FROM added`,
    [JSON.stringify(scopes)],
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
