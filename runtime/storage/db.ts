/**
 * The clerk's offline database (IndexedDB through Dexie).
 *
 * Versioned: each `this.version(n)` below is a schema version, and every
 * upgrade is tested from a saved fixture of the version before it
 * (`fixtures/v1.json` and later ones). `meta.schemaVersion` records the last
 * migration that ran. Ids are client-generated UUIDv7 (time-ordered, so
 * primary-key order is creation order), never auto-increment, so cases and
 * events can move between offices without clashes.
 */
import Dexie, { type DBCore, type Middleware, type Table, type Transaction } from 'dexie';
import { caseCodeOf } from '../../core/engine/caseNumber';
import { activeLanesOf, assignCaseNumber } from './caseNumbers';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { upgradeStoredSop } from '../../core/migrations';
import type { CaseCommand, CaseEvent, CaseState, CaseStatus, LocalizedText } from '../../core/engine';
import type { SyncRejection } from '../../core/sync';
import type { MonevForm } from '../../core/monev/forms';
import type { FactsTable } from '../../core/monev/factsTable';
import type { PackedFactsTable } from '../../core/monev/factsPacking';

export const RUNTIME_DB_NAME = 'sop-studio-runtime';
/** Trial runs from the designer use their own database, so trial cases never mix with real ones. */
export const TRIAL_DB_NAME = 'sop-studio-runtime-trial';
export const SCHEMA_VERSION = 5;

/** Stands in for "no due time" in due-time indexes (IndexedDB leaves undefined keys out of an index). */
export const NO_DUE = 8_640_000_000_000_000;

/** A published SOP revision: immutable once stored. */
export interface SopRow {
  /** `${sopId}@${revision}` */
  key: string;
  sopId: string;
  revision: number;
  /** SHA-256 of the document's canonical JSON as it was published: the hash cases pin. */
  contentHash: string;
  title: string;
  storedAt: number;
  /**
   * Stored as published, in the schema version it was written in (never
   * rewritten, so its hash holds). Every read through the table returns it
   * migrated to the current schema (`readableSopRow`); `originalOf(doc)` is
   * what is stored, and what bundles and backups carry.
   */
  doc: SopDocument;
  /** Draft opened for a trial run (only in the trial database). */
  trial?: boolean;
}

/** A case snapshot plus the columns the case list and inbox query. */
export interface CaseRow {
  id: string;
  /**
   * The readable case number ("SPM-2026-7KQX-0042"), from the case.started
   * event; cases started before numbers existed were given one by the v2
   * upgrade, kept here only. '' for a legacy case imported from elsewhere.
   */
  caseNumber: string;
  /** `${sopId}|${actorId}` of every lane the case waits on now: the "my work" index. */
  activeLanes: string[];
  sopId: string;
  sopKey: string;
  sopRevision: number;
  title: string;
  status: CaseStatus;
  revision: number;
  /** The first actor the case waits on ('' when none): the inbox index. */
  currentActor: string;
  currentActors: string[];
  currentStepIds: string[];
  /** Earliest due time (active steps and the case), ms; NO_DUE when none. */
  dueAt: number;
  caseDueAt: number;
  applicantName: string;
  nameLower: string;
  /** Lowercased words of the applicant's name, for prefix search on any word. */
  nameTokens: string[];
  applicantNik: string;
  startedAt: number;
  updatedAt: number;
  /**
   * When this device last wrote the row (ms, set by `stampCaseWrites` on every
   * write, whatever wrote it). Not `updatedAt`: a case pulled from another
   * office carries that office's event times, which may be older than what
   * this device has already summarized. Absent on rows not written since v5.
   */
  changeStamp?: number;
  state: CaseState;
}

export interface EventRow {
  id: string;
  caseId: string;
  revision: number;
  commandId: string;
  event: CaseEvent;
}

