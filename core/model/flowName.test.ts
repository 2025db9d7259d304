import { describe, expect, it } from 'vitest';
import { validateSop } from '../validation';
import minimal from '../validation/fixtures/minimal.sop.json';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { flowName, flowNameInSentence } from './flowName';

describe('flowName', () => {
  it('is the title when the flow has one, else its position, never the internal id', () => {
    expect(flowName({ title: 'Pengaduan daring' }, 0)).toEqual({ id: 'Pengaduan daring', en: 'Pengaduan daring' });
    expect(flowName({}, 1)).toEqual({ id: 'Alur 2', en: 'Flow 2' });
    expect(flowName({ title: '  ' }, 2)).toEqual({ id: 'Alur 3', en: 'Flow 3' });
    expect(flowNameInSentence({ title: 'Pengaduan' }, 0)).toEqual({ id: 'Alur "Pengaduan"', en: 'Flow "Pengaduan"' });
    expect(flowNameInSentence({}, 1)).toEqual({ id: 'Alur 2', en: 'Flow 2' });
  });

  it('is how validation messages name a flow', () => {
    const doc = structuredClone(minimal) as SopDocument;
    doc.flows.push({ id: 'f2', lanes: [], steps: [], edges: [] });
    const empty = validateSop(doc).diagnostics.find((d) => d.ruleId === 'flow.empty');
    expect(empty?.message).toEqual({ id: 'Alur 2 belum punya langkah.', en: 'Flow 2 has no steps.' });
  });
});
