import { describe, expect, it } from 'vitest';
import { validateSop } from '../core/validation';
import { generateSop } from './generateSop';

describe('generateSop (benchmark input)', () => {
  it('produces a valid SOP of the requested size, so benchmarks measure the happy path', () => {
    const doc = generateSop({ steps: 500, lanes: 12 });
    expect(doc.flows[0]!.steps).toHaveLength(500);
    expect(doc.flows[0]!.lanes).toHaveLength(12);
    const errors = validateSop(doc).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });
});
