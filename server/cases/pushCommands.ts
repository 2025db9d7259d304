/**
 * `POST /api/v1/sync/push`, one command at a time, each in its own
 * transaction (docs/sync-protocol.md "Case sync"). The server re-runs the
 * engine's `decide` on its own copy of the case: the device's events are
 * never taken on trust. A refusal writes nothing.
 */
import { applyEvent, decide, type CaseCommand, type CaseEvent } from '../../core/engine';
import type { LaneRef, Office, PushCommand, PushResult, User } from '../../core/sync/protocol';
import { PG_UNIQUE_VIOLATION, sqlStateOf, type Db, type Queryable } from '../db/db';
import { filesUserMayUse, linkFilesToCase } from '../attachments/attachmentAccess';
import { officeMaySee, pathActorsOf } from './caseVisibility';
import {
  eventsAfterRevision,
  eventsOfCommand,
  findCase,
  findCaseForUpdate,
  findProcessedCommand,
  grantCaseToOfficesThatMaySee,
  insertCase,
  insertCommandEvents,
  lockCaseId,
  updateCase,
  type CaseWrite,
} from './casesRepo';
import { laneRefusal } from './laneCheck';
import type { SopDocuments } from './sopDocuments';

export const CASE_CHANNEL = 'sop_case_events';

/** What NOTIFY carries: the case and every office granted it (the stream tells only those). */
export interface CaseChangeNotice {
  caseId: string;
  officeIds: string[];
  /** The feed position of the last row the transaction wrote. */
  cursor: string;
}

export interface Pusher {
  user: User;
  office: Office & { lanes: readonly LaneRef[] };
  deviceId: string;
}

export interface PushDeps {
  db: Db;
  sops: SopDocuments;
  now: () => Date;
}

type Rejected = Extract<PushResult, { status: 'rejected' }>;

const refuse = (commandId: string, code: string, id: string, en: string): Rejected => ({ status: 'rejected', commandId, rejection: { code, message: { id, en } } });

const unknownCase = (commandId: string) =>
  refuse(commandId, 'case.unknown', 'Kasus tidak dikenal, atau kantor Anda tidak dapat melihatnya.', 'Unknown case, or your office may not see it.');

/** Hashes of files the command itself refers to (submission files and attachment field values). */
function filesReferredBy(command: CaseCommand): string[] {
  const hashes: string[] = [];
  const submission = command as { attachments?: { sha256?: string }[]; fields?: Record<string, unknown> };
  for (const file of submission.attachments ?? []) if (typeof file?.sha256 === 'string') hashes.push(file.sha256);
  for (const value of Object.values(submission.fields ?? {})) {
    if (Array.isArray(value)) for (const file of value) if (typeof file?.sha256 === 'string') hashes.push(file.sha256);
  }
  return hashes;
}

export async function pushCommands(deps: PushDeps, who: Pusher, commands: readonly PushCommand[]): Promise<PushResult[]> {
  const results: PushResult[] = [];
  // In order: a later command of the batch may depend on an earlier one's outcome.
  for (const pushed of commands) results.push(await pushOneWithRetry(deps, who, pushed));
  return results;
}

async function pushOneWithRetry(deps: PushDeps, who: Pusher, pushed: PushCommand): Promise<PushResult> {
  try {
    return await deps.db.transaction((tx) => pushOne(deps, tx, who, pushed));
  } catch (error) {
    // The same command id taken meanwhile by a push on another case id: asked again, it is a known id.
    if (sqlStateOf(error) !== PG_UNIQUE_VIOLATION) throw error;
    return deps.db.transaction((tx) => pushOne(deps, tx, who, pushed));
  }
}

