/**
 * Side channels for back-edges ("Tidak: back to step 4"). A back-edge runs up
 * a channel beside the lanes so it never crosses the symbols of the steps in
 * between. Each back-edge gets a track; two share one only when their row
 * spans are disjoint, and shorter loops take the inner tracks so nested loops
 * nest on paper too.
 */
import type { Side } from './types';
import { TrackSet } from './tracks';

export interface BackEdgeSpan {
  id: string;
  fromBand: number;
  toBand: number;
  fromLane: number;
  toLane: number;
}

export interface ChannelAssignment {
  byEdge: Map<string, { side: Side; track: number }>;
  leftTracks: number;
  rightTracks: number;
}

export function assignChannels(spans: readonly BackEdgeSpan[], laneCount: number): ChannelAssignment {
  const last = Math.max(laneCount - 1, 0);
  const sides = spans.map((span) => {
    // The side whose channel is nearer to both ends, so horizontal runs stay short; ties go left,
    // where the flow usually starts (the applicant's lane).
    const left = span.fromLane + span.toLane;
    const right = 2 * last - span.fromLane - span.toLane;
    return left <= right ? ('left' as const) : ('right' as const);
  });
  const order = spans
    .map((span, i) => ({ span, i, length: Math.abs(span.fromBand - span.toBand) }))
    .sort((a, b) => a.length - b.length || Math.min(a.span.fromBand, a.span.toBand) - Math.min(b.span.fromBand, b.span.toBand) || a.i - b.i);
  const tracks = { left: new TrackSet(), right: new TrackSet() };
  const byEdge = new Map<string, { side: Side; track: number }>();
  for (const { span, i } of order) {
    const side = sides[i]!;
    byEdge.set(span.id, { side, track: tracks[side].place(span.fromBand, span.toBand) });
  }
  return { byEdge, leftTracks: tracks.left.count, rightTracks: tracks.right.count };
}
