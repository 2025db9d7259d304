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
 * Locks the cases a push names and reads what deciding needs, in one call (migration 0006, sync_push_read): the
 * command ids already taken, with their case; the named cases, locked; the other cases those ids were taken on.
 * The locks serialise every command on one case and are taken before the transaction writes anything, so one
 * case's transactions get increasing ids in the order they run (the pull feed relies on it).
 */
export async function readForPush(tx: Queryable, caseIds: readonly string[], commandIds: readonly string[]): Promise<{ known: Map<string, string>; cases: Map<string, StoredCase> }> {
  const { rows } = await tx.query<{ read: { known: Record<string, string>; cases: CaseRow[] } }>('SELECT sync_push_read($1::text[], $2::text[], $3) AS read', [caseIds, commandIds, CASE_LOCK_SEED]);
  const { known, cases } = rows[0]!.read;
  return { known: new Map(Object.entries(known)), cases: new Map(cases.map((row) => [row.id, caseOf(row)])) };
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

/** Who gave a command: each command of a grouped write names its own (a group mixes users and offices). */
export interface CommandAuthor {
  userId: string;
  officeId: string;
  deviceId: string;
}

export interface PushWrite {
  cases: readonly CaseWrite[];
  commands: readonly { commandId: string; caseId: string; events: readonly CaseEvent[]; files: readonly string[]; by: CommandAuthor }[];
  recordedAt: Date;
}

/**
 * Writes decided commands in one call (migration 0008, sync_push_write): the cases, the grants of offices that come
 * to see them, the command ids and events in command order, the files they refer to; NOTIFYs `channel` for the
 * offices granted any of the cases (on commit). Returns those offices.
 */
export async function writePush(tx: Queryable, write: PushWrite, channel: string): Promise<string[]> {
  const batch = {
    cases: write.cases.map((w) => ({
      id: w.id,
      sop_id: w.sopId,
      sop_revision: w.sopRevision,
      sop_content_hash: w.sopContentHash,
      region_code: w.regionCode,
      regions: coveringRegionCodes(w.regionCode),
      holders: w.holderOfficeIds,
      path_actors: w.pathActors,
      revision: w.state.revision,
      state: w.state,
    })),
    commands: write.commands.map((c) => ({ commandId: c.commandId, caseId: c.caseId, userId: c.by.userId, deviceId: c.by.deviceId })),
    events: write.commands.flatMap((c) => c.events.map((event) => ({ caseId: c.caseId, commandId: c.commandId, event, userId: c.by.userId, officeId: c.by.officeId }))),
    files: write.commands.flatMap((c) => c.files.map((sha256) => ({ caseId: c.caseId, sha256 }))),
    recordedAt: write.recordedAt.toISOString(),
  };
  const { rows } = await tx.query<{ told: string[] }>('SELECT sync_push_write($1::jsonb, $2) AS told', [JSON.stringify(batch), channel]);
  return rows[0]!.told;
}

export async function eventsOfCommand(db: Queryable, commandId: string): Promise<CaseEvent[]> {
  const { rows } = await db.query<{ event: CaseEvent }>('SELECT event FROM case_events WHERE command_id = $1 ORDER BY seq', [commandId]);
  return rows.map((r) => r.event);
}

export async function eventsAfterRevision(db: Queryable, caseId: string, revision: number): Promise<CaseEvent[]> {
  const { rows } = await db.query<{ event: CaseEvent }>('SELECT event FROM case_events WHERE case_id = $1 AND revision > $2 ORDER BY revision, seq', [caseId, revision]);
  return rows.map((r) => r.event);
}

/** Every region code that covers `code`: "35.10.01" → ["35", "35.10", "35.10.01"] (an index lookup, not a scan). */
export function coveringRegionCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Whether the office reads at least one case running on this revision (it may then read the revision). */
export async function officeReadsCaseOn(db: Queryable, office: { id: string; regionCode: string }, sopId: string, revision: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM cases c WHERE c.sop_id = $3 AND c.sop_revision = $4 AND ${officeReadsCaseSql('$1', '$2')} LIMIT 1`,
    [office.id, office.regionCode, sopId, revision],
  );
  return rowCount > 0;
}
