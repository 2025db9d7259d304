/**
 * Parallel tracks in a strip (a side channel, a lane gutter, a row corridor):
 * two runs share a track only when their spans do not overlap, so parallel
 * arrows never lie on top of each other.
 */
export class TrackSet {
  private readonly tracks: Array<Array<readonly [number, number]>> = [];

  /** @param capacity how many tracks fit; beyond it runs share the least busy fitting track. */
  constructor(private readonly capacity: number = Number.POSITIVE_INFINITY) {}

  get count(): number {
    return this.tracks.length;
  }

  /** The lowest track free over [from, to] (closed interval), opening a new one if needed. */
  place(from: number, to: number): number {
    const a = Math.min(from, to);
    const b = Math.max(from, to);
    for (let t = 0; t < this.tracks.length; t++) {
      const runs = this.tracks[t]!;
      if (runs.every(([x, y]) => b < x || y < a)) {
        runs.push([a, b]);
        return t;
      }
    }
    if (this.tracks.length < this.capacity) {
      this.tracks.push([[a, b]]);
      return this.tracks.length - 1;
    }
    // Out of room: share the track with the fewest runs (a rare crowding, never a crossing of symbols).
    let best = 0;
    for (let t = 1; t < this.tracks.length; t++) if (this.tracks[t]!.length < this.tracks[best]!.length) best = t;
    this.tracks[best]!.push([a, b]);
    return best;
  }
}

/**
 * Offsets of the tracks of a strip `width` wide, centre first, then
 * alternating either side, each `gap` apart and at least `gap / 2` inside.
 */
export function stripOffsets(width: number, gap: number): number[] {
  const centre = width / 2;
  const offsets = [centre];
  for (let k = 1; ; k++) {
    const lower = centre - k * gap;
    const upper = centre + k * gap;
    if (lower < gap / 2 || upper > width - gap / 2) break;
    offsets.push(lower, upper);
  }
  return offsets;
}