/** A file captured while filling in a step, kept with the draft until the step is committed. */
export interface DraftFile {
  id: string;
  requirementId?: string;
  fieldId?: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
}

export interface DraftValues {
  ticked: string[];
  waivers: Record<string, string>;
  fields: Record<string, string>;
  output: string;
  note: string;
  returnReason?: string;
}

export interface DraftRow {
  /** `${caseId}|${visitId}` */
  id: string;
  caseId: string;
  visitId: string;
  values: DraftValues;
  files: DraftFile[];
  updatedAt: number;
}

export interface AttachmentRow {
  id: string;
  caseId: string;
  eventId: string;
  visitId?: string;
  requirementId?: string;
  fieldId?: string;
  name: string;
  type: string;
  size: number;
  sha256?: string;
  blob: Blob;
  storedAt: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * A command committed on this device that the server has not confirmed yet.
 * Written in the same transaction as the command's events, so a command is
 * never on the device without being queued (or queued without being on it).
 * Removed only when the server answers applied/duplicate, or when the
 * command moves to `review`.
 */
export interface OutboxRow {
  commandId: string;
  caseId: string;
  /** The command exactly as the engine decided it here (with its case number, without the local sopKey). */
  command: CaseCommand;
  /** The case revision the command was decided on (0 for a start). */
  baseRevision: number;
  queuedAt: number;
  /** For a start: the published revision the case runs on (sent with the command; a start names no SOP). */
  sop?: { sopId: string; revision: number };
  /** SHA-256 of the files the command brought, when hashed at commit; push hashes any it lacks. */
  attachments: string[];
  /** Push attempts that failed without an answer for this command (network, server error). */
  tries: number;
  lastError?: { message: LocalizedText; at: number };
}

/**
 * A command taken out of a case because it no longer applies: another office
 * acted first, or the server refused it. Kept whole until a clerk redoes it
 * (as a new command) or discards it explicitly; its files stay on the device.
 */
export interface ReviewRow {
  commandId: string;
  caseId: string;
  command: CaseCommand;
  rejection: SyncRejection;
  /** The server refused it on push, or it no longer decided on the server's events. */
  source: 'server' | 'rebase';
  keptAt: number;
  /**
   * The files the command brought, moved here from `attachments` (whose rows
   * must belong to an event of the case): redoing the command puts them back
   * in the step's draft; discarding it removes them.
   */
  files: Omit<AttachmentRow, 'caseId' | 'eventId' | 'storedAt'>[];
}

/** Sync bookkeeping: `link` (the server), `session`, `cursor`, `lastSyncAt`, `lastError`. */
export interface SyncStateRow {
  key: string;
  value: unknown;
}

/** A case the server knows (started while linked, or pulled): only these have commands queued. */
export interface SyncCaseRow {
  caseId: string;
  since: number;
}

/**
 * A Permenpan monitoring or evaluation form (core/monev/forms), draft or final.
 * The SOP, kind and last change are columns beside the form so the dashboard
 * lists an SOP's forms from an index without reading every form.
 */
export interface MonevFormRow {
  id: string;
  sopId: string;
  kind: MonevForm['kind'];
  /** ms, from the form's `updatedAt`. */
  updatedAt: number;
  form: MonevForm;
}

/**
 * One SOP's monev facts for up to MONEV_CHUNK_CASES cases, in columns
 * (core/monev/factsTable.ts): derived data, rebuilt from the case record
 * whenever it is missing or stale (runtime/monev/monevFactsStore.ts), so it is
 * never backed up.
 */
export interface MonevFactsRow {
  /** `${sopId}|${chunk}` */
  key: string;
  sopId: string;
  chunk: number;
  /** What the facts were built with: the codec's version and the working calendar. */
  builtWith: string;
  /** Each case's revision when it was folded, in the table's case order. */
  caseRevisions: Float64Array;
  /** Cases whose events could not be folded, at the revision that failed (not tried again until they change). */
  unreadable: { id: string; revision: number }[];
  /** The facts, packed (core/monev/factsPacking.ts): what is written now. */
  packed?: PackedFactsTable;
  /** The facts unpacked, as rows written before packing hold them; such a row is packed on its next open. */
  table?: FactsTable;
}

/** The v1 schema, also written into `fixtures/v1.json`. Later versions add to it, never edit it. */
export const SCHEMA_V1 = {
  sops: '&key, sopId, [sopId+revision]',
  cases:
    'id, [sopId+status+dueAt+id], [currentActor+status+dueAt+id], [status+dueAt+id], [dueAt+id], applicantNik, *nameTokens, updatedAt',
  events: 'id, caseId, [caseId+revision], commandId',
  drafts: 'id, caseId, updatedAt',
  attachments: 'id, caseId, eventId',
  meta: '&key',
} as const;

/** v2: case numbers (searchable) and the lanes each open case waits on ("my work"). */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  cases:
    'id, [sopId+status+dueAt+id], [currentActor+status+dueAt+id], [status+dueAt+id], [dueAt+id], applicantNik, *nameTokens, updatedAt, caseNumber, *activeLanes',
} as const;

