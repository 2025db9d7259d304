import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../../schemas/generated/validate-sop-schema.js';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { applyEvent, decide, foldEvents, type CaseCommand, type CaseEvent, type CaseState } from './index';
import { allowedCommands } from './testing/allowedCommands';
import { CaseDriver, type CommandInput } from './testing/caseDriver';
import { consistencyProblems } from './testing/consistency';
import { arbitraryParallelSop } from './testing/generateParallelSop';
import { arbitrarySop } from './testing/generateSop';

/**
 * A walk: at each turn pick one of the allowed commands (by index), or try a disallowed one.
 * `kind` weights the choice so walks go far: mostly progress (complete, choose, sign, resume),
 * sometimes a return, rarely a cancel (which ends the walk).
 */
const walk = fc.array(fc.record({ pick: fc.nat(), bad: fc.nat({ max: 9 }), kind: fc.nat({ max: 29 }) }), { minLength: 1, maxLength: 40 });

function choose(options: CommandInput[], kind: number): CommandInput[] {
  const cancels = options.filter((o) => o.type === 'case.cancel');
  const returns = options.filter((o) => o.type === 'case.return');
  const progress = options.filter((o) => o.type !== 'case.cancel' && o.type !== 'case.return');
  if (kind === 0 && cancels.length) return cancels;
  if (kind <= 3 && returns.length) return returns;
  return progress.length ? progress : options;
}

function run(sop: SopDocument, choices: { pick: number; bad: number; kind: number }[]) {
  const d = new CaseDriver(sop, 'case-p');
  d.ok({ type: 'case.start', fields: { nama: 'Pemohon' } });
  const rejectedStates: [unknown, unknown][] = [];
  for (const { pick, bad, kind } of choices) {
    const state = d.current;
    if (bad === 0) {
      // A disallowed command: a stale revision, or a step that is not active. It must change nothing.
      const stale = d.build({ type: 'case.cancel', reason: 'x', expectedRevision: state.revision - 1 });
      const result = decide(sop, state, stale);
      rejectedStates.push([result.ok, false]);
      const inactive = sop.flows[0]!.steps.find((s) => !state.visits.some((v) => v.stepId === s.id && v.status === 'active'));
      if (inactive && state.status === 'open') {
        const r = d.run({ type: 'step.complete', stepId: inactive.id });
        rejectedStates.push([r.ok, false]);
      }
      expect(d.current).toBe(state);
      continue;
    }
    const all = allowedCommands(sop, state);
    if (all.length === 0) break;
    const options = choose(all, kind);
    const result = d.run(options[pick % options.length]!);
    if (!result.ok) throw new Error(`allowed command refused: ${result.rejection.code} ${result.rejection.message.en}`);
    expect(consistencyProblems(sop, d.current, d.events)).toEqual([]);
  }
  return { d, rejectedStates };
}

