// Validation checks a step's arrows out against the step-kind registry
// (core/notation `exits`), the one place that says which arrows each kind
// needs: for every kind and every count from 0 to 3, validation reports an
// exit-count problem exactly when the registry says the count does not fit.
import { describe, expect, it } from 'vitest';
import type { SopDocument, Step } from '../../schemas/generated/sop.types';
import { PALETTE, SYMBOLS, exitsNeeded, type StepKind } from '../notation';
import minimal from './fixtures/minimal.sop.json';
import { validateSop } from './validateSop';

const EXIT_RULES = ['step.exit-count', 'decision.exit-count', 'end.has-exits'];

/** The minimal fixture with step s2 made a `kind` step with `count` arrows out (to s3, s4, s1 in turn, each labelled). */
function withExits(kind: StepKind, count: number, extra: Partial<Step> = {}): SopDocument {
  const doc = structuredClone(minimal) as SopDocument;
  const flow = doc.flows[0]!;
  const s2 = flow.steps[1]!;
  Object.assign(s2, { kind, ...extra }, kind === 'end' ? { outcome: 'selesai' } : {});
  const targets = ['s3', 's4', 's1'];
  flow.edges = [
    ...flow.edges.filter((e) => e.from !== 's2'),
    ...targets.slice(0, count).map((to, i) => ({ id: `x${i}`, from: 's2', to, label: `Pilihan ${i + 1}` })),
  ];
  return doc;
}

const exitProblems = (doc: SopDocument) =>
  validateSop(doc).diagnostics.filter((d) => EXIT_RULES.includes(d.ruleId) && d.pointer === '/flows/0/steps/1').map((d) => d.ruleId);

describe('validation reads the exits each step kind needs from the step-kind registry', () => {
  it.each(PALETTE.map((kind) => ({ kind })))('a $kind step: a problem exactly when its count of arrows out is outside the registry\'s exits', ({ kind }) => {
    const { minOut, maxOut } = SYMBOLS[kind].exits;
    for (let count = 0; count <= 3; count++) {
      const fits = count >= minOut && (maxOut === null || count <= maxOut);
      expect(exitProblems(withExits(kind, count)), `${kind} with ${count} arrows out`).toHaveLength(fits ? 0 : 1);
    }
  });

  it('lets a step the registry allows to fan out take one arrow per lane as a parallel split, and no other kind', () => {
    for (const kind of PALETTE) {
      const needed = exitsNeeded({ kind, split: 'parallel' });
      expect(needed.maxOut === null, kind).toBe(SYMBOLS[kind].exits.fansOut || SYMBOLS[kind].exits.maxOut === null);
      if (SYMBOLS[kind].exits.fansOut) for (const count of [2, 3]) expect(exitProblems(withExits(kind, count, { split: 'parallel' })), `${kind} split with ${count}`).toEqual([]);
    }
  });

  it('checks branch labels only where the registry says the arrows are labelled', () => {
    const unlabelled = (kind: StepKind) => {
      const doc = withExits(kind, 2, kind === 'decision' ? {} : { split: 'parallel' });
      for (const edge of doc.flows[0]!.edges) if (edge.from === 's2') delete edge.label;
      return validateSop(doc).diagnostics.filter((d) => d.ruleId === 'decision.label-missing').length;
    };
    expect(SYMBOLS.decision.exits.labelled).toBe(true);
    expect(unlabelled('decision')).toBe(2);
    expect(SYMBOLS.process.exits.labelled).toBe(false);
    expect(unlabelled('process')).toBe(0);
  });
});