async function pushOne(deps: PushDeps, tx: Queryable, who: Pusher, { command, sop: sopRef, attachments = [] }: PushCommand): Promise<PushResult> {
  const commandId = command.id;
  await lockCaseId(tx, command.caseId);

  const known = await findProcessedCommand(tx, commandId);
  if (known) {
    const taken = await findCase(tx, known.caseId);
    if (!taken || !officeMaySee(who.office, taken)) return unknownCase(commandId);
    return { status: 'duplicate', commandId, events: await eventsOfCommand(tx, commandId) };
  }

  const existing = await findCaseForUpdate(tx, command.caseId);
  let ref: { sopId: string; revision: number };
  if (command.type === 'case.start') {
    if (existing) return refuse(commandId, 'case.exists', `Kasus ${command.caseId} sudah ada.`, `Case ${command.caseId} already exists.`);
    if (!sopRef) return refuse(commandId, 'sop.required', 'Perintah memulai kasus harus menyebut revisi SOP.', 'A command starting a case must name the SOP revision.');
    ref = sopRef;
  } else {
    if (!existing || !officeMaySee(who.office, existing)) return unknownCase(commandId);
    if (command.expectedRevision !== existing.revision) {
      return { status: 'stale', commandId, events: await eventsAfterRevision(tx, existing.id, command.expectedRevision) };
    }
    ref = { sopId: existing.sopId, revision: existing.sopRevision };
  }

  const sop = await deps.sops.get(tx, ref.sopId, ref.revision);
  if (!sop) return refuse(commandId, 'sop.unknown', `SOP ${ref.sopId} revisi ${ref.revision} belum diterbitkan di server.`, `SOP ${ref.sopId} revision ${ref.revision} is not published on the server.`);

  const lanes = laneRefusal(sop.document, existing?.state, command, who.user.positions, who.office.lanes);
  if (lanes) return { status: 'rejected', commandId, rejection: lanes };

  const files = [...new Set([...attachments, ...filesReferredBy(command)])];
  const usable = await filesUserMayUse(tx, { userId: who.user.id, office: who.office }, files);
  const missing = files.filter((sha) => !usable.has(sha));
  if (missing.length > 0) {
    return refuse(
      commandId,
      'attachment.missing',
      `Berkas lampiran belum diunggah ke server (${missing.length}).`,
      `Attachment files have not been uploaded to the server (${missing.length}).`,
    );
  }

  const decided = decide(sop.document, existing?.state, command);
  if (!decided.ok) return { status: 'rejected', commandId, rejection: decided.rejection };
  if (decided.duplicate) return { status: 'duplicate', commandId, events: await eventsOfCommand(tx, commandId) };

  const now = deps.now();
  const events = stamp(decided.events, who, now);
  let state = existing?.state;
  for (const event of events) state = applyEvent(state, event);
  const write: CaseWrite = {
    id: command.caseId,
    sopId: ref.sopId,
    sopRevision: ref.revision,
    sopContentHash: sop.contentHash,
    regionCode: existing?.regionCode ?? who.office.regionCode,
    holderOfficeIds: existing?.holderOfficeIds ?? [who.office.id],
    pathActors: pathActorsOf(state!),
    state: state!,
  };
  if (existing) await updateCase(tx, write, now);
  else await insertCase(tx, write, now);
  // Offices that come to see the case with this command are granted it in the same transaction (the pull feed's
  // re-delivery), before the events: a grant stands for the case up to it, so in the feed the case's history
  // comes first and this command's events after it.
  const officeIds = await grantCaseToOfficesThatMaySee(tx, write.id, write);
  await insertCommandEvents(tx, { caseId: write.id, events, userId: who.user.id, officeId: who.office.id, recordedAt: now, commandId, deviceId: who.deviceId });
  await linkFilesToCase(tx, write.id, files);
  // Delivered only when the transaction commits; a rolled-back push tells no one. The cursor is the feed
  // position of the last row this transaction wrote.
  const notice: Omit<CaseChangeNotice, 'cursor'> = { caseId: write.id, officeIds };
  await tx.query(
    `SELECT pg_notify($1, jsonb_set($2::jsonb, '{cursor}', to_jsonb(pg_current_xact_id()::text || ':' || currval('case_feed_seq')::text))::text)`,
    [CASE_CHANNEL, JSON.stringify(notice)],
  );
  return { status: 'applied', commandId, events };
}

/** The server's stamp: the signed-in user and office as the person, and the time the server took the command. */
function stamp(events: readonly CaseEvent[], who: Pusher, now: Date): CaseEvent[] {
  const person = {
    id: who.user.id,
    name: who.user.name,
    ...(who.user.nip ? { nip: who.user.nip } : {}),
    office: who.office.name,
  };
  const recordedAt = now.toISOString();
  return events.map((event) => ({ ...event, by: { ...event.by, person }, recordedAt }));
}

