/**
 * What sync keeps in the runtime database, and how server events enter it.
 * Every change a server answer causes to one case (its events, its snapshot,
 * its queued commands, its review items) is written in one transaction, so a
 * crash leaves either the old case with its outbox intact (the retry is then
 * answered `duplicate`) or the new one; the pull cursor moves in the same
 * transaction as the events it covers.
 */
import type { CaseEvent, LocalizedText } from '../../core/engine';
import type { PersonRef } from '../../core/people';
import { inCaseOrder, rebaseCase, type Office, type PulledEvent, type SyncRejection, type User } from '../../core/sync';
import type { CaseRow, OutboxRow, ReviewRow, RuntimeDb } from '../storage/db';
import { caseEvents, caseRowOf, getSopRevision, loadCalendar, sopKeyOf } from '../storage/repository';

/** Where the runtime kept the account before it was shared with the designer (see adoptLegacySession). */
export const LEGACY_SESSION_KEY = 'session';
export const CURSOR_KEY = 'cursor';
export const LAST_SYNC_KEY = 'lastSyncAt';
export const LAST_ERROR_KEY = 'lastError';
export const CATALOGUE_CONFLICTS_KEY = 'catalogueConflicts';
export { DEVICE_ID_KEY } from '../storage/outbox';

/** The signed-in account (shared with the designer), kept so the clerk stays the person on the device while offline. */
export type { StoredSession } from '../../device';

export interface SyncFailure {
  message: LocalizedText;
  at: number;
  /** The session ended: sync waits for the clerk to sign in again. */
  signedOut?: boolean;
}

export async function syncValue<T>(db: RuntimeDb, key: string): Promise<T | undefined> {
  return (await db.syncState.get(key))?.value as T | undefined;
}

export async function setSyncValue(db: RuntimeDb, key: string, value: unknown): Promise<void> {
  if (value === undefined) await db.syncState.delete(key);
  else await db.syncState.put({ key, value });
}

/**
 * A revision the server publishes under a number this device already holds
 * with other content (typically published by a designer on this device and
 * refused by the server with 409). The device keeps its own: revisions never
 * change. Written at each catalogue pull; absent when there is none.
 */
export interface CatalogueConflict {
  sopId: string;
  revision: number;
  /** The SOP's title as the server names it. */
  title: string;
}

/** The signed-in user as the person on every event (docs/sync-protocol.md). */
export function personOfSession(session: { user: User; office: Office }): PersonRef {
  return {
    id: session.user.id,
    name: session.user.name,
    ...(session.user.nip ? { nip: session.user.nip } : {}),
    ...(session.office?.name ? { office: session.office.name } : {}),
  };
}

/** Cases with commands kept for review, and how many each has. */
export async function reviewCounts(db: RuntimeDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.review.each((row) => counts.set(row.caseId, (counts.get(row.caseId) ?? 0) + 1));
  return counts;
}

export interface ServerAnswer {
  /** The server's events for the case (applied, duplicate, stale answers, or pulled). */
  events: CaseEvent[];
  /** Commands the server refused outright. */
  refused: Map<string, SyncRejection>;
}

type CaseTables = RuntimeDb;

/**
 * Rebases one stored case on the server's events (core/sync rebaseCase) and
 * writes the outcome. Must run inside a read-write transaction over cases,
 * events, sops, outbox, review and syncCases.
 */
export async function rebaseStoredCase(db: CaseTables, caseId: string, answer: ServerAnswer, options: { sopKey?: string; now: number; calendar: Awaited<ReturnType<typeof loadCalendar>> }): Promise<void> {
  const row: CaseRow | undefined = await db.cases.get(caseId);
  const sopKey = row?.sopKey ?? options.sopKey;
  const sopRow = sopKey ? await getSopRevision(db, sopKey) : undefined;
  const localEvents = await caseEvents(db, caseId);
  const queuedRows = inCaseOrder(await db.outbox.where('caseId').equals(caseId).toArray());

  const start = queuedRows.find((q) => q.command.type === 'case.start');
  if (start && answer.refused.has(start.commandId) && answer.events.length === 0) {
    await detachRefusedCase(db, caseId, start, answer.refused.get(start.commandId)!, options.now);
    return;
  }

  const result = rebaseCase({
    ...(sopRow ? { sop: sopRow.doc } : {}),
    localEvents,
    serverEvents: answer.events,
    queued: queuedRows.map((q) => q.command),
    refused: answer.refused,
    decideOptions: { calendar: options.calendar },
  });

  const keep = new Set(result.events.map((e) => e.id));
  await db.events.bulkDelete(localEvents.filter((e) => !keep.has(e.id)).map((e) => e.id));
  await db.events.bulkPut(result.events.map((event) => ({ id: event.id, caseId: event.caseId, revision: event.revision, commandId: event.commandId, event })));
  if (result.state && sopRow) {
    await db.cases.put(caseRowOf(sopRow.doc, result.state, sopRow.key, row));
    await db.syncCases.put({ caseId, since: options.now });
  }

  const byId = new Map(queuedRows.map((q) => [q.commandId, q]));
  await db.outbox.bulkDelete([...result.applied, ...result.review.map((r) => r.command.id)]);
  for (const command of result.resend) {
    const queued = byId.get(command.id)!;
    const baseRevision = command.type === 'case.start' ? 0 : command.expectedRevision;
    if (queued.baseRevision !== baseRevision) await db.outbox.put({ ...queued, command, baseRevision });
  }
  for (const item of result.review) {
    await db.review.put({
      commandId: item.command.id,
      caseId,
      command: item.command,
      rejection: item.rejection,
      source: item.source,
      keptAt: options.now,
      files: await takeFilesOf(db, item.command.id),
    });
  }
}

/** Moves a command's files out of `attachments` (its events are gone) so the review item holds them. */
async function takeFilesOf(db: CaseTables, commandId: string): Promise<ReviewRow['files']> {
  const rows = await db.attachments.where('eventId').equals(`${commandId}:0`).toArray();
  await db.attachments.bulkDelete(rows.map((r) => r.id));
  return rows.map(({ caseId: _c, eventId: _e, storedAt: _s, ...file }) => file);
}

/**
 * The server refused to start a case this device started (the office may not
 * start this SOP, say). The case stays on this device as a local case, with
 * everything recorded on it, and the refusal is kept for review; it leaves the
 * outbox, because no later command of it can be taken either.
 */
async function detachRefusedCase(db: CaseTables, caseId: string, start: OutboxRow, rejection: SyncRejection, now: number): Promise<void> {
  await db.outbox.where('caseId').equals(caseId).delete();
  await db.syncCases.delete(caseId);
  await db.review.put({ commandId: start.commandId, caseId, command: start.command, rejection, source: 'server', keptAt: now, files: [] });
}

/** The tables a rebase writes. */
export function caseSyncTables(db: RuntimeDb) {
  return [db.cases, db.events, db.sops, db.outbox, db.review, db.syncCases, db.syncState, db.attachments];
}

/** Pulled events grouped by case, with the SOP revision each case runs on. */
export function groupPulled(events: readonly PulledEvent[]): Map<string, { sopKey: string; sop: PulledEvent['sop']; events: CaseEvent[] }> {
  const cases = new Map<string, { sopKey: string; sop: PulledEvent['sop']; events: CaseEvent[] }>();
  for (const pulled of events) {
    let entry = cases.get(pulled.caseId);
    if (!entry) cases.set(pulled.caseId, (entry = { sopKey: sopKeyOf(pulled.sop.sopId, pulled.sop.revision), sop: pulled.sop, events: [] }));
    entry.events.push(pulled.event);
  }
  return cases;
}
