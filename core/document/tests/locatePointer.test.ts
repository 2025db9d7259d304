import { describe, expect, it } from 'vitest';
import { validateSop } from '../../validation';
import { command } from '../commands/registry';
import { locatePointer } from '../locatePointer';
import { run, sample } from './support';

describe('locatePointer', () => {
  const doc = sample('kra-pbi-jk-pbpu');

  it.each([
    ['/flows/0/steps/2/waktu/raw', { kind: 'step', flowId: 'main', id: 's3', field: 'waktu/raw' }],
    ['/flows/0/steps/2', { kind: 'step', flowId: 'main', id: 's3' }],
    ['/flows/0/edges/1/label', { kind: 'edge', flowId: 'main', id: 'e2', field: 'label' }],
    ['/flows/0/lanes/2', { kind: 'lane', flowId: 'main', id: 'kasi' }],
    ['/flows/0/sections/0/beforeStep', { kind: 'section', flowId: 'main', id: 'sec1', field: 'beforeStep' }],
    ['/flows/0/statedTotal/raw', { kind: 'flow', flowId: 'main', id: 'main', field: 'statedTotal/raw' }],
    ['/flows/0/steps', { kind: 'flow', flowId: 'main', id: 'main', field: 'steps' }],
    ['/flows/0/steps/99', { kind: 'flow', flowId: 'main', id: 'main', field: 'steps' }],
    ['/flows/0', { kind: 'flow', flowId: 'main', id: 'main' }],
    ['/identity/dates/pengesahan/raw', { kind: 'identity', field: 'dates/pengesahan/raw' }],
    ['/caseFields/1/step', { kind: 'caseField', id: 'nik', field: 'step' }],
    ['/headerBlocks/dasarHukum/0', { kind: 'field', field: 'headerBlocks/dasarHukum/0' }],
    ['', { kind: 'field', field: '' }],
    ['/flows/7/steps/0', { kind: 'field', field: 'flows' }],
  ])('%s → %j', (pointer, expected) => {
    expect(locatePointer(doc, pointer)).toEqual(expected);
  });

  it('locates every diagnostic of a broken document on an element that exists', () => {
    const broken = run(doc, command('edge.remove', { flowId: 'main', edgeId: 'e3' })).doc;
    const diagnostics = validateSop(broken).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      const located = locatePointer(broken, d.pointer);
      if (located.kind === 'step') expect(broken.flows[0]!.steps.some((s) => s.id === located.id)).toBe(true);
    }
    expect(diagnostics.map((d) => locatePointer(broken, d.pointer))).toContainEqual({ kind: 'step', flowId: 'main', id: 's3' });
  });

  it('locates an actor as its lane', () => {
    const index = doc.actors.findIndex((a) => a.id === 'kasi');
    expect(locatePointer(doc, `/actors/${index}/label`)).toEqual({ kind: 'lane', id: 'kasi', flowId: 'main', field: 'label' });
  });

  it('unescapes ~0 and ~1 in pointer segments', () => {
    expect(locatePointer(doc, '/extensions/a~1b~0c')).toEqual({ kind: 'field', field: 'extensions/a/b~c' });
  });
});
