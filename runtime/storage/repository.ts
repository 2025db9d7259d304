/**
 * Everything the runtime reads and writes. One command is one transaction:
 * the events, the case snapshot, the attachments and the draft clean-up are
 * committed together or not at all.
 */
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import {
  applyEvent,
  caseCodeOf,
  currentActors,
  looksLikeCaseNumber,
  normalizeCaseNumber,
  decide,
  earliestDue,
  rememberSopContentHash,
  type CaseCommand,
  type CommandBy,
  type CaseEvent,
  type CaseState,
  type CaseStatus,
  type FieldValues,
  type LocalizedText,
  type Rejection,
} from '../../core/engine';
import { DEFAULT_WORKING_CALENDAR, checkWorkingCalendar, type WorkingCalendarConfig } from '../../core/sla';
import { originalOf, revisionContentHash } from '../../core/migrations';
import type { SopDocument } from '../../schemas/generated/sop.types';
import {
  NO_DUE,
  type AttachmentRow,
  type CaseRow,
  type DraftFile,
  type DraftRow,
  type DraftValues,
  type RuntimeDb,
  type SopRow,
} from './db';
import { attachmentHashes, isLinked, queueForServer, withFileHashes } from './outbox';
import { startRefusal } from './serverCatalogue';
import { StorageError, toStorageError } from './errors';
import { withReopen } from '../../ui/durability/storageFailure';
import { activeLanesOf, nextCaseNumber, type ReservedCaseNumber } from './caseNumbers';

export const newId = (): string => uuidv7();

export const sopKeyOf = (sopId: string, revision: number): string => `${sopId}@${revision}`;

// ---------------------------------------------------------------- SOP revisions

/** Trial runs key each draft by its content, so a trial case keeps the exact draft it started on. */
export const trialSopKeyOf = (doc: SopDocument): string => `${doc.id}@uji-coba-${revisionContentHash(doc).slice(0, 16)}`;

/**
 * The row for a revision: the document as it was published (the original of
 * a migrated one) and the hash over exactly that, which is what cases pin.
 */
export function sopRowOf(doc: SopDocument, trial = false): SopRow {
  return {
    key: trial ? trialSopKeyOf(doc) : sopKeyOf(doc.id, doc.revision.number),
    sopId: doc.id,
    revision: doc.revision.number,
    contentHash: revisionContentHash(doc),
    title: doc.identity.title ?? '',
    storedAt: Date.now(),
    doc: originalOf(doc) as SopDocument,
    ...(trial ? { trial: true } : {}),
  };
}

/**
 * Stores a published SOP revision. Revisions are immutable: storing the same
 * content again does nothing; different content under a stored revision
 * number is refused (a new revision needs a new number).
 */
export async function storeSopRevision(db: RuntimeDb, doc: SopDocument, options: { trial?: boolean } = {}): Promise<SopRow> {
  const row = sopRowOf(doc, options.trial);
  return db.transaction('rw', db.sops, async () => {
    const existing = await db.sops.get(row.key);
    if (existing) {
      if (existing.contentHash === row.contentHash) return existing;
      if (!options.trial) {
        throw new StorageError('sop.revisionConflict', {
          id: `SOP ${doc.id} revisi ${doc.revision.number} sudah tersimpan dengan isi berbeda; revisi yang disahkan tidak dapat diubah.`,
          en: `SOP ${doc.id} revision ${doc.revision.number} is already stored with other content; a published revision cannot change.`,
        });
      }
    }
    await db.sops.put(row);
    return row;
  });
}

/** Seeds the published samples once (first run); later runs leave the catalogue alone. */
export async function seedPublishedSops(db: RuntimeDb, docs: readonly SopDocument[]): Promise<number> {
  return db.transaction('rw', db.sops, db.meta, async () => {
    if (await db.meta.get('seededAt')) return 0;
    const rows = docs.filter((d) => d.revision.status === 'published').map((d) => sopRowOf(d));
    const existing = new Set(await db.sops.bulkGet(rows.map((r) => r.key)).then((got) => got.filter(Boolean).map((r) => r!.key)));
    await db.sops.bulkAdd(rows.filter((r) => !existing.has(r.key)));
    await db.meta.put({ key: 'seededAt', value: Date.now() });
    return rows.length - existing.size;
  });
}

/**
 * Published revisions never change, so each is read from IndexedDB once per
 * database connection and kept (with its hash) for every later command.
 */
const sopCache = new WeakMap<RuntimeDb, Map<string, SopRow>>();

