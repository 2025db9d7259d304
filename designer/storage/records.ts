/**
 * What the designer keeps in IndexedDB. Every record carries `schemaVersion`
 * (the storage format it was written in) so a newer build can migrate it and
 * an older build can refuse to overwrite what it does not understand.
 *
 * Documents are stored as JSON text, not as structured-clone objects: a record
 * can then never hold something that is not valid JSON (undefined, NaN, a Date),
 * and what is exported is byte-for-byte what was saved.
 */
import type { ServerPublicationStatus } from '../../core/sync';
import type { Revision } from '../../schemas/generated/sop.types';

/** Version of the record format below. Bump it with a migration in migrations.ts. */
export const STORAGE_SCHEMA_VERSION = 4;

/** The IndexedDB database of the designer (the runtime keeps its own). */
export const DESIGNER_DB_NAME = 'sop-studio-designer';

export type RevisionStatus = Revision['status'];

/** A draft: the SOP as the drafter is editing it. One per SOP id. */
export interface DraftRecord {
  id: string;
  schemaVersion: number;
  /** Copied from the document for the library list, which never parses `json`. */
  title: string;
  number: string;
  /**
   * The agency (identity.government / office / unit), so the library can tell
   * apart two SOPs with the same title from different offices. Added in
   * storage version 2.
   */
  government: string;
  office: string;
  unit: string;
  status: RevisionStatus;
  /** Last published revision number (0: never published). */
  revisionNumber: number;
  createdAt: string;
  updatedAt: string;
  /**
   * Incremented on every save. A tab saves only if the count is still the one
   * it loaded; otherwise another tab saved in between (see SopRepository.saveDraft).
   */
  saveCount: number;
  /** The SopDocument as JSON text. */
  json: string;
  /** Set when the drafter deleted the SOP; the record is kept a while so the deletion can be undone. */
  deletedAt?: string;
}

/** A published revision: frozen, never changed after it is written. */
export interface RevisionRecord {
  sopId: string;
  number: number;
  schemaVersion: number;
  publishedAt: string;
  note: string;
  title: string;
  json: string;
  /** Set when the drafter archived the revision: no new case starts on it; running cases go on. */
  archivedAt?: string;
}

/**
 * A published revision on its way to the server, or there (storage version
 * 3). Kept apart from the revision record, which is frozen: only this one
 * changes as the server answers.
 */
export interface ServerPublicationRecord extends ServerPublicationStatus {
  sopId: string;
  number: number;
  schemaVersion: number;
}

export type DesignerView = 'canvas' | 'table' | 'json';
export type DesignerScreen = 'library' | 'editor';

/** Which SOP, flow and view were open: restored after a reload. */
export interface SessionRecord {
  key: 'current';
  schemaVersion: number;
  screen: DesignerScreen;
  sopId?: string;
  flowId?: string;
  view?: DesignerView;
  /** The panel shown in the side bar (step properties, identity, case fields, history). */
  panel?: string;
  selectedStepId?: string;
  updatedAt: string;
}

/** The fields of a draft the library lists. */
export type DraftSummary = Pick<
  DraftRecord,
  'id' | 'title' | 'number' | 'government' | 'office' | 'unit' | 'status' | 'revisionNumber' | 'createdAt' | 'updatedAt' | 'saveCount'
>;
