/**
 * `POST /api/v1/sync/push` (docs/sync-protocol.md "Case sync"). The server re-runs the
 * engine's `decide` on its own copy of the case: the device's events are
 * never taken on trust. A refusal writes nothing.
 *
 * A push is one transaction, whatever number of commands it carries, or shares one with the pushes that
 * arrived at the same time (pushGroupCommit.ts): the cases they name are locked and read in one call, every
 * command is decided in order in memory (a later command sees what an earlier one did), and what was applied is
 * written in one call and committed once (the two calls are SQL functions, migrations 0006 and 0008). The cost
 * per command is then the engine's, not a dozen round trips and a flush of the WAL (docs/scaling.md).
 */
import { applyEvent, decide, type CaseCommand, type CaseEvent } from '../../core/engine';
import type { LaneRef, Office, PushCommand, PushResult, User } from '../../core/sync/protocol';
import { PG_UNIQUE_VIOLATION, sqlStateOf, type Db, type Queryable } from '../db/db';
import { filesUserMayUse } from '../attachments/attachmentAccess';
import { officeMaySee, pathActorsOf } from './caseVisibility';
import { eventsAfterRevision, eventsOfCommand, readForPush, writePush, type CaseWrite, type CommandAuthor, type StoredCase } from './casesRepo';
import { laneRefusal } from './laneCheck';
import type { SopDocuments } from './sopDocuments';

export const CASE_CHANNEL = 'sop_case_events';

/** What NOTIFY carries: the offices granted a case the push changed (the stream tells only those). */
export interface CaseChangeNotice {
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

const filesOf = ({ command, attachments = [] }: PushCommand) => [...new Set([...attachments, ...filesReferredBy(command)])];

/** One device's push: who is asking, and the commands in the order the device gave them. */
export interface Push {
  who: Pusher;
  commands: readonly PushCommand[];
}

/** One push in a transaction of its own. */
export async function pushCommands(deps: PushDeps, who: Pusher, commands: readonly PushCommand[]): Promise<PushResult[]> {
  return (await pushTogether(deps, [{ who, commands }]))[0]!;
}

/**
 * Several pushes (of any users and offices) in one transaction: decided one after the other in the order given,
 * as if each had its own transaction in that order, and written and committed once. A failure fails them all.
 */
export async function pushTogether(deps: PushDeps, pushes: readonly Push[]): Promise<PushResult[][]> {
  if (pushes.every((push) => push.commands.length === 0)) return pushes.map(() => []);
  try {
    return await deps.db.transaction((tx) => decideAndWrite(deps, tx, pushes));
  } catch (error) {
    // A command id taken meanwhile by a push naming another case id (the insert waited for that push to commit).
    // Asked again, it is a known id, answered like any repeat.
    if (sqlStateOf(error) !== PG_UNIQUE_VIOLATION) throw error;
    return deps.db.transaction((tx) => decideAndWrite(deps, tx, pushes));
  }
}

/** What the batch has applied so far, per case: the state to decide the next command on, and what to write. */
interface Applied {
  commandId: string;
  caseId: string;
  events: CaseEvent[];
  files: string[];
  by: CommandAuthor;
}

class PushBatch {
  readonly applied: Applied[] = [];
  /** Cases as the batch left them (written at the end). */
  readonly changed = new Map<string, CaseWrite>();

  constructor(
    /** Cases as stored when the batch began, by id. */
    readonly stored: Map<string, StoredCase>,
    /** Command ids already taken before the batch, with their case. */
    readonly known: Map<string, string>,
  ) {}

  caseNow(caseId: string): StoredCase | undefined {
    const changed = this.changed.get(caseId);
    if (!changed) return this.stored.get(caseId);
    return { ...changed, revision: changed.state.revision };
  }

  appliedInBatch(commandId: string): Applied | undefined {
    return this.applied.find((a) => a.commandId === commandId);
  }

