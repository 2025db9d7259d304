/**
 * The pure core of case sync: how a device's copy of a case takes in the
 * server's events, and what becomes of the commands still queued for it.
 *
 * The server is the authority. Its events replace the device's events of the
 * same id (ids are deterministic, `${commandId}:${index}`, so the same command
 * always makes the same ids), and the device's own unconfirmed events (those
 * of queued commands) are dropped and made again by re-deciding each queued
 * command, in order, on the server's state. A queued command therefore ends
 * in exactly one of three places:
 * - `applied`: the server already holds it (a push whose answer was lost);
 * - `resend`: it still decides on the new state (its expectedRevision updated);
 * - `review`: the engine (or the server) refuses it; kept whole with the reason.
 * Nothing is dropped.
 *
 * No DOM, no database: the runtime's storage applies the result in one
 * transaction, and the server's tests can run the same function.
 */
import { applyEvent, decide, type CaseCommand, type CaseEvent, type CaseState, type DecideOptions, type LocalizedText } from '../engine';
import type { SopDocument } from '../../schemas/generated/sop.types';

/** Why a command was refused: the engine's rejection, or the server's (whose codes go beyond the engine's). */
export interface SyncRejection {
  code: string;
  message: LocalizedText;
  details?: Record<string, LocalizedText>;
}

/** A command the device could not keep in the case: the clerk's input and why it no longer applies. */
export interface ReviewItem {
  command: CaseCommand;
  rejection: SyncRejection;
  /** Who refused it: the server on push, or the engine while rebasing on the server's events. */
  source: 'server' | 'rebase';
}

export interface RebaseInput {
  /** The SOP revision the case runs on; needed only when commands are queued. */
  sop?: SopDocument;
  /** Every event of the case on this device (confirmed and unconfirmed), in any order. */
  localEvents: readonly CaseEvent[];
  /** Events from the server: a stale push's answer, or pulled events. */
  serverEvents: readonly CaseEvent[];
  /** The case's queued commands, in the order the clerk gave them. */
  queued: readonly CaseCommand[];
  /** Commands the server refused outright, by command id: they go to review without being re-decided. */
  refused?: ReadonlyMap<string, SyncRejection>;
  decideOptions?: DecideOptions;
}

export interface RebaseResult {
  /** The case's events as the device should now hold them, in order. */
  events: CaseEvent[];
  /** The fold of `events`; undefined when there is no case at all (a refused start with nothing from the server). */
  state: CaseState | undefined;
  /** Queued commands to push again, in order, with their expectedRevision set on the new state. */
  resend: CaseCommand[];
  /** Ids of queued commands the server's events already hold. */
  applied: string[];
  review: ReviewItem[];
}

/** Position of an event within its command (`${commandId}:${index}`). */
export function eventIndexOf(event: Pick<CaseEvent, 'id'>): number {
  const index = Number(event.id.slice(event.id.lastIndexOf(':') + 1));
  return Number.isInteger(index) ? index : 0;
}

/** Case order: by revision, then by position within the command. */
export function compareEvents(a: CaseEvent, b: CaseEvent): number {
  return a.revision - b.revision || eventIndexOf(a) - eventIndexOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The device's confirmed events with the server's laid over them: a server
 * event replaces the local one of the same id, and a local event whose
 * revision the server gave to another command is dropped (the server's
 * history wins where the two disagree).
 */
export function mergeServerEvents(local: readonly CaseEvent[], serverEvents: readonly CaseEvent[]): CaseEvent[] {
  // The same event may come twice (a page pulled again, a case delivered whole to an office that just came to see it).
  const server = [...new Map(serverEvents.map((e) => [e.id, e])).values()];
  const serverIds = new Set(server.map((e) => e.id));
  const commandAtRevision = new Map<number, string>();
  for (const event of server) commandAtRevision.set(event.revision, event.commandId);
  const kept = local.filter((event) => {
    if (serverIds.has(event.id)) return false;
    const owner = commandAtRevision.get(event.revision);
    return owner === undefined || owner === event.commandId;
  });
  return [...kept, ...server].sort(compareEvents);
}

/** Folds events in case order. */
export function foldCaseEvents(events: readonly CaseEvent[]): CaseState | undefined {
  let state: CaseState | undefined;
  for (const event of [...events].sort(compareEvents)) state = applyEvent(state, event);
  return state;
}

/** The same command, asked again on the given state: only the revision it expects changes. */
function onState(command: CaseCommand, state: CaseState | undefined): CaseCommand {
  if (command.type === 'case.start') return command;
  return { ...command, expectedRevision: state?.revision ?? 0 };
}

export function rebaseCase(input: RebaseInput): RebaseResult {
  const queuedIds = new Set(input.queued.map((c) => c.id));
  // The device's own unconfirmed events are remade below, on the server's history.
  const confirmed = input.localEvents.filter((e) => !queuedIds.has(e.commandId));
  const events = mergeServerEvents(confirmed, input.serverEvents);
  let state = foldCaseEvents(events);
  const result: RebaseResult = { events, state, resend: [], applied: [], review: [] };

  for (const command of input.queued) {
    if (state?.commandIds.includes(command.id)) {
      result.applied.push(command.id);
      continue;
    }
    const refusal = input.refused?.get(command.id);
    if (refusal) {
      result.review.push({ command, rejection: refusal, source: 'server' });
      continue;
    }
    if (!input.sop) {
      result.review.push({ command, rejection: NO_SOP, source: 'rebase' });
      continue;
    }
    const again = onState(command, state);
    const decided = decide(input.sop, state, again, input.decideOptions);
    if (!decided.ok) {
      result.review.push({ command, rejection: decided.rejection, source: 'rebase' });
      continue;
    }
    for (const event of decided.events) state = applyEvent(state, event);
    events.push(...decided.events);
    result.resend.push(again);
  }
  result.state = state;
  return result;
}

const NO_SOP: SyncRejection = {
  code: 'sop.missing',
  message: {
    id: 'Revisi SOP kasus ini tidak ada di perangkat, sehingga perintah tidak dapat diperiksa ulang.',
    en: "This case's SOP revision is not on the device, so the command cannot be checked again.",
  },
};
