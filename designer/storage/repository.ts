import type { SopDocument } from '../../schemas/generated/sop.types';
import { draftRecordFor, summaryFieldsOf, type DesignerDatabase } from './db';
import { documentFromJson, documentToJson } from './documentJson';
import { StorageError, toStorageError } from './errors';
import { withReopen } from '../../ui/durability/storageFailure';
import type { PublicationTarget } from './publication';
import type { LocalizedText } from '../../core/validation';
import { queuedForServer, type ServerPublicationStatus } from '../../core/sync';
import {
  STORAGE_SCHEMA_VERSION,
  type DraftRecord,
  type DraftSummary,
  type RevisionRecord,
  type ServerPublicationRecord,
  type SessionRecord,
} from './records';

export interface LoadedDraft {
  doc: SopDocument;
  summary: DraftSummary;
}

export type SaveResult =
  | { status: 'saved'; summary: DraftSummary; /** Set when the revision is saved but did not reach the catalogue yet (retried on the next start). */ handOverFailed?: LocalizedText }
  /** Another tab saved this SOP after we loaded it; nothing was written. */
  | { status: 'conflict'; current: DraftSummary };

export interface PublishedRevisionInput {
  /** The document as frozen (revision number and status already set by publishRevision). */
  doc: SopDocument;
  number: number;
  note: string;
  publishedAt: string;
}

/** A deleted SOP stays restorable this long, then it is purged on the next start. */
export const DELETED_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

function summaryOf(record: DraftRecord): DraftSummary {
  const { id, title, number, government, office, unit, status, revisionNumber, createdAt, updatedAt, saveCount } = record;
  return { id, title, number, government, office, unit, status, revisionNumber, createdAt, updatedAt, saveCount };
}

function refuseNewer(record: { schemaVersion: number }): void {
  if (record.schemaVersion > STORAGE_SCHEMA_VERSION) {
    throw new StorageError('newer-format', {
      id: 'Data ini disimpan oleh versi SOP Studio yang lebih baru. Buka dengan versi terbaru; data tidak diubah.',
      en: 'This data was saved by a newer version of SOP Studio. Open it with the latest version; nothing was changed.',
    });
  }
}

/**
 * Everything the designer reads from and writes to IndexedDB. Every write
 * either fully happens or leaves the previous state untouched (one Dexie
 * transaction each), and failures come back as StorageError with a message
 * for the drafter.
 */
export class SopRepository {
  constructor(
    readonly db: DesignerDatabase,
    private readonly now: () => Date = () => new Date(),
    /** Where published revisions go for the runtime (the device catalogue); none in isolated tests. */
    private readonly publication?: PublicationTarget,
  ) {}

