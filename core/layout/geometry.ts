import type { Point, Rect } from './types';

/** Drops repeated points and the middle of three collinear points, so every segment is a real turn. */
export function simplifyPolyline(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 1e-6 && Math.abs(last.y - p.y) < 1e-6) continue;
    out.push({ x: round(p.x), y: round(p.y) });
    while (out.length >= 3) {
      const [a, b, c] = [out[out.length - 3]!, out[out.length - 2]!, out[out.length - 1]!];
      const collinear = (a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y);
      if (!collinear) break;
      out.splice(out.length - 2, 1);
    }
  }
  return out;
}

/** Layout coordinates are kept to 1/100 px so results are stable across platforms. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function rectsIntersect(a: Rect, b: Rect, tolerance = 0): boolean {
  return (
    a.x < b.x + b.width - tolerance &&
    b.x < a.x + a.width - tolerance &&
    a.y < b.y + b.height - tolerance &&
    b.y < a.y + a.height - tolerance
  );
}

/**
 * Whether the segment a-b passes through the inside of `box` (shrunk by
 * `inset`, so a segment that only touches the border, as an arrow ending on a
 * symbol does, is not counted).
 */
export function segmentCrossesRect(a: Point, b: Point, box: Rect, inset = 0.5): boolean {
  const left = box.x + inset;
  const right = box.x + box.width - inset;
  const top = box.y + inset;
  const bottom = box.y + box.height - inset;
  if (left >= right || top >= bottom) return false;
  const minX = Math.min(a.x, b.x);
  const maxX = Math.max(a.x, b.x);
  const minY = Math.min(a.y, b.y);
  const maxY = Math.max(a.y, b.y);
  return maxX > left && minX < right && maxY > top && minY < bottom;
}

export function isOrthogonal(points: readonly Point[]): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.x !== b.x && a.y !== b.y) return false;
  }
  return true;
}
