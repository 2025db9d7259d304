/**
 * Numbers collected by the measures (a million visit durations over 100,000
 * cases): a growable Float64Array, so collecting makes no garbage, and
 * nearest-rank percentiles by selection (Hoare's quickselect, linear time)
 * rather than by a full sort.
 */
export class FloatList {
  private data = new Float64Array(16);
  length = 0;

  // Growing is its own method so push stays small enough for the engine to inline into the measures' loops.
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }

  private grow(): void {
    const bigger = new Float64Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }

  /** The values, in the order pushed (a view: valid until the next push). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
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
