/**
 * Where a revision the designer published stands with the server, and how
 * each answer moves it on. Pure: the designer's sender (designer/publish/
 * serverPublisher.ts) stores the result, and the same rules are unit-tested
 * here without a browser.
 *
 * A revision is never lost: only the server's "yes" (201, or 200 for the same
 * content again) makes it `sent`, and only an answer that will never change
 * (409 other content under that number, 422 a document the server refuses)
 * makes it `refused`. Everything else (no network, 5xx, 429, the session
 * ended, the role gone) leaves it `pending`, to be sent again.
 */
import type { LocalizedText } from '../engine';
import { backoffDelay } from './backoff';
import type { PublishedRevision } from './protocol';

export type ServerPublicationState = 'pending' | 'sent' | 'refused';

export interface ServerPublicationStatus {
  state: ServerPublicationState;
  /** When the drafter published it (ISO). */
  queuedAt: string;
  /** Failed attempts in a row (for backoff); reset by no answer that counts. */
  attempts: number;
  /** Not before this time (ms since epoch); 0 = at the next chance. */
  nextAttemptAt: number;
  /** Why the last attempt did not get through (pending only): shown beside "menunggu". */
  lastProblem?: LocalizedText;
  /** The server's record, once accepted. */
  accepted?: PublishedRevision;
  /** The server's refusal, final. */
  refusal?: { code: string; status: number; message: LocalizedText };
}

/** What one attempt came back with, as the sender classifies it. */
export type ServerPublicationAnswer =
  | { kind: 'accepted'; revision: PublishedRevision }
  /** A 4xx that another attempt would meet again: 409 `revision.conflict`, 422 `sop.invalid` … */
  | { kind: 'refused'; status: number; code: string; message: LocalizedText }
  /** No answer, 5xx, 429: the server may take it later. */
  | { kind: 'unreachable'; message: LocalizedText }
  /** The session ended or the account may not publish (any more): it waits for a publisher to sign in. */
  | { kind: 'needsPublisher'; message: LocalizedText };

export function queuedForServer(queuedAt: string): ServerPublicationStatus {
  return { state: 'pending', queuedAt, attempts: 0, nextAttemptAt: 0 };
}

/** Codes of refusals that waiting does not change; every other 4xx is treated like them too, except these. */
const WAIT_FOR_PUBLISHER_CODES = new Set(['role.forbidden', 'session.required', 'session.invalid', 'csrf.invalid']);

/** Sorts a refusal: a missing role or session waits for a publisher; anything else a 4xx says is final. */
export function classifyRefusal(status: number, code: string, message: LocalizedText): ServerPublicationAnswer {
  if (status === 401 || WAIT_FOR_PUBLISHER_CODES.has(code)) return { kind: 'needsPublisher', message };
  if (status === 429 || status >= 500) return { kind: 'unreachable', message };
  return { kind: 'refused', status, code, message };
}

export function nextServerPublicationStatus(
  current: ServerPublicationStatus,
  answer: ServerPublicationAnswer,
  now: number,
  random: () => number = Math.random,
): ServerPublicationStatus {
  const { lastProblem: _problem, ...rest } = current;
  switch (answer.kind) {
    case 'accepted':
      return { ...rest, state: 'sent', attempts: 0, nextAttemptAt: 0, accepted: answer.revision };
    case 'refused':
      return { ...rest, state: 'refused', nextAttemptAt: 0, refusal: { code: answer.code, status: answer.status, message: answer.message } };
    case 'unreachable':
      return { ...rest, state: 'pending', attempts: current.attempts + 1, nextAttemptAt: now + backoffDelay(current.attempts, random), lastProblem: answer.message };
    case 'needsPublisher':
      // Not a failure of the server: it goes out as soon as a publisher signs in, with no backoff to sit out.
      return { ...rest, state: 'pending', nextAttemptAt: 0, lastProblem: answer.message };
  }
}

/** Whether the sender should try this one now. */
export function isDue(status: ServerPublicationStatus, now: number): boolean {
  return status.state === 'pending' && status.nextAttemptAt <= now;
}