export async function getSopRevision(db: RuntimeDb, key: string): Promise<SopRow | undefined> {
  let cache = sopCache.get(db);
  if (!cache) sopCache.set(db, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;
  const row = await db.sops.get(key);
  if (row) {
    rememberSopContentHash(row.doc, row.contentHash);
    // Trial revisions may be replaced (a drafter edits and tries again), so only published ones are kept.
    if (!row.trial) cache.set(key, row);
  }
  return row;
}

export async function listSops(db: RuntimeDb): Promise<SopRow[]> {
  const rows = await db.sops.toArray();
  // Newest revision of each SOP, by title.
  const latest = new Map<string, SopRow>();
  for (const row of rows) {
    const seen = latest.get(row.sopId);
    if (!seen || seen.revision < row.revision) latest.set(row.sopId, row);
  }
  return [...latest.values()].sort((a, b) => a.title.localeCompare(b.title, 'id'));
}

// ---------------------------------------------------------------- calendar

const calendarCache = new WeakMap<RuntimeDb, WorkingCalendarConfig>();

export async function loadCalendar(db: RuntimeDb): Promise<WorkingCalendarConfig> {
  const cached = calendarCache.get(db);
  if (cached) return cached;
  const stored = (await db.meta.get('calendar'))?.value as WorkingCalendarConfig | undefined;
  const calendar = stored && checkWorkingCalendar(stored).length === 0 ? stored : DEFAULT_WORKING_CALENDAR;
  calendarCache.set(db, calendar);
  return calendar;
}

/** After a restore replaced the whole database, the revisions and calendar kept in memory may be stale. */
export function forgetCachedRows(db: RuntimeDb): void {
  sopCache.delete(db);
  calendarCache.delete(db);
}

export async function saveCalendar(db: RuntimeDb, calendar: WorkingCalendarConfig): Promise<void> {
  await db.meta.put({ key: 'calendar', value: calendar });
  calendarCache.set(db, calendar);
}

// ---------------------------------------------------------------- case rows

function applicantFieldIds(doc: SopDocument): { name?: string; nik?: string } {
  const atStart = (doc.caseFields ?? []).filter((f) => f.step === undefined);
  const name = atStart.find((f) => f.id === 'nama') ?? atStart.find((f) => f.type === 'text');
  const nik = atStart.find((f) => f.type === 'nik');
  return { ...(name ? { name: name.id } : {}), ...(nik ? { nik: nik.id } : {}) };
}

export function nameTokensOf(name: string): string[] {
  return [...new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

export function caseRowOf(
  doc: SopDocument,
  state: CaseState,
  sopKey = sopKeyOf(state.sop.sopId, state.sop.revision),
  /** The row this one replaces: a legacy case keeps the number the v2 upgrade gave it. */
  previous?: Pick<CaseRow, 'caseNumber'>,
): CaseRow {
  const ids = applicantFieldIds(doc);
  const name = ids.name ? String(state.fields[ids.name] ?? '') : '';
  const nik = ids.nik ? String(state.fields[ids.nik] ?? '') : '';
  const actors = currentActors(state);
  const due = earliestDue(state);
  return {
    id: state.id,
    caseNumber: state.number ?? previous?.caseNumber ?? '',
    activeLanes: activeLanesOf(state),
    sopId: state.sop.sopId,
    sopKey,
    sopRevision: state.sop.revision,
    title: state.sop.title,
    status: state.status,
    revision: state.revision,
    currentActor: actors[0] ?? '',
    currentActors: actors,
    currentStepIds: state.visits.filter((v) => v.status === 'active').map((v) => v.stepId),
    dueAt: due ? Date.parse(due) : NO_DUE,
    caseDueAt: state.caseDueAt ? Date.parse(state.caseDueAt) : NO_DUE,
    applicantName: name,
    nameLower: name.toLowerCase(),
    nameTokens: nameTokensOf(name),
    applicantNik: nik,
    startedAt: Date.parse(state.startedAt),
    updatedAt: Date.parse(state.updatedAt),
    state,
  };
}

// ---------------------------------------------------------------- commands

export interface NewAttachment {
  id: string;
  blob: Blob;
  name: string;
  type: string;
  requirementId?: string;
  fieldId?: string;
  visitId?: string;
}

export type CommitResult =
  | { ok: true; state: CaseState; events: CaseEvent[]; duplicate: boolean }
  | { ok: false; rejection: Rejection | { code: 'sop.missing' | 'sop.notFromServer' | 'storage.full' | 'storage.failed'; message: LocalizedText } };

export interface CommitOptions {
  attachments?: readonly NewAttachment[];
  calendar?: WorkingCalendarConfig;
  /** Drafts to delete with this commit (the visits the command finished with). */
  clearDrafts?: readonly string[];
}

/**
 * Decides and commits one command in one read-write transaction over the
 * case, its events and attachments. The current revision is read inside the
 * transaction, so of two tabs committing on the same revision exactly one
 * wins; the other gets the engine's stale-revision rejection.
 */
export async function commitCommand(db: RuntimeDb, command: CaseCommand, options: CommitOptions = {}): Promise<CommitResult> {
  try {
    const calendar = options.calendar ?? (await withReopen(db, () => loadCalendar(db)));
    // Files are hashed before the transaction (WebCrypto is not IndexedDB: awaiting it inside would end the
    // transaction), and only on a device linked to a server, which needs the hashes to send the files.
    const hashes = options.attachments?.length && (await withReopen(db, () => isLinked(db))) ? await attachmentHashes(options.attachments) : undefined;
    // A closed database (the browser closed it, site data was cleared) is reopened and the command
    // tried once more: the transaction never began, so nothing can be written twice.
    return await withReopen(db, () => db.transaction('rw', [db.cases, db.events, db.attachments, db.drafts, db.sops, db.meta, db.outbox, db.syncState, db.syncCases], async (): Promise<CommitResult> => {
      const row = await db.cases.get(command.caseId);
      const sopKey =
        command.type === 'case.start' ? (command as CaseCommand & { sopKey?: string }).sopKey : row?.sopKey;
      const sopRow = sopKey ? await getSopRevision(db, sopKey) : undefined;
      if (!sopRow) {
        return {
          ok: false,
          rejection: {
            code: 'sop.missing',
            message: { id: `SOP ${sopKey ?? '?'} tidak ada di perangkat ini.`, en: `SOP ${sopKey ?? '?'} is not on this device.` },
          },
        };
      }
      // A command already stored (a retry, or a bundle imported twice) does nothing.
      if ((await db.events.where('commandId').equals(command.id).count()) > 0 && row) {
        return { ok: true, state: row.state, events: [], duplicate: true };
      }
      // A new case on a linked device is a synced case: it must run on a revision the server offers this office.
      if (command.type === 'case.start' && !row) {
        const refusal = await startRefusal(db, sopRow);
        if (refusal) return { ok: false, rejection: refusal };
      }
      let decided = hashes ? withFileHashes(stripExtras(command), hashes) : stripExtras(command);
      // A new case gets its number inside this transaction: two tabs never hand out the same one.
      let reserved: ReservedCaseNumber | undefined;
      if (decided.type === 'case.start' && !row && decided.caseNumber === undefined && !Number.isNaN(Date.parse(decided.at))) {
        reserved = await nextCaseNumber(db.meta, caseCodeOf(sopRow.doc), Date.parse(decided.at), calendar.timeZone);
        decided = { ...decided, caseNumber: reserved.number };
      }
      const result = decide(sopRow.doc, row?.state, decided, { calendar });
      if (!result.ok) return result;
      if (result.events.length > 0) await reserved?.take();
      if (result.events.length === 0) return { ok: true, state: row!.state, events: [], duplicate: result.duplicate };
      let state = row?.state;
      for (const event of result.events) state = applyEvent(state, event);
      const now = Date.now();
      const firstEvent = result.events[0]!;
      await db.events.bulkAdd(result.events.map((event) => ({ id: event.id, caseId: event.caseId, revision: event.revision, commandId: event.commandId, event })));
      if (options.attachments?.length) {
        await db.attachments.bulkAdd(
          options.attachments.map(
            (a): AttachmentRow => ({
              id: a.id,
              caseId: command.caseId,
              eventId: firstEvent.id,
              ...(a.visitId ? { visitId: a.visitId } : {}),
              ...(a.requirementId ? { requirementId: a.requirementId } : {}),
              ...(a.fieldId ? { fieldId: a.fieldId } : {}),
              name: a.name,
              type: a.type,
              size: a.blob.size,
              ...(hashes?.has(a.id) ? { sha256: hashes.get(a.id)! } : {}),
              blob: a.blob,
              storedAt: now,
            }),
          ),
        );
      }
      await db.cases.put(caseRowOf(sopRow.doc, state!, sopRow.key, row));
      // Same transaction: a committed command is always queued for the server, never one without the other.
      await queueForServer(db, decided, sopRow, row?.revision ?? 0, hashes, now);
      if (options.clearDrafts?.length) await db.drafts.bulkDelete(options.clearDrafts.map((visitId) => draftIdOf(command.caseId, visitId)));
      return { ok: true, state: state!, events: result.events, duplicate: false };
    }));
  } catch (error) {
    const storageError = toStorageError(error);
    return { ok: false, rejection: { code: storageError.code === 'storage.full' ? 'storage.full' : 'storage.failed', message: storageError.localized } };
  }
}

function stripExtras(command: CaseCommand): CaseCommand {
  if (command.type !== 'case.start' || !('sopKey' in command)) return command;
  const { sopKey: _ignored, ...rest } = command as CaseCommand & { sopKey?: string };
  return rest as CaseCommand;
}

export interface StartCaseInput {
  sopKey: string;
  fields: FieldValues;
  by?: CommandBy;
  caseId?: string;
  commandId?: string;
  at?: string;
  allowDraft?: boolean;
}

export function startCommand(input: StartCaseInput): CaseCommand & { sopKey: string } {
  return {
    type: 'case.start',
    id: input.commandId ?? newId(),
    caseId: input.caseId ?? newId(),
    at: input.at ?? new Date().toISOString(),
    fields: input.fields,
    sopKey: input.sopKey,
    ...(input.by ? { by: input.by } : {}),
    ...(input.allowDraft ? { allowDraft: true } : {}),
  };
}

export async function startCase(db: RuntimeDb, input: StartCaseInput, options: CommitOptions = {}): Promise<CommitResult> {
  return commitCommand(db, startCommand(input), options);
}

export async function getCase(db: RuntimeDb, caseId: string): Promise<CaseRow | undefined> {
  return db.cases.get(caseId);
}

export async function caseEvents(db: RuntimeDb, caseId: string): Promise<CaseEvent[]> {
  const rows = await db.events.where('[caseId+revision]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
  // Within one revision, events keep the order their command made them in.
  return rows
    .sort((a, b) => a.revision - b.revision || eventIndex(a.id) - eventIndex(b.id))
    .map((r) => r.event);
}

function eventIndex(id: string): number {
  return Number(id.slice(id.lastIndexOf(':') + 1)) || 0;
}

// ---------------------------------------------------------------- drafts

export const draftIdOf = (caseId: string, visitId: string): string => `${caseId}|${visitId}`;

export const emptyDraftValues = (): DraftValues => ({ ticked: [], waivers: {}, fields: {}, output: '', note: '' });

export async function loadDraft(db: RuntimeDb, caseId: string, visitId: string): Promise<DraftRow | undefined> {
  return db.drafts.get(draftIdOf(caseId, visitId));
}

export async function saveDraft(db: RuntimeDb, caseId: string, visitId: string, values: DraftValues, files?: DraftFile[]): Promise<void> {
  const row = (kept: DraftFile[]): DraftRow => ({ id: draftIdOf(caseId, visitId), caseId, visitId, values, files: kept, updatedAt: Date.now() });
  try {
    if (files) {
      // The put is issued at once, with no read awaited before it: a page going away
      // right after the call still has its write queued in the transaction.
      await withReopen(db, () => db.drafts.put(row(files)));
      return;
    }
    await withReopen(db, () =>
      db.transaction('rw', db.drafts, async () => {
        const existing = await db.drafts.get(draftIdOf(caseId, visitId));
        await db.drafts.put(row(existing?.files ?? []));
      }),
    );
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function deleteDraft(db: RuntimeDb, caseId: string, visitId: string): Promise<void> {
  await db.drafts.delete(draftIdOf(caseId, visitId));
}

// ---------------------------------------------------------------- case list

export type StatusFilter = CaseStatus | 'all';

export interface CaseListQuery {
  sopId?: string;
  status?: StatusFilter;
  actor?: string;
  overdue?: boolean;
  /** Clock for the overdue filter. */
  now?: number;
  /** The last row of the previous page; the next page starts right after it. */
  after?: PageCursor;
  limit?: number;
}

export interface PageCursor {
  dueAt: number;
  id: string;
}

export interface CasePage {
  rows: CaseRow[];
  /** Cursor for the next page; undefined on the last page. */
  next?: PageCursor;
}

/**
 * One page of the case list, by due time ascending, paged by index keys (the
 * last row's [dueAt, id]) rather than offsets: page 500 costs what page 1 does.
 */
export async function listCases(db: RuntimeDb, query: CaseListQuery = {}): Promise<CasePage> {
  const limit = query.limit ?? 25;
  const status = query.status ?? 'open';
  const now = query.now ?? Date.now();
  // Overdue: due strictly before now.
  const dueUpper: number = query.overdue ? now - 1 : NO_DUE;
  let indexName: string;
  let prefix: (string | number)[];
  const extraFilters: ((row: CaseRow) => boolean)[] = [];
  if (query.actor !== undefined && status !== 'all') {
    indexName = '[currentActor+status+dueAt+id]';
    prefix = [query.actor, status];
    if (query.sopId) extraFilters.push((r) => r.sopId === query.sopId);
  } else if (query.sopId !== undefined && status !== 'all') {
    indexName = '[sopId+status+dueAt+id]';
    prefix = [query.sopId, status];
  } else if (status !== 'all') {
    indexName = '[status+dueAt+id]';
    prefix = [status];
  } else {
    indexName = '[dueAt+id]';
    prefix = [];
    if (query.sopId) extraFilters.push((r) => r.sopId === query.sopId);
    if (query.actor !== undefined) extraFilters.push((r) => r.currentActors.includes(query.actor!));
  }
  const lower = query.after ? [...prefix, query.after.dueAt, query.after.id] : [...prefix, Dexie.minKey, Dexie.minKey];
  const upper = [...prefix, dueUpper, Dexie.maxKey];
  let collection = db.cases.where(indexName).between(lower, upper, !query.after, true);
  if (extraFilters.length) collection = collection.filter((row) => extraFilters.every((f) => f(row)));
  const rows = await collection.limit(limit + 1).toArray();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, ...(rows.length > limit && last ? { next: { dueAt: last.dueAt, id: last.id } } : {}) };
}

/**
 * Cases whose number starts with what was typed ("SPM-2026-7KQX-0042", spaces
 * and case ignored), whose applicant NIK starts with it (digits only), or any
 * of whose name words start with it.
 */
export async function searchCases(db: RuntimeDb, text: string, limit = 25): Promise<CaseRow[]> {
  const q = text.trim().toLowerCase();
  if (q === '') return [];
  if (looksLikeCaseNumber(q)) {
    const byNumber = await db.cases.where('caseNumber').startsWith(normalizeCaseNumber(q)).limit(limit).toArray();
    if (byNumber.length > 0) return byNumber;
  }
  const digits = q.replace(/[\s.\-]/g, '');
  if (/^\d+$/.test(digits)) {
    return db.cases.where('applicantNik').startsWith(digits).limit(limit).toArray();
  }
  const words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return [];
  const [first, ...rest] = words.sort((a, b) => b.length - a.length);
  let collection = db.cases.where('nameTokens').startsWith(first!).distinct();
  if (rest.length) collection = collection.filter((row) => rest.every((w) => row.nameTokens.some((t) => t.startsWith(w))));
  return collection.limit(limit).toArray();
}

/**
 * "My work": the open cases waiting on any of these lanes (`${sopId}|${actorId}`),
 * most urgent first. A clerk's lanes wait on a few hundred cases at most, so
 * they are sorted here rather than through a compound index.
 */
export async function listMyWork(db: RuntimeDb, laneKeys: readonly string[], limit = 200): Promise<{ rows: CaseRow[]; more: boolean }> {
  if (laneKeys.length === 0) return { rows: [], more: false };
  const rows = await db.cases.where('activeLanes').anyOf([...laneKeys]).distinct().toArray();
  const open = rows.filter((r) => r.status === 'open').sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
  return { rows: open.slice(0, limit), more: open.length > limit };
}

/** Cases of this SOP still running for this NIK (open, or returned to the applicant). */
export async function runningCasesForNik(db: RuntimeDb, sopId: string, nik: string): Promise<CaseRow[]> {
  if (!/^\d{16}$/.test(nik)) return [];
  const rows = await db.cases.where('applicantNik').equals(nik).toArray();
  return rows.filter((r) => r.sopId === sopId && (r.status === 'open' || r.status === 'returned')).sort((a, b) => a.startedAt - b.startedAt);
}

// ---------------------------------------------------------------- device storage

export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

/** Asks the browser to keep this site's data under storage pressure (no prompt in Chromium). */
export async function requestPersistence(): Promise<boolean | null> {
  try {
    if (!navigator.storage?.persist) return null;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

export async function storageStatus(): Promise<StorageStatus> {
  try {
    const [estimate, persisted] = await Promise.all([
      navigator.storage?.estimate ? navigator.storage.estimate() : Promise.resolve(undefined),
      navigator.storage?.persisted ? navigator.storage.persisted() : Promise.resolve(null),
    ]);
    return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
  } catch {
    return { persisted: null, usage: null, quota: null };
  }
}
