import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldEvents, type CaseEvent, type CaseState } from './index';

/**
 * Event logs written by the engine before schema v2 (main at 5ccd6b9): deterministic walks through
 * v1 samples and generated v1 SOPs, with loops, returns to a step and to the applicant, resumes,
 * sign-off chains, a path leaving the SOP, cancellations, and each case's folded state as that
 * engine made it. Events are the record: they must fold to exactly the same states today.
 */
interface Recorded {
  recordedWith: string;
  cases: { sopId: string; events: CaseEvent[]; state: CaseState }[];
}

const log = JSON.parse(readFileSync(new URL('./testing/fixtures/v1-event-log.json', import.meta.url), 'utf8')) as Recorded;

describe('replaying event logs written before schema v2', () => {
  it('covers finished, open, returned and cancelled cases, sign-offs, resumes and a path that left the SOP', () => {
    const statuses = new Set(log.cases.map((c) => c.state.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'finished', 'open', 'returned']);
    const types = new Set(log.cases.flatMap((c) => c.events.map((e) => e.type)));
    expect([...types].sort()).toEqual(['case.cancelled', 'case.finished', 'case.resumed', 'case.returned', 'case.started', 'path.left', 'step.activated', 'step.completed', 'step.signed']);
  });

  it.each(log.cases.map((c) => [`${c.sopId} (${c.state.status})`, c] as const))('%s folds to the same state as before', (_name, recorded) => {
    const state = foldEvents(recorded.events)!;
    // Strictly: no field the v2 engine knows (outcome, joins, scope…) may appear on an old case.
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(recorded.state);
    expect(state.outcome).toBeUndefined();
    expect(state.joins).toBeUndefined();
  });
});
