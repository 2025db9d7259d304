import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packColumn, unpackColumn, type PackedColumn } from './factsPacking';

const bytesOf = (column: PackedColumn) => (ArrayBuffer.isView(column) ? column.byteLength : 0);
const sameValues = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

describe('monev facts packed for storage (factsPacking.ts)', () => {
  it('gives every Float64 column back value for value, NaN, -0, fractions and huge numbers included', () => {
    const value = fc.oneof(fc.double(), fc.integer({ min: -300, max: 70_000 }), fc.constantFrom(NaN, -0, 0, 1_780_619_400_000, 2 ** 31, -(2 ** 31)));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (values) => {
        const column = Float64Array.from(values);
        const back = unpackColumn(structuredClone(packColumn(column)));
        expect(sameValues(back, column)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives every Int32 and flag column back value for value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 60 }), fc.array(fc.integer({ min: -1, max: 300 }), { maxLength: 60 }), (wide, codes) => {
        for (const values of [wide, codes]) {
          const column = Int32Array.from(values);
          const back = unpackColumn(packColumn(column));
          expect(sameValues(back, column)).toBe(true);
          expect(back.BYTES_PER_ELEMENT).toBeLessThanOrEqual(4);
        }
      }),
    );
    const flags = Uint8Array.from([0, 1, 1, 0]);
    expect(unpackColumn(packColumn(flags))).toStrictEqual(flags);
  });

  it('stores small codes in a byte, whole minutes in two, a constant or empty column in none, and times as they are', () => {
    const n = 1_000;
    const codes = Int32Array.from({ length: n }, (_, i) => (i % 40) - 1);
    const minutes = Float64Array.from({ length: n }, (_, i) => i * 7);
    const nothing = new Float64Array(n).fill(NaN);
    const times = Float64Array.from({ length: n }, (_, i) => 1_780_619_400_123 + i * 60_001);
    const fractions = Float64Array.from({ length: n }, (_, i) => i / 3);
    expect(bytesOf(packColumn(codes))).toBe(n);
    expect(bytesOf(packColumn(minutes))).toBe(2 * n);
    expect(bytesOf(packColumn(nothing))).toBe(0);
    expect(bytesOf(packColumn(times))).toBe(8 * n);
    expect(bytesOf(packColumn(fractions))).toBe(8 * n);
    // Read back, the empty column is NaN throughout in 4-byte slots, and a constant code in 1-byte ones.
    expect(unpackColumn(packColumn(nothing))).toStrictEqual(new Float32Array(n).fill(NaN));
    expect(unpackColumn(packColumn(new Int32Array(n).fill(22)))).toStrictEqual(new Uint8Array(n).fill(22));
  });
});
