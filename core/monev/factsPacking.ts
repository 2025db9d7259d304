/**
 * A FactsTable as it is stored: each column in the narrowest typed array
 * that holds every one of its values exactly, or as one value repeated.
 *
 * Why: opening the dashboard reads one SOP's facts from IndexedDB, and the
 * read takes time in proportion to the bytes (about 1 s for 150 MB at 100,000
 * cases). Most columns hold small codes or counts in Int32 or Float64 slots,
 * and some are empty in a whole chunk (no wait step, no sign-off), so packing
 * them cuts the bytes read. Unpacking keeps the narrow arrays as they are
 * (FactsTable's IntColumn and NumberColumn allow them): widening would
 * allocate the 100 MB again, and fresh memory that size took longer than
 * the bytes saved (300 ms measured in Chromium).
 *
 * Lossless by construction: a column is narrowed only when every value
 * converts back to itself (NaN and -0 included).
 */
import { FACTS_COLUMN_KINDS, type FactsTable, type NumberColumn } from './factsTable';

type Narrow = Uint8Array | Int8Array | Uint16Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** One column: a narrow copy, or `same` repeated `length` times. */
export type PackedColumn = Narrow | { same: number; length: number };

type Group = keyof typeof FACTS_COLUMN_KINDS;

export interface PackedFactsTable {
  strings: string[];
  cases: number;
  visits: number;
  returns: number;
  joinWaits: number;
  columns: { [G in Group]: Record<string, PackedColumn> };
}

const GROUPS = Object.keys(FACTS_COLUMN_KINDS) as Group[];

/** The integer typed arrays, narrowest first, with the values each holds. */
const INTEGER_ARRAYS: { min: number; max: number; make: (values: ArrayLike<number>) => Narrow }[] = [
  { min: 0, max: 0xff, make: (v) => new Uint8Array(v) },
  { min: -0x80, max: 0x7f, make: (v) => new Int8Array(v) },
  { min: 0, max: 0xffff, make: (v) => new Uint16Array(v) },
  { min: -0x8000, max: 0x7fff, make: (v) => new Int16Array(v) },
  { min: -0x80000000, max: 0x7fffffff, make: (v) => new Int32Array(v) },
];

/** Whether `x` is an Int32 that an integer array gives back as itself: NaN, fractions and -0 are not. */
const isInt32 = (x: number): boolean => (x | 0) === x && !Object.is(x, -0);

/** The narrowest integer array holding every value from `min` to `max` (both Int32). */
const integerArrayFor = (min: number, max: number) => INTEGER_ARRAYS.find((a) => min >= a.min && max <= a.max)!;

export function packColumn(values: NumberColumn): PackedColumn {
  const n = values.length;
  if (n === 0) return { same: 0, length: 0 };
  const first = values[0]!;
  let same = true;
  let integers = true;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (same && !Object.is(x, first)) same = false;
    // NaN, fractions, -0 and numbers beyond Int32 stay in 64 bits.
    if (integers && !isInt32(x)) integers = false;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (same) return { same: first, length: n };
  if (integers) return integerArrayFor(min, max).make(values);
  return values instanceof Float64Array ? values : new Float64Array(values);
}

/**
 * The column as the measures read it: a narrow array as stored, or the repeated value in the narrowest array
 * that holds it. Repeated values are views of one filled array per value, shared by every chunk and grown when
 * a longer one is asked: columns are never written once encoded, and a few allocations instead of one per
 * column and chunk spare the collector, which made unpacking 100,000 cases take 200 ms in Chromium.
 */
export function unpackColumn(column: PackedColumn): NumberColumn {
  if (ArrayBuffer.isView(column)) return column;
  const { same, length } = column;
  const key = Object.is(same, -0) ? '-0' : String(same);
  let filled = FILLED.get(key);
  if (!filled || filled.length < length) {
    // Bounded: a chunk's few repeated values (codes, NaN, its month) recur in the next chunks.
    if (FILLED.size >= 64) FILLED.clear();
    filled = filledArray(same, Math.max(length, 2 * (filled?.length ?? 0)));
    FILLED.set(key, filled);
  }
  return filled.subarray(0, length);
}

const FILLED = new Map<string, NumberColumn>();

function filledArray(same: number, length: number): NumberColumn {
  if (isInt32(same)) return integerArrayFor(same, same).make({ length }).fill(same);
  // Float32 holds NaN exactly, in half the bytes.
  return (Number.isNaN(same) ? new Float32Array(length) : new Float64Array(length)).fill(same);
}

export function packFactsTable(table: FactsTable): PackedFactsTable {
  const columns = {} as PackedFactsTable['columns'];
  for (const group of GROUPS) {
    const packed: Record<string, PackedColumn> = {};
    for (const [name, values] of Object.entries(table[group])) packed[name] = packColumn(values);
    columns[group] = packed;
  }
  const { strings, cases, visits, returns, joinWaits } = table;
  return { strings, cases, visits, returns, joinWaits, columns };
}

/** The table packFactsTable was given, value for value; throws when a column is missing (a damaged row). */
export function unpackFactsTable(packed: PackedFactsTable): FactsTable {
  const groups = {} as Record<Group, Record<string, NumberColumn>>;
  for (const group of GROUPS) {
    const out: Record<string, NumberColumn> = {};
    for (const name of Object.keys(FACTS_COLUMN_KINDS[group])) {
      const column = packed.columns[group]?.[name];
      if (column === undefined) throw new Error(`Packed monev facts lack the column ${group}.${name}`);
      out[name] = unpackColumn(column);
    }
    groups[group] = out;
  }
  const { strings, cases, visits, returns, joinWaits } = packed;
  return { strings, cases, visits, returns, joinWaits, ...(groups as unknown as Pick<FactsTable, Group>) };
}
