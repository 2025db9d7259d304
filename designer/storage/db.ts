import Dexie, { type EntityTable, type Table } from 'dexie';
import { loadSamples } from '../../samples';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { agencyFieldsOf } from './agencyFields';
import { documentToJson } from './documentJson';
import { storageVersions, type StorageVersion } from './migrations';
import {
  DESIGNER_DB_NAME,
  STORAGE_SCHEMA_VERSION,
  type DraftRecord,
  type RevisionRecord,
  type ServerPublicationRecord,
  type SessionRecord,
} from './records';

export interface MetaRecord {
  key: string;
  value: string;
}

export type DesignerDatabase = Dexie & {
  drafts: EntityTable<DraftRecord, 'id'>;
  revisions: Table<RevisionRecord, [string, number]>;
  session: EntityTable<SessionRecord, 'key'>;
  meta: EntityTable<MetaRecord, 'key'>;
  serverPublications: Table<ServerPublicationRecord, [string, number]>;
};

export interface OpenDesignerDbOptions {
  name?: string;
  /** Documents put in a freshly created database; defaults to the bundled samples. */
  seed?: () => readonly SopDocument[];
  /** The versions to declare; tests pass a prefix to build an old database. */
  versions?: readonly StorageVersion[];
  /** The clock, for tests. */
  now?: () => Date;
}

/**
 * Opens (creating and seeding on first run) the designer's database. Seeding
 * happens in Dexie's `populate` event, i.e. exactly once, when the database
 * is created, inside the creating transaction: a reload never re-seeds, and
 * samples the drafter deleted stay deleted.
 */
export function openDesignerDb(options: OpenDesignerDbOptions = {}): DesignerDatabase {
  const db = new Dexie(options.name ?? DESIGNER_DB_NAME) as DesignerDatabase;
  for (const entry of options.versions ?? storageVersions) {
    const version = db.version(entry.version).stores(entry.stores);
    if (entry.upgrade) version.upgrade(entry.upgrade);
  }
  const now = options.now ?? (() => new Date());
  const seed = options.seed ?? loadSamples;
  db.on('populate', (tx) => {
    const at = now().toISOString();
    for (const doc of seed()) {
      const json = documentToJson(doc);
      void tx.table('drafts').add(draftRecordFor(doc, json, at));
      if (doc.revision.status === 'published' && doc.revision.number > 0) {
        const revision: RevisionRecord = {
          sopId: doc.id,
          number: doc.revision.number,
          schemaVersion: STORAGE_SCHEMA_VERSION,
          publishedAt: doc.revision.publishedAt ?? at,
          note: '',
          title: doc.identity.title ?? '',
          json,
        };
        void tx.table('revisions').add(revision);
      }
    }
    void tx.table('meta').put({ key: 'seededAt', value: at } satisfies MetaRecord);
  });
  return db;
}

/** The library fields of a draft, taken from its document. */
export function summaryFieldsOf(
  doc: SopDocument,
): Pick<DraftRecord, 'title' | 'number' | 'government' | 'office' | 'unit' | 'status' | 'revisionNumber'> {
  return {
    title: doc.identity?.title ?? '',
    number: doc.identity?.number ?? '',
    ...agencyFieldsOf(doc),
    status: doc.revision?.status ?? 'draft',
    revisionNumber: doc.revision?.number ?? 0,
  };
}

export function draftRecordFor(doc: SopDocument, json: string, at: string): DraftRecord {
  return {
    id: doc.id,
    schemaVersion: STORAGE_SCHEMA_VERSION,
    ...summaryFieldsOf(doc),
    createdAt: at,
    updatedAt: at,
    saveCount: 1,
    json,
  };
}
