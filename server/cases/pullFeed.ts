/**
 * `GET /api/v1/sync/pull`: the office's feed of case events in commit order
 * (docs/sync-protocol.md "Case sync").
 *
 * Rows carry the id of the transaction that wrote them. A page holds only rows
 * whose transaction is older than the oldest one still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`): every such transaction has
 * ended, so no row can appear later below the cursor. Ordering by
 * (xid, seq) and moving the cursor to the last row returned therefore never
 * skips a row, even when a transaction that started first commits last.
 *
 * The feed has two kinds of rows: the events of cases the office reads, and
 * the office's visibility grants. A grant stands for the whole case up to it:
 * an office that comes to see a case later gets its earlier events, which its
 * cursor had already passed.
 *
 * A page ends only at the end of a transaction, so the events of one command
 * (one transaction) are never split across pages.
 *
 * A page takes up to five queries, all on one connection (one read-only
 * transaction at READ COMMITTED: each statement still sees what has committed
 * when it starts, as on their own). Each query taking its own connection from
 * the pool queued behind every push waiting for one: under load a regency
 * office's pull waited five times, fell behind the pushes and its sync lag grew
 * to seconds (docs/scaling.md "What the bench implies").
 */
import type { CaseEvent } from '../../core/engine';
import type { Office } from '../../core/sync/protocol';
import type { PulledEvent, PullResponse } from '../../core/sync/protocol';
import type { Db, Queryable } from '../db/db';
import { officeReadsCaseSql } from './caseVisibility';

export const PULL_LIMIT_MAX = 1000;

export interface FeedPosition {
  xid: string;
  seq: string;
}

const START: FeedPosition = { xid: '0', seq: '0' };
const CURSOR_FORMAT = /^([0-9]{1,20}):([0-9]{1,19})$/;

/** '' is the start; otherwise "xid:seq". Undefined when malformed. */
export function parseCursor(cursor: string): FeedPosition | undefined {
  if (cursor === '') return START;
  const match = CURSOR_FORMAT.exec(cursor);
  return match ? { xid: match[1]!, seq: match[2]! } : undefined;
}

export const formatCursor = (position: FeedPosition): string => (position.xid === '0' && position.seq === '0' ? '' : `${position.xid}:${position.seq}`);

interface FeedRow {
  kind: 'event' | 'grant';
  xid: string;
  seq: string;
  case_id: string;
  event: CaseEvent | null;
  sop_id: string;
  sop_revision: number;
}

/** The feed rows of office $1 (region $2) after ($3, $4) and below the horizon $5, with an extra condition. */
const FEED_SQL = (extra: string) => `
  SELECT * FROM (
    SELECT 'event' AS kind, e.xid::text AS xid, e.seq::text AS seq, e.xid AS xid_order, e.seq AS seq_order,
           e.case_id, e.event, c.sop_id, c.sop_revision
      FROM case_events e JOIN cases c ON c.id = e.case_id
     WHERE (e.xid, e.seq) > ($3::xid8, $4::bigint) AND e.xid < $5::xid8 AND ${officeReadsCaseSql('$1', '$2')}
    UNION ALL
    SELECT 'grant', v.xid::text, v.seq::text, v.xid, v.seq, v.case_id, NULL, c.sop_id, c.sop_revision
      FROM case_visibility v JOIN cases c ON c.id = v.case_id
     WHERE v.office_id = $1::uuid AND (v.xid, v.seq) > ($3::xid8, $4::bigint) AND v.xid < $5::xid8 AND ${officeReadsCaseSql('$1', '$2')}
  ) feed
  WHERE ${extra}
  ORDER BY xid_order, seq_order`;

export function pullFeed(db: Db, office: Office, after: FeedPosition, limit: number): Promise<PullResponse> {
  return db.transaction((tx) => readFeedPage(tx, office, after, limit));
}

async function readFeedPage(db: Queryable, office: Office, after: FeedPosition, limit: number): Promise<PullResponse> {
  // One horizon for the whole page: rows below it belong to ended transactions, whatever runs meanwhile.
  const horizon = (await db.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin')).rows[0]!.xmin;
  const base = [office.id, office.regionCode, after.xid, after.seq, horizon];
  const rows = (await db.query<FeedRow>(`${FEED_SQL('true')} LIMIT $6`, [...base, limit])).rows;
  let last = rows[rows.length - 1];
  if (last && rows.length === limit) {
    // Finish the transaction the page stopped in: never half a command.
    const rest = await db.query<FeedRow>(FEED_SQL('xid_order = $6::xid8 AND seq_order > $7::bigint'), [...base, last.xid, last.seq]);
    rows.push(...rest.rows);
    last = rows[rows.length - 1];
  }
  const cursor = last ? { xid: last.xid, seq: last.seq } : after;
  const more = last !== undefined && rows.length >= limit && (await db.query(`${FEED_SQL('true')} LIMIT 1`, [office.id, office.regionCode, cursor.xid, cursor.seq, horizon])).rowCount > 0;

  // The cases as they stood before each grant's transaction, all in one query; what that transaction and later
  // ones wrote follows in the feed. One case's transactions get increasing ids in the order they run
  // (sync_push_read, migration 0006), so "before" is exactly the earlier commands.
  const grants = rows.filter((row) => row.kind === 'grant');
  const earlier = new Map<string, CaseEvent[]>();
  if (grants.length > 0) {
    const { rows: found } = await db.query<{ grant_case: string; event: CaseEvent }>(
      `SELECT g.case_id AS grant_case, e.event
         FROM unnest($1::text[], $2::xid8[]) AS g(case_id, xid)
         JOIN case_events e ON e.case_id = g.case_id AND e.xid < g.xid
        ORDER BY g.case_id, e.revision, e.seq`,
      [grants.map((g) => g.case_id), grants.map((g) => g.xid)],
    );
    for (const { grant_case, event } of found) earlier.set(grant_case, [...(earlier.get(grant_case) ?? []), event]);
  }
  const events: PulledEvent[] = [];
  for (const row of rows) {
    const sop = { sopId: row.sop_id, revision: row.sop_revision };
    if (row.kind === 'event') events.push({ caseId: row.case_id, event: row.event!, sop });
    else for (const event of earlier.get(row.case_id) ?? []) events.push({ caseId: row.case_id, event, sop });
  }
  return { events, cursor: formatCursor(cursor), more };
}
