import { describe, expect, it } from 'vitest';
import { validate } from '../../../schemas/generated/validate-sop-schema.js';
import { allV2Sops } from './v2Sops';

describe('crafted v2 SOP documents', () => {
  it.each(Object.entries(allV2Sops()))('%s is valid against the v2 schema', (_name, sop) => {
    const ok = validate(sop);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('the schema check itself', () => {
  it('refuses an end without its outcome and a split on a decision', () => {
    const noOutcome = allV2Sops()['rejection']!;
    delete noOutcome.flows[0]!.steps.find((s) => s.kind === 'end')!.outcome;
    expect(validate(noOutcome)).toBe(false);
    const splitDecision = allV2Sops()['fanOut']!;
    splitDecision.flows[0]!.steps.find((s) => s.id === 'lengkap')!.split = 'parallel';
    expect(validate(splitDecision)).toBe(false);
  });
});
