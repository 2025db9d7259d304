import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSop } from '../validation';
import { decide, foldEvents, type CaseCommand } from './index';
import { allowedCommands } from './testing/allowedCommands';
import { CaseDriver, type CommandInput } from './testing/caseDriver';
import { consistencyProblems } from './testing/consistency';
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

function run(sop: Parameters<typeof allowedCommands>[0], choices: { pick: number; bad: number; kind: number }[]) {
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
  it('generates SOPs the validator accepts without errors', () => {
    fc.assert(
      fc.property(arbitrarySop, (sop) => {
        const errors = validateSop(sop).diagnostics.filter((d) => d.severity === 'error');
        expect(errors).toEqual([]);
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
