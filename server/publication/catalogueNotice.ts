/**
 * Tells the offices with a lane in an SOP that a revision of it was published,
 * so a clerk already signed in sees it within seconds rather than at the
 * runtime's next catalogue poll. Sent on the case channel (one LISTEN
 * connection per server process carries both), told apart by `kind`.
 */
import type { Queryable } from '../db/db';
import { CASE_CHANNEL } from '../cases/pushCommands';

export interface CatalogueChangeNotice {
  kind: 'catalogue';
  officeIds: string[];
  /** Absent when the office's lanes changed: every SOP of its catalogue may have come or gone. */
  sopId?: string;
  revision?: number;
}

// NOTIFY carries at most 8000 bytes: offices go out in chunks well under it (as case notices do).
const OFFICES_PER_NOTICE = 100;

/**
 * Must run in the transaction that stored the revision: PostgreSQL delivers a NOTIFY only when its transaction
 * commits, so no office hears of a revision it could not read yet, and a rolled-back publication tells no one.
 */
export async function notifyCataloguePublished(tx: Queryable, sopId: string, revision: number): Promise<void> {
  const { rows } = await tx.query<{ office_id: string }>('SELECT DISTINCT office_id FROM office_lanes WHERE sop_id = $1 ORDER BY office_id', [sopId]);
  const officeIds = rows.map((row) => row.office_id);
  for (let i = 0; i < officeIds.length; i += OFFICES_PER_NOTICE) {
    const notice: CatalogueChangeNotice = { kind: 'catalogue', officeIds: officeIds.slice(i, i + OFFICES_PER_NOTICE), sopId, revision };
    await tx.query('SELECT pg_notify($1, $2)', [CASE_CHANNEL, JSON.stringify(notice)]);
  }
}

/**
 * Tells an office's open streams that its lanes changed (an admin added or took away lanes, or a user's
 * positions): the catalogue, which cases it reads and whom a clerk may act as all follow from them, so its
 * devices read their catalogue again and run a sync round, which also refreshes the signed-in user.
 * Same rule as above: in the transaction that made the change.
 */
export async function notifyOfficeLanesChanged(tx: Queryable, officeId: string): Promise<void> {
  const catalogue: CatalogueChangeNotice = { kind: 'catalogue', officeIds: [officeId] };
  await tx.query('SELECT pg_notify($1, $2), pg_notify($1, $3)', [CASE_CHANNEL, JSON.stringify(catalogue), JSON.stringify({ officeIds: [officeId], cursor: null })]);
}
