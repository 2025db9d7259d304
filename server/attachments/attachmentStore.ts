/**
 * Where attachment bytes live, by SHA-256. PostgreSQL (bytea) now; an object
 * store (S3-compatible) later only needs another implementation of this
 * interface. Who may read a file is not the store's business
 * (attachmentAccess.ts decides it from the cases that refer to it).
 */
import type { Queryable } from '../db/db';

export interface StoredAttachment {
  bytes: Buffer;
  contentType: string;
  size: number;
}

export interface AttachmentStore {
  /** Stores the bytes unless held; `created` says whether they were new. The caller has checked the hash. */
  put(sha256: string, bytes: Buffer, contentType: string, now: Date): Promise<{ created: boolean }>;
  get(sha256: string): Promise<StoredAttachment | undefined>;
  has(sha256: string): Promise<boolean>;
}

export function postgresAttachmentStore(db: Queryable): AttachmentStore {
  return {
    async put(sha256, bytes, contentType, now) {
      const inserted = await db.query(
        `INSERT INTO attachments (sha256, bytes, content_type, size, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING`,
        [sha256, bytes, contentType, bytes.length, now],
      );
      return { created: inserted.rowCount > 0 };
    },
    async get(sha256) {
      const { rows } = await db.query<{ bytes: Uint8Array; content_type: string; size: number }>(
        'SELECT bytes, content_type, size FROM attachments WHERE sha256 = $1',
        [sha256],
      );
      const row = rows[0];
      // pg gives a Buffer, PGlite a Uint8Array: one shape for callers.
      return row && { bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength), contentType: row.content_type, size: row.size };
    },
    async has(sha256) {
      return (await db.query('SELECT 1 FROM attachments WHERE sha256 = $1', [sha256])).rowCount > 0;
    },
  };
}