describe('case engine properties (generated SOPs)', () => {
  it('generates SOPs valid against the schema', () => {
    fc.assert(
      fc.property(fc.oneof(arbitrarySop, arbitraryParallelSop), (sop) => {
        validate(sop);
        expect(validate.errors ?? []).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the state consistent under any sequence of allowed commands, and refuses disallowed ones without change', () => {
    fc.assert(
      fc.property(arbitrarySop, walk, (sop, choices) => {
        const { rejectedStates } = run(sop, choices);
        for (const [ok, expected] of rejectedStates) expect(ok).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('walks far enough to finish cases, loop, sign off, return and leave the SOP', () => {
    const seen = { finished: 0, loops: 0, signed: 0, returnedToApplicant: 0, returnedToStep: 0, left: 0 };
    fc.assert(
      fc.property(arbitrarySop, walk, (sop, choices) => {
        const { d } = run(sop, choices);
        const s = d.current;
        if (s.status === 'finished') seen.finished++;
        if (s.visits.some((v) => v.visitNo > 1)) seen.loops++;
        if (s.visits.some((v) => v.signatures.length > 0)) seen.signed++;
        if (s.returns.some((r) => 'applicant' in r.to)) seen.returnedToApplicant++;
        if (s.returns.some((r) => 'stepId' in r.to)) seen.returnedToStep++;
        if (s.leftTo.length) seen.left++;
      }),
      { numRuns: 300, seed: 20250602 },
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(5);
  });

  it('rebuilds the same snapshot by replaying the events, at every revision', () => {
    fc.assert(
      fc.property(arbitrarySop, walk, (sop, choices) => {
        const { d } = run(sop, choices);
        expect(foldEvents(d.events)).toEqual(d.current);
        // Any prefix ending on a command boundary is the state after that command.
        const lastRevision = d.current.revision;
        for (let r = 1; r <= lastRevision; r++) {
          const prefix = d.events.filter((e) => e.revision <= r);
          expect(foldEvents(prefix)!.revision).toBe(r);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when any command is repeated', () => {
    fc.assert(
      fc.property(arbitrarySop, walk, fc.nat(), (sop, choices, which) => {
        const { d } = run(sop, choices);
        const before = d.current;
        const all: CaseCommand[] = d.commands;
        const repeated = all[which % all.length]!;
        const result = decide(sop, before, repeated);
        expect(result).toEqual({ ok: true, events: [], duplicate: true });
        for (const command of all) expect(decide(sop, before, command)).toMatchObject({ ok: true, events: [] });
      }),
      { numRuns: 200 },
    );
  });
});

/** Steps from which `to` can be reached without passing through `avoid` (plain graph search, independent of the engine). */
function canReach(sop: SopDocument, from: string, to: string, avoid: string): boolean {
  const edges = sop.flows[0]!.edges;
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id) || id === avoid) continue;
    seen.add(id);
    for (const e of edges) if (e.from === id && e.to !== undefined) stack.push(e.to);
  }
  return false;
}

/**
 * Checks every join release of a run against the state just before it: a join of a region activation
 * (the split visit `forkId`) goes on only when no path of that activation that could still get there is
 * active, and only with paths that arrived in that activation (after its split), never stale ones.
 */
function joinProblems(sop: SopDocument, events: readonly CaseEvent[]): string[] {
  const problems: string[] = [];
  let state: CaseState | undefined;
  for (const event of events) {
    if (event.type === 'join.released' && state) {
      if (event.forced) problems.push(`${event.stepId} was released by force`);
      const split = state.visits.find((v) => v.id === event.forkId)!;
      const wait = state.joins!.find((w) => w.stepId === event.stepId && w.forkId === event.forkId)!;
      for (const v of state.visits) {
        if (v.status === 'active' && (v.scope ?? []).includes(event.forkId) && canReach(sop, v.stepId, event.stepId, split.stepId)) {
          problems.push(`${event.stepId} went on while ${v.id} of ${event.forkId} could still arrive`);
        }
      }
      for (const arrival of wait.arrivals) {
        const from = state.visits.find((v) => v.id === arrival.visitId)!;
        if (from.seq < split.seq) problems.push(`${event.stepId} counted ${from.id}, from before its split ${split.id}`);
      }
    }
    state = applyEvent(state, event);
  }
  return problems;
}

/** Regions take several commands per round: longer walks get through loops back into them. */
const longWalk = fc.array(fc.record({ pick: fc.nat(), bad: fc.nat({ max: 9 }), kind: fc.nat({ max: 29 }) }), { minLength: 20, maxLength: 120 });

describe('parallel regions (generated SOPs)', () => {
  it('never hangs and never lets a join go on early, in any completion order, with loops, returns, skips and sign-offs', () => {
    const seen = { joined: 0, rounds: 0, withdrawn: 0, rejected: 0, skipped: 0, finished: 0 };
    fc.assert(
      fc.property(arbitraryParallelSop, longWalk, (sop, choices) => {
        const { d } = run(sop, choices);
        expect(joinProblems(sop, d.events)).toEqual([]);
        expect(foldEvents(d.events)).toEqual(d.current);
        if (d.current.status === 'open') expect(allowedCommands(sop, d.current).some((c) => c.type !== 'case.cancel' && c.type !== 'case.return')).toBe(true);
        const s = d.current;
        if (s.visits.some((v) => v.via === 'join')) seen.joined++;
        if (s.visits.some((v) => v.via === 'join' && v.visitNo > 1)) seen.rounds++;
        if (s.visits.some((v) => v.status === 'withdrawn')) seen.withdrawn++;
        if (s.outcome === 'ditolak') seen.rejected++;
        if (s.visits.some((v) => v.skipped)) seen.skipped++;
        if (s.status === 'finished') seen.finished++;
      }),
      { numRuns: 250, seed: 20261203 },
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(3);
  });

  it('always finishes when the clerks only go forward, whatever order the lanes finish in', () => {
    fc.assert(
      fc.property(arbitraryParallelSop, fc.array(fc.nat(), { minLength: 200, maxLength: 200 }), (sop, picks) => {
        const d = new CaseDriver(sop, 'case-forward');
        d.ok({ type: 'case.start', fields: { nama: 'Pemohon' } });
        for (const pick of picks) {
          if (d.current.status !== 'open') break;
          // Going forward: "Ya" at every decision, no returns, no skips; any active lane may be the one that acts.
          const forward = allowedCommands(sop, d.current).filter(
            (c) => (c.type === 'step.complete' && !('output' in c)) || c.type === 'step.signOff' || (c.type === 'branch.choose' && sop.flows[0]!.edges.find((e) => e.id === c.edgeId)?.label === 'Ya'),
          );
          expect(forward.length, `stuck with ${d.activeStepIds().join(', ')} active`).toBeGreaterThan(0);
          d.ok(forward[pick % forward.length]!);
        }
        expect(d.current).toMatchObject({ status: 'finished', outcome: 'selesai' });
        expect(joinProblems(sop, d.events)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
