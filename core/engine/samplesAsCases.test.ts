// Issue 11's acceptance: every sample runs as a case on the engine, on every
// flow it has, from the start to an end (the v2 samples as committed, which
// core/migrations/v1ToV2.test.ts shows are what their v1 forms migrate into).
import { describe, expect, it } from 'vitest';
import { loadSamples } from '../../samples/loadSamples.node';
import { caseOutcome, foldEvents } from './index';
import { consistencyProblems } from './testing/consistency';
import { runForward } from './testing/runForward';

const samples = loadSamples();

describe('every sample runs as a case', () => {
  it('has 30 samples; those without a flowchart are the stubs marked incomplete', () => {
    expect(samples).toHaveLength(30);
    for (const doc of samples.filter((d) => d.flows.length === 0)) expect(doc.completeness?.status, doc.id).toBe('incomplete');
  });

  it.each(samples.filter((d) => d.flows.length > 0).map((doc) => ({ id: doc.id, doc })))('$id: each flow runs from its start to an end, and the events fold back to the state', ({ doc }) => {
    for (const flow of doc.flows) {
      const driver = runForward(doc, { flowId: flow.id });
      expect(driver.current.status, `${doc.id} ${flow.id}`).toBe('finished');
      expect(caseOutcome(driver.current)).toBeDefined();
      expect(consistencyProblems(doc, driver.current, driver.events)).toEqual([]);
      expect(foldEvents(driver.events)).toEqual(driver.state);
      // Every visit done (or skipped), none left active.
      expect(driver.current.visits.filter((v) => v.status === 'active')).toEqual([]);
    }
  });
});
