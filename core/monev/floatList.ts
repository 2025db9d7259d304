/**
 * Numbers collected by the measures (a million visit durations over 100,000
 * cases): a growable Float64Array, so collecting makes no garbage, and
 * nearest-rank percentiles by selection (Hoare's quickselect, linear time)
 * rather than by a full sort.
 */
export class FloatList {
  private data = borrowFloats(16);
  length = 0;

  // Growing is its own method so push stays small enough for the engine to inline into the measures' loops.
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  private grow(): void {
    const bigger = borrowFloats(this.data.length * 2);
    bigger.set(this.data);
    returnFloats(this.data);
    this.data = bigger;
  }

  /** The values, in the order pushed (a view: valid until the next push, or until the list is released). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  /** Gives the buffer back to the pool; the list is empty after, and earlier views must not be read. */
  release(): void {
    returnFloats(this.data);
    this.data = borrowFloats(16);
    this.length = 0;
  }
}

/** The lists of one computation, released together when it is done (see the pool below). */
export class FloatListArena {
  private lists: FloatList[] = [];

  list(): FloatList {
    const list = new FloatList();
    this.lists.push(list);
    return list;
  }

  release(): void {
    for (const list of this.lists) list.release();
    this.lists = [];
  }
}

/**
 * Buffers of released lists, by length (powers of two), for the next computation. Why: a filter change
 * collects a million durations in lists that double as they grow, and in Chromium allocating those
 * buffers afresh took a quarter of the measure (each large ArrayBuffer is fresh, zeroed memory). Bounded,
 * so an idle dashboard keeps at most this much.
 */
const SPARE_BYTES_MAX = 64 * 1024 * 1024;
const spare = new Map<number, Float64Array[]>();
let spareBytes = 0;

/** A buffer of `length` (a power of two) whose contents are unspecified. */
export function borrowFloats(length: number): Float64Array {
  const free = spare.get(length)?.pop();
  if (!free) return new Float64Array(length);
  spareBytes -= free.byteLength;
  return free;
}

export function returnFloats(buffer: Float64Array): void {
  if (buffer.length < 1024 || spareBytes + buffer.byteLength > SPARE_BYTES_MAX) return;
  spareBytes += buffer.byteLength;
  const same = spare.get(buffer.length);
  if (same) same.push(buffer);
  else spare.set(buffer.length, [buffer]);
}

/** The power of two at least `n` (and at least 16): the lengths the pool deals in. */
export function floatsLengthFor(n: number): number {
  let length = 16;
  while (length < n) length *= 2;
  return length;
}

/**
 * Rearranges `values[lo..hi]` so that position `k` holds the value a sort
 * would put there, smaller-or-equal ones before it and greater-or-equal after.
 */
export function selectInPlace(values: Float64Array, k: number, lo = 0, hi = values.length - 1): number {
  while (hi > lo) {
    // Median of three as the pivot: sorted or constant runs (common in durations) stay linear.
    const mid = (lo + hi) >>> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
