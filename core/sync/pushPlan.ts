/**
 * Which queued commands go in the next push.
 *
 * At most one command per case is in flight. A revision number says how many
 * commands a case has taken, not which: if command A (expecting revision 3)
 * came back stale because another office wrote revision 4, a command B that
 * this device decided after A (expecting 4) would pass the server's revision
 * check on a state its clerk never saw. Sending B only once A is confirmed
 * means every expectedRevision the server sees refers to a state both sides
 * hold. Cases are independent, so a batch still carries many cases at once.
 */
import type { CaseCommand } from '../engine';
import { PUSH_BATCH_MAX } from './protocol';

export interface Queued {
  commandId: string;
  caseId: string;
  command: CaseCommand;
  /** When the command was committed on this device (ms). */
  queuedAt: number;
}

/** Order within one case: the start first, then by the revision each command expects (it grows by one per command). */
function caseOrder(a: Queued, b: Queued): number {
  const rank = (q: Queued) => (q.command.type === 'case.start' ? -1 : q.command.expectedRevision);
  return rank(a) - rank(b) || a.queuedAt - b.queuedAt || (a.commandId < b.commandId ? -1 : 1);
}

/** The oldest queued command of each case, oldest cases first, at most `max`. */
export function nextPushBatch<T extends Queued>(outbox: readonly T[], max: number = PUSH_BATCH_MAX): T[] {
  const firstOfCase = new Map<string, T>();
  for (const row of outbox) {
    const seen = firstOfCase.get(row.caseId);
    if (!seen || caseOrder(row, seen) < 0) firstOfCase.set(row.caseId, row);
  }
  return [...firstOfCase.values()].sort((a, b) => a.queuedAt - b.queuedAt || (a.commandId < b.commandId ? -1 : 1)).slice(0, max);
}

/** The queued commands of one case in the order they were given. */
export function inCaseOrder<T extends Queued>(rows: readonly T[]): T[] {
  return [...rows].sort(caseOrder);
}
