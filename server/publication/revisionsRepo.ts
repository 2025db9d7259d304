/** SQL for published SOP revisions (migration 0003): insert-only; the table refuses updates and deletes. */
import type { CatalogueEntry, PublishedRevision } from '../../core/sync/protocol';
import type { Queryable } from '../db/db';

export interface StoredRevision extends PublishedRevision {
  /** The canonical JSON text whose SHA-256 is `contentHash`. */
  documentText: string;
}

interface RevisionRow {
  sop_id: string;
  revision: number;
  content_hash: string;
  title: string;
  published_at: Date;
}

const publishedOf = (row: RevisionRow): PublishedRevision => ({
  sopId: row.sop_id,
  revision: row.revision,
  contentHash: row.content_hash,
  title: row.title,
  publishedAt: row.published_at.toISOString(),
});

/** Inserts the revision unless that number exists; returns what is stored under that number either way. */
export async function insertRevisionOnce(
  db: Queryable,
  revision: StoredRevision & { publishedBy: string },
): Promise<{ inserted: boolean; stored: PublishedRevision }> {
  const inserted = await db.query<RevisionRow>(
    `INSERT INTO sop_revisions (sop_id, revision, content_hash, title, document, published_by, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (sop_id, revision) DO NOTHING
     RETURNING sop_id, revision, content_hash, title, published_at`,
    [revision.sopId, revision.revision, revision.contentHash, revision.title, revision.documentText, revision.publishedBy, new Date(revision.publishedAt)],
  );
  if (inserted.rows[0]) return { inserted: true, stored: publishedOf(inserted.rows[0]) };
  const { documentText: _text, ...existing } = (await findRevision(db, revision.sopId, revision.revision))!;
  return { inserted: false, stored: existing };
}

export async function findRevision(db: Queryable, sopId: string, revision: number): Promise<StoredRevision | undefined> {
  const { rows } = await db.query<RevisionRow & { document: string }>(
    'SELECT sop_id, revision, content_hash, title, published_at, document FROM sop_revisions WHERE sop_id = $1 AND revision = $2',
    [sopId, revision],
  );
  return rows[0] && { ...publishedOf(rows[0]), documentText: rows[0].document };
}

/** The latest revision of every SOP in which the office has a lane, with the office's lanes in it. */
export async function catalogueForOffice(db: Queryable, officeId: string): Promise<CatalogueEntry[]> {
  const { rows } = await db.query<RevisionRow & { lanes: string[] }>(
    `SELECT DISTINCT ON (r.sop_id) r.sop_id, r.revision, r.content_hash, r.title, r.published_at,
            (SELECT array_agg(l.actor_id ORDER BY l.actor_id) FROM office_lanes l WHERE l.office_id = $1 AND l.sop_id = r.sop_id) AS lanes
       FROM sop_revisions r
      WHERE r.sop_id IN (SELECT sop_id FROM office_lanes WHERE office_id = $1)
      ORDER BY r.sop_id, r.revision DESC`,
    [officeId],
  );
  return rows.map((row) => ({ ...publishedOf(row), lanes: row.lanes }));
}

export async function officeHasLaneIn(db: Queryable, officeId: string, sopId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM office_lanes WHERE office_id = $1 AND sop_id = $2 LIMIT 1', [officeId, sopId])).rowCount > 0;
}