  /**
   * Every read and write goes through here: a database the browser (or a
   * failure) closed is reopened, so the library keeps working without a
   * reload, and any failure becomes a StorageError the drafter can read.
   */
  private async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await withReopen(this.db, run);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async listDrafts(): Promise<DraftSummary[]> {
    const records = await this.write(() => this.db.drafts.orderBy('updatedAt').reverse().toArray());
    // Newest first; SOPs saved in the same instant (the seeded samples) by title.
    return records
      .filter((r) => r.deletedAt === undefined)
      .map(summaryOf)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title, 'id'));
  }

  async loadDraft(id: string): Promise<LoadedDraft | undefined> {
    const record = await this.write(() => this.db.drafts.get(id));
    if (!record || record.deletedAt !== undefined) return undefined;
    refuseNewer(record);
    return { doc: documentFromJson(record.json), summary: summaryOf(record) };
  }

  /** True when the stored draft of `id` is exactly this JSON text. */
  async holdsJson(id: string, json: string): Promise<boolean> {
    const record = await this.write(() => this.db.drafts.get(id));
    return record !== undefined && record.deletedAt === undefined && record.json === json;
  }

  /** True when a live (not deleted) SOP has this id. */
  async exists(id: string): Promise<boolean> {
    const record = await this.write(() => this.db.drafts.get(id));
    return record !== undefined && record.deletedAt === undefined;
  }

  /** Whether an SOP with this id is in the library, deleted but still restorable, or absent. */
  async draftState(id: string): Promise<'live' | 'deleted' | 'absent'> {
    const record = await this.write(() => this.db.drafts.get(id));
    if (!record) return 'absent';
    return record.deletedAt === undefined ? 'live' : 'deleted';
  }

  /** `base`, or `base-2`, `base-3`… : the first id no SOP (live or restorable) uses. */
  async uniqueId(base: string): Promise<string> {
    const taken = new Set(await this.write(() => this.db.drafts.toCollection().primaryKeys()));
    const stem = base.slice(0, 120) || 'sop';
    if (!taken.has(stem)) return stem;
    for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
  }

  /**
   * Stores a new SOP. Refuses (StorageError 'exists') when a live SOP has the
   * same id, so nothing is ever overwritten without the drafter being asked;
   * pass `{ replace: true }` once they have agreed. A deleted SOP with that id
   * is purged first, with its revisions.
   */
  async createDraft(doc: SopDocument, options: { replace?: boolean } = {}): Promise<DraftSummary> {
    const json = documentToJson(doc);
    return this.write(() =>
      this.db.transaction('rw', this.db.drafts, this.db.revisions, async () => {
        const existing = await this.db.drafts.get(doc.id);
        if (existing && existing.deletedAt === undefined && !options.replace) {
          throw new StorageError('exists', {
            id: `Sudah ada SOP dengan id "${doc.id}" (${existing.title}).`,
            en: `An SOP with id "${doc.id}" already exists (${existing.title}).`,
          });
        }
        if (existing) refuseNewer(existing);
        const at = this.now().toISOString();
        if (existing?.deletedAt !== undefined) await this.db.revisions.where('sopId').equals(doc.id).delete();
        const record: DraftRecord =
          existing && existing.deletedAt === undefined
            ? { ...draftRecordFor(doc, json, at), createdAt: existing.createdAt, saveCount: existing.saveCount + 1 }
            : draftRecordFor(doc, json, at);
        await this.db.drafts.put(record);
        return summaryOf(record);
      }),
    );
  }

  /**
   * Saves the draft if nobody else saved it since `expectedSaveCount` (the
   * count this tab loaded or last wrote). Pass `null` to overwrite whatever is
   * there, after the drafter chose to keep their version.
   */
  async saveDraft(doc: SopDocument, expectedSaveCount: number | null): Promise<SaveResult> {
    const json = documentToJson(doc);
    return this.write(() =>
      this.db.transaction('rw', this.db.drafts, async (): Promise<SaveResult> => {
        const existing = await this.db.drafts.get(doc.id);
        if (!existing || existing.deletedAt !== undefined) {
          throw new StorageError('not-found', {
            id: 'SOP ini sudah dihapus di tab lain; perubahan tidak disimpan.',
            en: 'This SOP was deleted in another tab; the change was not saved.',
          });
        }
        refuseNewer(existing);
        if (expectedSaveCount !== null && existing.saveCount !== expectedSaveCount) {
          return { status: 'conflict', current: summaryOf(existing) };
        }
        if (existing.json === json) return { status: 'saved', summary: summaryOf(existing) };
        const record: DraftRecord = {
          ...existing,
          ...summaryFieldsOf(doc),
          schemaVersion: STORAGE_SCHEMA_VERSION,
          updatedAt: this.now().toISOString(),
          saveCount: existing.saveCount + 1,
          json,
        };
        await this.db.drafts.put(record);
        return { status: 'saved', summary: summaryOf(record) };
      }),
    );
  }

  /** Marks an SOP deleted; `restoreDraft` brings it back (the library's undo). */
  async deleteDraft(id: string): Promise<void> {
    await this.write(() => this.db.drafts.update(id, { deletedAt: this.now().toISOString() }));
  }

  async restoreDraft(id: string): Promise<void> {
    await this.write(async () => {
      const record = await this.db.drafts.get(id);
      if (!record) return;
      const { deletedAt: _deleted, ...rest } = record;
      await this.db.drafts.put(rest);
    });
  }

  /** Removes SOPs deleted longer ago than the retention period, with their revisions. */
  async purgeDeleted(retentionMs = DELETED_RETENTION_MS): Promise<number> {
    const cutoff = new Date(this.now().getTime() - retentionMs).toISOString();
    return this.write(() =>
      this.db.transaction('rw', this.db.drafts, this.db.revisions, async () => {
        const expired = await this.db.drafts.where('deletedAt').below(cutoff).primaryKeys();
        for (const id of expired) await this.db.revisions.where('sopId').equals(id).delete();
        await this.db.drafts.bulkDelete(expired);
        return expired.length;
      }),
    );
  }

  async listRevisions(sopId: string): Promise<Omit<RevisionRecord, 'json'>[]> {
    const records = await this.write(() => this.db.revisions.where('sopId').equals(sopId).sortBy('number'));
    return records.map(({ json: _json, ...rest }) => rest);
  }

  async loadRevision(sopId: string, number: number): Promise<SopDocument | undefined> {
    const record = await this.write(() => this.db.revisions.get([sopId, number]));
    if (!record) return undefined;
    refuseNewer(record);
    return documentFromJson(record.json);
  }

  /**
   * Freezes a revision and saves the draft that continues after it, in one
   * transaction: either both are written or neither. An existing revision is
   * never overwritten (revisions are immutable).
   */
  async publish(
    revision: PublishedRevisionInput,
    draft: SopDocument,
    expectedSaveCount: number | null,
    /** Queue it for the server in the same transaction (a publisher is signed in), so it is sent even after a crash. */
    options: { queueForServer?: boolean } = {},
  ): Promise<SaveResult> {
    const frozenJson = documentToJson(revision.doc);
    const draftJson = documentToJson(draft);
    const result = await this.write(() =>
      this.db.transaction('rw', this.db.drafts, this.db.revisions, this.db.serverPublications, async (): Promise<SaveResult> => {
        const existing = await this.db.drafts.get(draft.id);
        if (!existing || existing.deletedAt !== undefined) {
          throw new StorageError('not-found', {
            id: 'SOP ini sudah dihapus; revisi tidak diterbitkan.',
            en: 'This SOP was deleted; the revision was not published.',
          });
        }
        if (expectedSaveCount !== null && existing.saveCount !== expectedSaveCount) {
          return { status: 'conflict', current: summaryOf(existing) };
        }
        if (await this.db.revisions.get([draft.id, revision.number])) {
          throw new StorageError('exists', {
            id: `Revisi ${revision.number} sudah diterbitkan dan tidak dapat diubah.`,
            en: `Revision ${revision.number} is already published and cannot be changed.`,
          });
        }
        await this.db.revisions.add({
          sopId: draft.id,
          number: revision.number,
          schemaVersion: STORAGE_SCHEMA_VERSION,
          publishedAt: revision.publishedAt,
          note: revision.note,
          title: revision.doc.identity.title ?? '',
          json: frozenJson,
        });
        if (options.queueForServer) await this.db.serverPublications.put(this.serverRecord(draft.id, revision.number, queuedForServer(this.now().toISOString())));
        const record: DraftRecord = {
          ...existing,
          ...summaryFieldsOf(draft),
          schemaVersion: STORAGE_SCHEMA_VERSION,
          updatedAt: this.now().toISOString(),
          saveCount: existing.saveCount + 1,
          json: draftJson,
        };
        await this.db.drafts.put(record);
        return { status: 'saved', summary: summaryOf(record) };
      }),
    );
    if (result.status !== 'saved') return result;
    const handOverFailed = await this.handOver(() => this.publication?.publish(revision.doc));
    return handOverFailed ? { ...result, handOverFailed } : result;
  }

  /**
   * Archives a published revision (no new case starts on it; cases running on
   * it go on), or with `null` offers it again. The record stays: revisions are
   * never deleted.
   */
  async setRevisionArchived(sopId: string, number: number, archivedAt: string | null): Promise<LocalizedText | undefined> {
    await this.write(() =>
      this.db.transaction('rw', this.db.revisions, async () => {
        const record = await this.db.revisions.get([sopId, number]);
        if (!record) {
          throw new StorageError('not-found', {
            id: `Revisi ${number} tidak ditemukan.`,
            en: `Revision ${number} was not found.`,
          });
        }
        const { archivedAt: _was, ...rest } = record;
        await this.db.revisions.put(archivedAt === null ? rest : { ...rest, archivedAt });
      }),
    );
    return this.handOver(() => this.publication?.setArchived(sopId, number, archivedAt));
  }

  /**
   * Brings the catalogue up to date with every revision this designer
   * published or archived: a hand-over that failed before (full disk, closed
   * tab) happens now. Returns how many revisions it could not hand over.
   */
  async syncPublications(): Promise<number> {
    if (!this.publication) return 0;
    let failed = 0;
    for (const record of await this.write(() => this.db.revisions.toArray())) {
      if (record.schemaVersion > STORAGE_SCHEMA_VERSION) continue;
      const doc = documentFromJson(record.json);
      const problem =
        (await this.handOver(() => this.publication!.publish(doc))) ??
        (await this.handOver(() => this.publication!.setArchived(record.sopId, record.number, record.archivedAt ?? null)));
      if (problem) failed++;
    }
    return failed;
  }

  /** Where each published revision of this SOP stands with the server (none: never queued). */
  async serverPublications(sopId: string): Promise<ServerPublicationRecord[]> {
    return this.write(() => this.db.serverPublications.where('sopId').equals(sopId).toArray());
  }

  async serverPublication(sopId: string, number: number): Promise<ServerPublicationRecord | undefined> {
    return this.write(() => this.db.serverPublications.get([sopId, number]));
  }

  /** Revisions still to be sent, of every SOP (the sender's work list). */
  async pendingServerPublications(): Promise<ServerPublicationRecord[]> {
    return this.write(() => this.db.serverPublications.where('state').equals('pending').toArray());
  }

  /**
   * Queues a revision published earlier (before signing in, or before there
   * was a server) for the server. Does nothing to one already queued, sent or
   * refused: a refusal is final, and a second row would send it twice.
   */
  async queueForServer(sopId: string, number: number): Promise<ServerPublicationRecord> {
    return this.write(() =>
      this.db.transaction('rw', this.db.revisions, this.db.serverPublications, async () => {
        const held = await this.db.serverPublications.get([sopId, number]);
        if (held) return held;
        if (!(await this.db.revisions.get([sopId, number]))) {
          throw new StorageError('not-found', { id: `Revisi ${number} tidak ditemukan.`, en: `Revision ${number} was not found.` });
        }
        const record = this.serverRecord(sopId, number, queuedForServer(this.now().toISOString()));
        await this.db.serverPublications.put(record);
        return record;
      }),
    );
  }

  /** Stores the server's answer for a queued revision (what the answer means is core/sync serverPublication). */
  async recordServerStatus(sopId: string, number: number, status: ServerPublicationStatus): Promise<void> {
    await this.write(() => this.db.serverPublications.put(this.serverRecord(sopId, number, status)));
  }

  private serverRecord(sopId: string, number: number, status: ServerPublicationStatus): ServerPublicationRecord {
    return { ...status, sopId, number, schemaVersion: STORAGE_SCHEMA_VERSION };
  }

  private async handOver(run: () => Promise<void> | undefined): Promise<LocalizedText | undefined> {
    try {
      await run();
      return undefined;
    } catch (error) {
      const reason = (error as { localized?: LocalizedText }).localized ?? { id: String(error), en: String(error) };
      return {
        id: `Revisi tersimpan di Perancang, tetapi belum sampai ke katalog Pelaksana di perangkat ini: ${reason.id} Akan dicoba lagi saat Perancang dibuka.`,
        en: `The revision is saved in the Designer but has not reached the Runtime catalogue on this device yet: ${reason.en} It will be retried when the Designer opens.`,
      };
    }
  }

  async loadSession(): Promise<SessionRecord | undefined> {
    const record = await this.write(() => this.db.session.get('current'));
    if (!record || record.schemaVersion > STORAGE_SCHEMA_VERSION) return undefined;
    return record;
  }

  async saveSession(session: Omit<SessionRecord, 'key' | 'schemaVersion' | 'updatedAt'>): Promise<void> {
    await this.write(() =>
      this.db.session.put({
        ...session,
        key: 'current',
        schemaVersion: STORAGE_SCHEMA_VERSION,
        updatedAt: this.now().toISOString(),
      }),
    );
  }
}
