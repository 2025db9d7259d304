/**
 * Published SOP revisions as parsed documents, for re-running the engine on
 * pushed commands. Revisions never change once published (a trigger refuses
 * it), so a parsed document can be kept for the life of the process. Each is
 * read in the current schema version (core/migrations), whatever it was published in.
 */
import { upgradeStoredSop } from '../../core/migrations';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { Queryable } from '../db/db';
import { findRevision } from '../publication/revisionsRepo';

export interface PublishedSop {
  document: SopDocument;
  contentHash: string;
}

const MAX_CACHED = 200;

export class SopDocuments {
  private readonly cache = new Map<string, PublishedSop>();

  async get(db: Queryable, sopId: string, revision: number): Promise<PublishedSop | undefined> {
    const key = `${sopId}@${revision}`;
    const held = this.cache.get(key);
    if (held) return held;
    const stored = await findRevision(db, sopId, revision);
    if (!stored) return undefined;
    // The stored text is the canonical JSON whose SHA-256 is the hash: the engine need not hash it again per start.
    // A revision published in an earlier schema version is stored as published and run migrated.
    const document = upgradeStoredSop(JSON.parse(stored.documentText), stored.contentHash);
    if (!document) return undefined;
    const published: PublishedSop = { document, contentHash: stored.contentHash };
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, published);
    return published;
  }
}
