import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, composePatches, diffDocuments, invertPatch, PatchConflictError } from '../patch';
import { deepFreeze } from '../publish';

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object'), tie('keyed')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'id', 'actor', 'c'), tie('value'), { maxKeys: 4 }),
  keyed: fc.array(fc.record({ id: fc.constantFrom('x', 'y', 'z', 'w'), v: tie('value') }), { maxLength: 4 }),
})).value;

describe('patches', () => {
  it('diff then apply turns any JSON value into any other, and the inverse turns it back', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const before = deepFreeze(structuredClone({ root: a }));
        const after = deepFreeze(structuredClone({ root: b }));
        const patch = diffDocuments(before, after);
        expect(JSON.stringify(applyPatch(before, patch))).toBe(JSON.stringify(after));
        expect(JSON.stringify(applyPatch(after, invertPatch(patch)))).toBe(JSON.stringify(before));
      }),
      { numRuns: 500 },
    );
  });

  it('restores the key order of an object whose keys were removed and added back', () => {
    const before = { id: 's1', number: '1', kind: 'process', text: 'a', remarks: 'r' };
    const after = { id: 's1', kind: 'process', text: 'a' };
    const patch = diffDocuments(before, after);
    expect(Object.keys(applyPatch(after, invertPatch(patch)))).toEqual(Object.keys(before));
  });

  it('keeps the key order of an object whose keys only moved (found by the property above, seed 863498875)', () => {
    for (const [a, b] of [
      [{ b: null, id: {} }, { id: null, b: [] }],
      [{ a: 1, b: 2 }, { b: 2, a: 1 }],
    ] as const) {
      const patch = diffDocuments({ root: a }, { root: b });
      expect(JSON.stringify(applyPatch({ root: a }, patch))).toBe(JSON.stringify({ root: b }));
      expect(JSON.stringify(applyPatch({ root: b }, invertPatch(patch)))).toBe(JSON.stringify({ root: a }));
    }
  });

  it('refuses to apply where the document no longer holds what the patch expects', () => {
    const patch = diffDocuments({ a: 'x' }, { a: 'y' });
    expect(() => applyPatch({ a: 'z' }, patch)).toThrow(PatchConflictError);
    const splice = diffDocuments({ list: [{ id: 'a' }] }, { list: [{ id: 'a' }, { id: 'b' }] });
    expect(() => applyPatch({ list: [] }, invertPatch(splice))).toThrow(PatchConflictError);
  });

  it('collapses consecutive edits of one field into one op', () => {
    const first = diffDocuments({ t: 'a' }, { t: 'ab' });
    const second = diffDocuments({ t: 'ab' }, { t: 'abc' });
    expect(composePatches(first, second)).toEqual([{ op: 'set', path: ['t'], before: 'a', after: 'abc' }]);
  });

  it('records an insertion into a keyed list as one splice, not a rewrite of the list', () => {
    const steps = [{ id: 's1' }, { id: 's2' }, { id: 's3' }];
    const patch = diffDocuments({ steps }, { steps: [steps[0], { id: 'new' }, steps[1], steps[2]] });
    expect(patch).toEqual([{ op: 'splice', path: ['steps'], index: 1, removed: [], inserted: [{ id: 'new' }] }]);
  });
});