/**
 * v3: case sync (issue 10). New tables only; existing rows are untouched, so
 * the upgrade has nothing to migrate: cases made before the device was
 * linked stay local (not in `syncCases`) and keep working as before.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  outbox: 'commandId, caseId, queuedAt',
  review: 'commandId, caseId, keptAt',
  syncState: '&key',
  syncCases: '&caseId',
} as const;

/** v4: the monev forms (issue 12). A new table only: nothing to migrate. */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  monevForms: 'id, [sopId+kind], updatedAt',
} as const;

/**
 * v5: monev facts kept between visits (issue 12): a table of derived facts,
 * and an index of each SOP's cases by when this device last wrote them, so
 * the dashboard refolds only what changed. Rows written before v5 have no
 * stamp and are simply not in the new index: the first build reads them all.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  cases: `${SCHEMA_V4.cases}, [sopId+changeStamp]`,
  monevFacts: '&key, sopId',
} as const;

export class RuntimeDb extends Dexie {
  declare sops: Table<SopRow, string>;
  declare cases: Table<CaseRow, string>;
  declare events: Table<EventRow, string>;
  declare drafts: Table<DraftRow, string>;
  declare attachments: Table<AttachmentRow, string>;
  declare meta: Table<MetaRow, string>;
  declare outbox: Table<OutboxRow, string>;
  declare review: Table<ReviewRow, string>;
  declare syncState: Table<SyncStateRow, string>;
  declare syncCases: Table<SyncCaseRow, string>;
  declare monevForms: Table<MonevFormRow, string>;
  declare monevFacts: Table<MonevFactsRow, string>;

  constructor(name: string = RUNTIME_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await numberLegacyCases(tx);
        await tx.table('meta').put({ key: 'schemaVersion', value: 2 });
      });
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        await tx.table('meta').put({ key: 'schemaVersion', value: 3 });
      });
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        await tx.table('meta').put({ key: 'schemaVersion', value: 4 });
      });
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        await tx.table('meta').put({ key: 'schemaVersion', value: 5 });
      });
    this.use(stampCaseWrites);
    this.on('populate', (tx) => {
      tx.table('meta').add({ key: 'schemaVersion', value: SCHEMA_VERSION });
    });
    // Revisions stay as published (schema v1 ones too); screens, the engine and the sync read them migrated.
    this.sops.hook('reading', readableSopRow);
  }
}

/** A case row without this device's write stamp: what backups hold and what "the same data" compares. */
export function withoutChangeStamp<T extends { changeStamp?: unknown }>(row: T): Omit<T, 'changeStamp'> {
  const { changeStamp: _local, ...rest } = row;
  return rest;
}

