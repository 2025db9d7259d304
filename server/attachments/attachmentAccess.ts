/**
 * Who may read an attachment: the user who uploaded it (before
 * any case refers to it, the clerk's device must be able to fetch it back),
 * or an office that may read a case referring to it.
 */
import type { Office } from '../../core/sync/protocol';
import type { Queryable } from '../db/db';
import { officeReadsCaseSql } from '../cases/caseVisibility';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export async function recordUpload(db: Queryable, sha256: string, userId: string, now: Date): Promise<void> {
  await db.query('INSERT INTO attachment_uploads (sha256, user_id, uploaded_at) VALUES ($1, $2, $3) ON CONFLICT (sha256, user_id) DO NOTHING', [sha256, userId, now]);
}

/** Files a user may refer to and read: uploaded by them, or on a case their office reads. */
export async function filesUserMayUse(db: Queryable, who: { userId: string; office: Office }, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const { rows } = await db.query<{ sha256: string }>(
    `SELECT h AS sha256 FROM unnest($1::text[]) AS h
      WHERE EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = h)
        AND (EXISTS (SELECT 1 FROM attachment_uploads u WHERE u.sha256 = h AND u.user_id = $4::uuid)
             OR EXISTS (SELECT 1 FROM case_attachments ca JOIN cases c ON c.id = ca.case_id WHERE ca.sha256 = h AND ${officeReadsCaseSql('$2', '$3')}))`,
    [[...new Set(hashes)], who.office.id, who.office.regionCode, who.userId],
  );
  return new Set(rows.map((r) => r.sha256));
}

export async function userMayReadFile(db: Queryable, who: { userId: string; office: Office }, sha256: string): Promise<boolean> {
  return (await filesUserMayUse(db, who, [sha256])).has(sha256);
}
