import { describe, expect, it } from 'vitest';
import { loadSample, loadSamples, sampleIds } from './index';
import * as node from './loadSamples.node';

describe('samples/index (the Vite loader the browser apps use)', () => {
  it('bundles the same documents that are on disk, in sampleIds order', () => {
    const bundled = loadSamples();
    expect(bundled.map((d) => d.id)).toEqual([...sampleIds]);
    expect(bundled).toEqual(node.loadSamples());
  });

  it('finds one sample by id and answers undefined for an unknown id', () => {
    expect(loadSample('bwi-spm-online')?.identity.number).toBe('660/04/429.109/2024');
    expect(loadSample('no-such-sop')).toBeUndefined();
    expect(node.loadSample('no-such-sop')).toBeUndefined();
    expect(node.loadSample('../package')).toBeUndefined();
  });
});