/**
 * When cases were last deleted (ms), in the monevFacts table: derived data
 * built from the case record (the monev facts) reads the `changeStamp` index
 * to learn what was written since it was built, and this row to learn
 * whether anything may have gone, which no index shows (counting 100,000
 * cases takes seconds). It lives with the derived data, not in `meta`, so
 * backups never carry it.
 */
export const CASES_REMOVED_KEY = '#cases-removed';
export interface CasesRemovedRow {
  key: typeof CASES_REMOVED_KEY;
  sopId: typeof CASES_REMOVED_KEY;
  at: number;
}

/**
 * Sets `changeStamp` on every case row written, at the lowest level (Dexie's
 * DBCore), so no write path can forget it: the engine, sync, imports,
 * restores and the demo all go through here. Likewise every deletion of
 * cases notes CASES_REMOVED_KEY in the same transaction, which must include
 * `monevFacts` (a deletion without it is refused, so no path can skip it).
 */
const stampCaseWrites: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'stampCaseWrites',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'cases') return table;
      return {
        ...table,
        mutate: async (req) => {
          if (req.type === 'add' || req.type === 'put') {
            const changeStamp = Date.now();
            return table.mutate({ ...req, values: req.values.map((row: CaseRow) => ({ ...row, changeStamp })) });
          }
          // Dexie's IndexedDB core hands the IDBTransaction itself down as `trans`.
          const scope = (req.trans as unknown as IDBTransaction).objectStoreNames;
          if (!scope?.contains('monevFacts')) throw new Error('Cases are deleted only in a transaction that includes monevFacts (CASES_REMOVED_KEY).');
          const note: CasesRemovedRow = { key: CASES_REMOVED_KEY, sopId: CASES_REMOVED_KEY, at: Date.now() };
          await down.table('monevFacts').mutate({ type: 'put', trans: req.trans, values: [note] });
          return table.mutate(req);
        },
      };
    },
  }),
};

// Revisions never change, so each is migrated once per page (and per hash: a trial row may be replaced).
const upgraded = new Map<string, SopDocument>();

/**
 * The row as readers use it: the document migrated in memory to the current
 * schema, remembering the stored hash and the stored original. A row whose
 * document cannot be read (damaged, or from a newer version) is passed on as
 * stored: the screens already guard against damaged rows.
 */
export function readableSopRow(row: SopRow): SopRow {
  if (!row || typeof row !== 'object' || !row.doc || typeof row.doc !== 'object') return row;
  const cacheKey = `${String(row.key)}#${String(row.contentHash)}`;
  let doc = upgraded.get(cacheKey);
  if (!doc || !sameOrigin(doc, row.doc)) {
    doc = upgradeStoredSop(row.doc, typeof row.contentHash === 'string' ? row.contentHash : undefined);
    if (!doc) return row;
    if (doc === row.doc) return row; // already current: nothing to cache
    if (upgraded.size > 200) upgraded.clear();
    upgraded.set(cacheKey, doc);
  }
  return { ...row, doc };
}

// A cached migration is reused only for the same stored content (a hostile row may reuse a key and hash).
function sameOrigin(doc: SopDocument, stored: SopDocument): boolean {
  return doc.id === stored.id && doc.revision?.number === stored.revision?.number;
}

export async function schemaVersionOf(db: RuntimeDb): Promise<number | undefined> {
  return (await db.meta.get('schemaVersion'))?.value as number | undefined;
}

/** The v2 upgrade: every case gets a number (in start order) and its active lanes. */
async function numberLegacyCases(tx: Transaction): Promise<void> {
  const cases = tx.table<CaseRow, string>('cases');
  const rows = (await cases.toArray()).sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  for (const row of rows) {
    const caseNumber = row.state.number ?? (await assignCaseNumber(tx.table('meta'), caseCodeOf({ identity: { title: row.title } }), row.startedAt));
    await cases.put({ ...row, caseNumber, activeLanes: activeLanesOf(row.state) });
  }
}