  /** This batch's events on a case after `revision` (those already stored come from the database). */
  pendingAfter(caseId: string, revision: number): CaseEvent[] {
    return this.applied.filter((a) => a.caseId === caseId).flatMap((a) => a.events.filter((e) => e.revision > revision));
  }
}

async function decideAndWrite(deps: PushDeps, tx: Queryable, pushes: readonly Push[]): Promise<PushResult[][]> {
  const all = pushes.flatMap((push) => push.commands);
  const caseIds = [...new Set(all.map((pushed) => pushed.command.caseId))];
  // A repeated command is answered only if the office may see the case it was taken on: `stored` also holds the
  // cases taken ids name elsewhere (read, not locked: their own pushes lock them).
  const { known, cases: stored } = await readForPush(tx, caseIds, all.map((pushed) => pushed.command.id));
  const batch = new PushBatch(stored, known);
  const now = deps.now();

  const results: PushResult[][] = [];
  for (const push of pushes) {
    const { who, commands } = push;
    const usableFiles = await filesUserMayUse(tx, { userId: who.user.id, office: who.office }, [...new Set(commands.flatMap(filesOf))]);
    const decided: PushResult[] = [];
    // In order: a later command may depend on an earlier one's outcome.
    for (const pushed of commands) decided.push(await decideOne(deps, tx, who, batch, pushed, now, usableFiles));
    results.push(decided);
  }

  if (batch.applied.length === 0) return results;
  // Offices that come to see a case with this push are granted it before its events are written: a grant stands
  // for the case up to it, so in the feed the case's earlier history comes first and this push's events after it.
  await writePush(tx, { cases: [...batch.changed.values()], commands: batch.applied, recordedAt: now }, CASE_CHANNEL);
  return results;
}

async function decideOne(
  deps: PushDeps,
  tx: Queryable,
  who: Pusher,
  batch: PushBatch,
  pushed: PushCommand,
  now: Date,
  usableFiles: ReadonlySet<string>,
): Promise<PushResult> {
  const { command, sop: sopRef } = pushed;
  const commandId = command.id;

  const takenOn = batch.known.get(commandId);
  if (takenOn !== undefined) {
    const taken = batch.caseNow(takenOn);
    if (!taken || !officeMaySee(who.office, taken)) return unknownCase(commandId);
    return { status: 'duplicate', commandId, events: await eventsOfCommand(tx, commandId) };
  }
  const repeated = batch.appliedInBatch(commandId);
  if (repeated) {
    // Taken earlier in the group, maybe by another office's push.
    const taken = batch.caseNow(repeated.caseId);
    if (!taken || !officeMaySee(who.office, taken)) return unknownCase(commandId);
    return { status: 'duplicate', commandId, events: repeated.events };
  }

  const existing = batch.caseNow(command.caseId);
  let ref: { sopId: string; revision: number };
  if (command.type === 'case.start') {
    if (existing) return refuse(commandId, 'case.exists', `Kasus ${command.caseId} sudah ada.`, `Case ${command.caseId} already exists.`);
    if (!sopRef) return refuse(commandId, 'sop.required', 'Perintah memulai kasus harus menyebut revisi SOP.', 'A command starting a case must name the SOP revision.');
    ref = sopRef;
  } else {
    if (!existing || !officeMaySee(who.office, existing)) return unknownCase(commandId);
    if (command.expectedRevision !== existing.revision) {
      const storedRevision = batch.stored.get(existing.id)?.revision ?? 0;
      const fromDb = command.expectedRevision < storedRevision ? await eventsAfterRevision(tx, existing.id, command.expectedRevision) : [];
      return { status: 'stale', commandId, events: [...fromDb, ...batch.pendingAfter(existing.id, Math.max(command.expectedRevision, storedRevision))] };
    }
    ref = { sopId: existing.sopId, revision: existing.sopRevision };
  }

  const sop = await deps.sops.get(tx, ref.sopId, ref.revision);
  if (!sop) return refuse(commandId, 'sop.unknown', `SOP ${ref.sopId} revisi ${ref.revision} belum diterbitkan di server.`, `SOP ${ref.sopId} revision ${ref.revision} is not published on the server.`);

  const lanes = laneRefusal(sop.document, existing?.state, command, who.user.positions, who.office.lanes);
  if (lanes) return { status: 'rejected', commandId, rejection: lanes };

  const files = filesOf(pushed);
  const missing = files.filter((sha) => !usableFiles.has(sha));
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

  const events = stamp(decided.events, who, now);
  let state = existing?.state;
  for (const event of events) state = applyEvent(state, event);
  batch.changed.set(command.caseId, {
    id: command.caseId,
    sopId: ref.sopId,
    sopRevision: ref.revision,
    sopContentHash: sop.contentHash,
    regionCode: existing?.regionCode ?? who.office.regionCode,
    holderOfficeIds: existing?.holderOfficeIds ?? [who.office.id],
    pathActors: pathActorsOf(state!),
    state: state!,
  });
  batch.applied.push({ commandId, caseId: command.caseId, events, files, by: { userId: who.user.id, officeId: who.office.id, deviceId: who.deviceId } });
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
