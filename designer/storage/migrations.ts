/**
 * The designer database's versions. Each entry is one Dexie version: its
 * table layout and, from version 2 on, the upgrade that rewrites records
 * written by the version before. Records are also stamped with the version
 * that wrote them (`schemaVersion`), which lets a test check that every
 * migration ran and lets an older build notice data it does not understand.
 *
 * To change the storage format: add an entry here with the next version,
 * bump STORAGE_SCHEMA_VERSION, and add one test for the new upgrade in
 * migrations.browser.test.ts.
 */
import type { Transaction } from 'dexie';
import { migrateSop } from '../../core/migrations';
import { agencyFieldsOf } from './agencyFields';
import { STORAGE_SCHEMA_VERSION, type DraftRecord } from './records';

export interface StorageVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Rewrites the records of the previous version; runs inside the version-change transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const storageVersions: readonly StorageVersion[] = [
  {
    version: 1,
    stores: {
      // Drafts by SOP id; indexes for the library's sort and for purging deleted SOPs.
      drafts: 'id, updatedAt, deletedAt',
      // Published revisions, frozen: one per (SOP, number).
      revisions: '[sopId+number], sopId',
      // The open SOP, flow and view.
      session: 'key',
      // Small facts about the database itself (when it was seeded).
      meta: 'key',
    },
  },
  {
    // Drafts carry their agency (government, office, unit) for the library list,
    // which never parses a draft's JSON.
    version: 2,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table<DraftRecord>('drafts')
        .toCollection()
        .modify((record) => {
          let doc: unknown;
          try {
            doc = JSON.parse(record.json);
          } catch {
            doc = null; // Unreadable JSON is reported when the draft is opened; the list just shows no agency.
          }
          Object.assign(record, agencyFieldsOf(doc), { schemaVersion: 2 });
        });
    },
  },
  {
    // Published revisions on their way to the server (issue 10): one row per revision sent or to send.
    // A new table only; no record of version 2 changes.
    version: 3,
    stores: { serverPublications: '[sopId+number], sopId, state' },
  },
  {
    // SOP schema v2 (docs/schema-v2.md): every draft is migrated to it (core/migrations). Published
    // revisions are left byte for byte as published: cases and the catalogue hold their content hashes,
    // and readers migrate them in memory. A draft that cannot be read stays as it was (its problem is
    // reported when it is opened); the save count is kept, since the content means the same.
    version: 4,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table<DraftRecord>('drafts')
        .toCollection()
        .modify((record) => {
          let doc: unknown;
          try {
            doc = JSON.parse(record.json);
          } catch {
            doc = undefined;
          }
          const migrated = doc === undefined ? undefined : migrateSop(doc);
          if (migrated?.ok && migrated.steps.length > 0) record.json = JSON.stringify(migrated.document);
          record.schemaVersion = 4;
        });
    },
  },
];

export const LATEST_STORAGE_VERSION = storageVersions[storageVersions.length - 1]!.version;

if (LATEST_STORAGE_VERSION !== STORAGE_SCHEMA_VERSION) {
  throw new Error('designer/storage: STORAGE_SCHEMA_VERSION must equal the last entry of storageVersions');
}
