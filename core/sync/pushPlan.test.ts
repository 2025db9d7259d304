import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../engine';
import { backoffDelay, BACKOFF_CAP_MS } from './backoff';
import { inCaseOrder, nextPushBatch, type Queued } from './pushPlan';

function queued(caseId: string, commandId: string, queuedAt: number, expectedRevision?: number): Queued {
  const command = (expectedRevision === undefined
    ? { type: 'case.start', id: commandId, caseId, at: '2025-06-02T01:00:00.000Z' }
    : { type: 'case.cancel', id: commandId, caseId, at: '2025-06-02T01:00:00.000Z', expectedRevision, reason: 'x' }) as CaseCommand;
  return { commandId, caseId, command, queuedAt };
}

describe('nextPushBatch', () => {
  it('sends one command per case, the first the clerk gave, oldest cases first', () => {
    const outbox = [queued('b', 'b2', 30, 2), queued('a', 'a1', 10), queued('b', 'b1', 20, 1), queued('a', 'a2', 15, 1), queued('c', 'c1', 5, 4)];
    expect(nextPushBatch(outbox).map((q) => q.commandId)).toEqual(['c1', 'a1', 'b1']);
  });

  it('orders a case by revision even when clocks of two tabs disagree', () => {
    const outbox = [queued('a', 'late-clock', 100, 1), queued('a', 'early-clock', 200, 2)];
    expect(inCaseOrder([...outbox].reverse()).map((q) => q.commandId)).toEqual(['late-clock', 'early-clock']);
  });

  it('keeps a batch within the protocol limit', () => {
    const outbox = Array.from({ length: 250 }, (_, i) => queued(`case-${i}`, `cmd-${i}`, i));
    expect(nextPushBatch(outbox)).toHaveLength(100);
    expect(nextPushBatch(outbox, 10).at(-1)!.commandId).toBe('cmd-9');
  });
});

describe('backoffDelay', () => {
  it('doubles from about a second, with jitter in the upper half', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0.5)).toBe(6000);
  });

  it('never waits more than a minute, however long the outage', () => {
    for (const failures of [6, 10, 50, 10_000]) expect(backoffDelay(failures, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(10_000, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});
