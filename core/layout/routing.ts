/**
 * Orthogonal arrow routing on the swimlane grid.
 *
 * The grid makes routing simple and safe: a band (row) holds the symbols of
 * one step only, every symbol has the same size and sits centred in its lane
 * and band. So three kinds of strip are always free of symbols:
 * - the corridors above and below the symbol band of each row (horizontal runs),
 * - the gutters between a lane's symbol and the lane's borders (vertical runs),
 * - the side channels left and right of the lanes (back-edges).
 * An arrow runs vertically in a lane's centre only where no symbol sits in
 * that lane in the rows it passes, and otherwise moves to a gutter. Parallel
 * runs in one strip get separate tracks.
 */
import { simplifyPolyline } from './geometry';
import type { ResolvedLayoutOptions } from './options';
import { TrackSet, stripOffsets } from './tracks';
import type {
  EdgeKind,
  LayoutBand,
  LayoutColumn,
  LayoutEdge,
  LayoutLane,
  LayoutNode,
  Point,
  Port,
  Side,
} from './types';

export interface RoutingScene {
  lanes: readonly LayoutLane[];
  bands: readonly LayoutBand[];
  nodes: readonly LayoutNode[];
  channels: { left: LayoutColumn | null; right: LayoutColumn | null };
  options: ResolvedLayoutOptions;
}

export interface EdgeRequest {
  id: string;
  sourceEdgeId: string | null;
  kind: EdgeKind;
  from: string;
  to: string;
  label?: string;
  channel?: { side: Side; track: number };
  alternative?: boolean;
}

/** Gap between parallel runs in a gutter or corridor. */
const RUN_GAP = 4;

export function channelTrackX(scene: RoutingScene, side: Side, track: number): number {
  const gap = scene.options.trackGap;
  const channel = scene.channels[side];
  if (!channel) throw new Error(`back-edge assigned to a ${side} channel that has no width`);
  // Track 0 is the one nearest the lanes; outer tracks hold the longer loops.
  return side === 'left' ? channel.x + channel.width - (track + 1) * gap : channel.x + (track + 1) * gap;
}

export function routeEdges(scene: RoutingScene, requests: readonly EdgeRequest[]): LayoutEdge[] {
  const router = new Router(scene);
  return router.route(requests);
}

class Router {
  private readonly byId = new Map<string, LayoutNode>();
  private readonly bandNodes: LayoutNode[][];
  /** laneCount[lane][band + 1] = symbols in `lane` in bands 0..band (prefix sums). */
  private readonly laneCount: Int32Array[];
  private readonly usedPorts = new Map<string, Set<Port>>();
  private readonly strips = new Map<string, { set: TrackSet; offsets: number[] }>();
  /** The tallest symbol of each band: symbols differ in height, and corridors lie above and below the tallest. */
  private readonly bandSymbolHeight: number[];

  constructor(private readonly scene: RoutingScene) {
    this.bandNodes = scene.bands.map(() => []);
    for (const node of scene.nodes) {
      this.byId.set(node.id, node);
      this.bandNodes[node.band]?.push(node);
    }
    this.bandSymbolHeight = this.bandNodes.map((nodes) => (nodes.length > 0 ? Math.max(...nodes.map((n) => n.height)) : scene.options.symbolHeight));
    this.laneCount = scene.lanes.map(() => new Int32Array(scene.bands.length + 1));
    for (const node of scene.nodes) {
      if (node.lane >= 0 && node.lane < scene.lanes.length) this.laneCount[node.lane]![node.band + 1]! += 1;
    }
    for (const counts of this.laneCount) for (let band = 0; band < scene.bands.length; band++) counts[band + 1]! += counts[band]!;
  }

  route(requests: readonly EdgeRequest[]): LayoutEdge[] {
    const valid = requests.filter((r) => this.byId.has(r.from) && this.byId.has(r.to));
    const chains = valid.filter((r) => r.kind === 'chain');
    const others = valid.filter((r) => r.kind !== 'chain');
    const results = new Map<EdgeRequest, Point[]>();
    // Chain arrows first: they fix the sides of the symbols they join, which exits must then avoid.
    for (const request of chains) results.set(request, this.routeChain(request));
    for (const request of others) {
      const source = this.byId.get(request.from)!;
      if (!source.split || request.kind !== 'forward') continue;
      this.splitTargets.set(source.id, [...(this.splitTargets.get(source.id) ?? []), this.byId.get(request.to)!]);
    }
    const exits = this.assignExitPorts(others);
    for (const request of others) {
      const port = exits.get(request)!;
      results.set(request, this.routeOne(request, port));
    }
    return valid.map((request) => {
      const edge: LayoutEdge = {
        id: request.id,
        sourceEdgeId: request.sourceEdgeId,
        kind: request.kind,
        from: request.from,
        to: request.to,
        points: simplifyPolyline(results.get(request)!),
      };
      if (request.channel) edge.channel = request.channel;
      if (request.alternative) edge.alternative = true;
      return edge;
    });
  }

  // --- ports -------------------------------------------------------------

  private ports(nodeId: string): Set<Port> {
    let set = this.usedPorts.get(nodeId);
    if (!set) this.usedPorts.set(nodeId, (set = new Set()));
    return set;
  }

  /**
   * One exit per side of a symbol where possible: the arrow to the nearest
   * later row leaves from the bottom, other branches from the side facing
   * their target (or their back-edge channel), which is where the label goes.
   */
  private assignExitPorts(requests: readonly EdgeRequest[]): Map<EdgeRequest, Port> {
    const bySource = new Map<string, EdgeRequest[]>();
    for (const request of requests) {
      const list = bySource.get(request.from) ?? [];
      list.push(request);
      bySource.set(request.from, list);
    }
    const result = new Map<EdgeRequest, Port>();
    for (const [from, list] of bySource) {
      const source = this.byId.get(from)!;
      const forward = list.filter((r) => r.kind === 'forward');
      const main = forward.reduce<EdgeRequest | null>(
        (best, r) => (best === null || this.byId.get(r.to)!.band < this.byId.get(best.to)!.band ? r : best),
        null,
      );
      const ordered = main ? [main, ...list.filter((r) => r !== main)] : list;
      const used = this.ports(from);
      for (const request of ordered) {
        const wishes = this.portWishes(request, source, request === main);
        const port = wishes.find((p) => !used.has(p)) ?? wishes[0]!;
        used.add(port);
        result.set(request, port);
      }
    }
    return result;
  }

  private portWishes(request: EdgeRequest, source: LayoutNode, isMain: boolean): Port[] {
    // A parallel split fans out from its bar: every forward arrow leaves from the bottom, as one bus.
    if (source.split && request.kind === 'forward') return ['bottom'];
    if (request.kind === 'back') {
      const side = request.channel?.side ?? 'left';
      return [side, 'bottom', opposite(side)];
    }
    if (request.kind === 'leave') return ['right', 'bottom', 'left'];
    const target = this.byId.get(request.to)!;
    const toward: Side = target.lane < source.lane ? 'left' : 'right';
    return isMain ? ['bottom', toward, opposite(toward)] : [toward, opposite(toward), 'bottom'];
  }

  // --- strips ------------------------------------------------------------

  private strip(key: string, width: number): { set: TrackSet; offsets: number[] } {
    let strip = this.strips.get(key);
    if (!strip) {
      const offsets = stripOffsets(width, RUN_GAP);
      strip = { set: new TrackSet(offsets.length), offsets };
      this.strips.set(key, strip);
    }
    return strip;
  }

  /** y of a horizontal run in the corridor above or below the symbols of `band`, over [x0, x1]. */
  private corridorY(band: number, where: 'top' | 'bottom', x0: number, x1: number): number {
    const b = this.scene.bands[band]!;
    const { corridor } = this.scene.options;
    const free = (b.height - this.bandSymbolHeight[band]!) / 2;
    // Keep runs near the symbols even in tall rows, so arrows read as joining them.
    const width = Math.max(2, Math.min(free, 2 * corridor));
    const strip = this.strip(`corridor:${band}:${where}`, width);
    const offset = strip.offsets[strip.set.place(x0, x1)]!;
    return where === 'top' ? b.y + free - width + offset : b.y + b.height - free + offset;
  }

  /** x of a vertical run in a lane's gutter (beside its symbols), over [y0, y1]. */
  private gutterX(lane: number, side: Side, y0: number, y1: number): number {
    const l = this.scene.lanes[lane]!;
    const width = (l.width - this.scene.options.symbolWidth) / 2;
    const strip = this.strip(`gutter:${lane}:${side}`, width);
    const offset = strip.offsets[strip.set.place(y0, y1)]!;
    return side === 'left' ? l.x + offset : l.x + l.width - width + offset;
  }

  /** The gutter that makes the shortest detour between two x positions. */
  private nearestGutter(fromX: number, toX: number, y0: number, y1: number): number {
    let best: { lane: number; side: Side; cost: number } | null = null;
    for (const lane of this.scene.lanes) {
      for (const side of ['left', 'right'] as const) {
        const g = (lane.width - this.scene.options.symbolWidth) / 2;
        const x = side === 'left' ? lane.x + g / 2 : lane.x + lane.width - g / 2;
        const cost = Math.abs(x - fromX) + Math.abs(x - toX);
        if (!best || cost < best.cost - 1e-9) best = { lane: lane.index, side, cost };
      }
    }
    return this.gutterX(best!.lane, best!.side, y0, y1);
  }

  // --- occupancy ---------------------------------------------------------

  /** No symbol in `lane` in the bands strictly between `a` and `b`. */
  private laneFree(lane: number, a: number, b: number): boolean {
    if (lane < 0 || lane >= this.laneCount.length) return false;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo <= 1) return true;
    const counts = this.laneCount[lane]!;
    return counts[hi]! - counts[lo + 1]! === 0;
  }

  /** No symbol of `band` other than `except` overlaps the horizontal span [x0, x1]. */
  private horizontalFree(band: number, x0: number, x1: number, except: readonly LayoutNode[]): boolean {
    const lo = Math.min(x0, x1);
    const hi = Math.max(x0, x1);
    return this.bandNodes[band]!.every((n) => except.includes(n) || n.x + n.width <= lo || n.x >= hi);
  }

  // --- routes ------------------------------------------------------------

  private routeChain(request: EdgeRequest): Point[] {
    const a = this.byId.get(request.from)!;
    const b = this.byId.get(request.to)!;
    const rightward = b.x > a.x;
    const ay = a.y + a.height / 2;
    const startX = rightward ? a.x + a.width : a.x;
    const endX = rightward ? b.x : b.x + b.width;
    if (a.band === b.band && this.horizontalFree(a.band, startX, endX, [a, b])) {
      this.ports(a.id).add(rightward ? 'right' : 'left');
      this.ports(b.id).add(rightward ? 'left' : 'right');
      return [
        { x: startX, y: ay },
        { x: endX, y: b.y + b.height / 2 },
      ];
    }
    // Another symbol of the chain lies between: pass under the chain, in the row's lower corridor.
    this.ports(a.id).add('bottom');
    this.ports(b.id).add('bottom');
    const ax = a.x + a.width / 2;
    const bx = b.x + b.width / 2;
    const y = this.corridorY(a.band, 'bottom', ax, bx);
    return [
      { x: ax, y: a.y + a.height },
      { x: ax, y },
      { x: bx, y },
      { x: bx, y: b.y + b.height },
    ];
  }

  private routeOne(request: EdgeRequest, port: Port): Point[] {
    const source = this.byId.get(request.from)!;
    const target = this.byId.get(request.to)!;
    switch (request.kind) {
      case 'back':
        return this.routeBack(request, source, target, port);
      case 'leave':
        return this.routeLeave(source, target, port);
      default:
        return this.routeForward(source, target, port);
    }
  }

  /** y of a split's fan-out bus: one run under the split, across every lane its arrows go to. */
  private readonly fanOutY = new Map<string, number>();

  private fanOutBus(s: LayoutNode): number {
    let y = this.fanOutY.get(s.id);
    if (y === undefined) {
      const xs = [s.x + s.width / 2, ...(this.splitTargets.get(s.id) ?? []).map((t) => t.x + t.width / 2)];
      y = this.corridorY(s.band, 'bottom', Math.min(...xs), Math.max(...xs));
      this.fanOutY.set(s.id, y);
    }
    return y;
  }

  /** The targets of each split's forward arrows, known before routing so the bus spans them all. */
  private splitTargets = new Map<string, LayoutNode[]>();

  private routeForward(s: LayoutNode, t: LayoutNode, port: Port): Point[] {
    const tx = t.x + t.width / 2;
    const tTop = t.y;
    const entry = { x: tx, y: tTop };
    if (port === 'bottom' && s.split && Math.abs(s.x + s.width / 2 - tx) > 1e-6 && this.laneFree(t.lane, s.band, t.band)) {
      // Down the split's trunk to its bus, along the bus, down the target's lane.
      const sx = s.x + s.width / 2;
      const bus = this.fanOutBus(s);
      return [{ x: sx, y: s.y + s.height }, { x: sx, y: bus }, { x: tx, y: bus }, entry];
    }
    if (port === 'bottom') {
      const sx = s.x + s.width / 2;
      const start = { x: sx, y: s.y + s.height };
      if (this.laneFree(s.lane, s.band, t.band)) {
        if (Math.abs(sx - tx) < 1e-6) return [start, entry];
        const y = this.corridorY(t.band, 'top', sx, tx);
        return [start, { x: sx, y }, { x: tx, y }, entry];
      }
      const below = this.corridorY(s.band, 'bottom', sx, tx);
      if (this.laneFree(t.lane, s.band, t.band)) return [start, { x: sx, y: below }, { x: tx, y: below }, entry];
      const above = this.corridorY(t.band, 'top', sx, tx);
      const gx = this.nearestGutter(sx, tx, below, above);
      return [start, { x: sx, y: below }, { x: gx, y: below }, { x: gx, y: above }, { x: tx, y: above }, entry];
    }
    const side: Side = port === 'left' ? 'left' : 'right';
    const sy = s.y + s.height / 2;
    const start = { x: side === 'left' ? s.x : s.x + s.width, y: sy };
    const beyond = side === 'left' ? tx < s.x : tx > s.x + s.width;
    if (beyond && this.horizontalFree(s.band, start.x, tx, [s]) && this.laneFree(t.lane, s.band, t.band)) {
      // The classic branch: out of the diamond's side, along the row, down into the target.
      return [start, { x: tx, y: sy }, entry];
    }
    const above = this.corridorY(t.band, 'top', start.x, tx);
    const gx = this.gutterX(s.lane, side, sy, above);
    return [start, { x: gx, y: sy }, { x: gx, y: above }, { x: tx, y: above }, entry];
  }

  private routeBack(request: EdgeRequest, s: LayoutNode, t: LayoutNode, port: Port): Point[] {
    const channel = request.channel ?? { side: 'left' as const, track: 0 };
    const cx = channelTrackX(this.scene, channel.side, channel.track);
    const points: Point[] = [];
    // Out of the source, to the channel.
    if (port === 'bottom') {
      const sx = s.x + s.width / 2;
      const below = this.corridorY(s.band, 'bottom', sx, cx);
      points.push({ x: sx, y: s.y + s.height }, { x: sx, y: below }, { x: cx, y: below });
    } else {
      const side: Side = port === 'left' ? 'left' : 'right';
      const sy = s.y + s.height / 2;
      const startX = side === 'left' ? s.x : s.x + s.width;
      if (side === channel.side && this.horizontalFree(s.band, startX, cx, [s])) {
        points.push({ x: startX, y: sy }, { x: cx, y: sy });
      } else {
        const below = this.corridorY(s.band, 'bottom', startX, cx);
        const gx = this.gutterX(s.lane, side, sy, below);
        points.push({ x: startX, y: sy }, { x: gx, y: sy }, { x: gx, y: below }, { x: cx, y: below });
      }
    }
    // Up the channel and into the target: from the side when nothing is in the way, else from above.
    const entrySide = channel.side;
    const ty = t.y + t.height / 2;
    const sideX = entrySide === 'left' ? t.x : t.x + t.width;
    const used = this.ports(t.id);
    const lastY = points[points.length - 1]!.y;
    if (!used.has(entrySide) && this.horizontalFree(t.band, cx, sideX, [t]) && Math.abs(lastY - ty) > 1e-6) {
      used.add(entrySide);
      points.push({ x: cx, y: ty }, { x: sideX, y: ty });
    } else {
      const tx = t.x + t.width / 2;
      const above = this.corridorY(t.band, 'top', cx, tx);
      points.push({ x: cx, y: above }, { x: tx, y: above }, { x: tx, y: t.y });
    }
    return points;
  }

  private routeLeave(s: LayoutNode, exit: LayoutNode, port: Port): Point[] {
    const sy = s.y + s.height / 2;
    const ey = exit.y + exit.height / 2;
    if (port === 'right' && this.horizontalFree(s.band, s.x + s.width, exit.x, [s, exit]) && Math.abs(sy - ey) < 1e-6) {
      return [
        { x: s.x + s.width, y: sy },
        { x: exit.x, y: sy },
      ];
    }
    const ex = exit.x + exit.width / 2;
    const points: Point[] = [];
    let x: number;
    if (port === 'bottom') {
      x = s.x + s.width / 2;
      points.push({ x, y: s.y + s.height });
    } else {
      const side: Side = port === 'left' ? 'left' : 'right';
      const startX = side === 'left' ? s.x : s.x + s.width;
      const below = s.y + s.height + 1;
      x = this.gutterX(s.lane, side, sy, below);
      points.push({ x: startX, y: sy }, { x, y: sy });
    }
    const below = this.corridorY(s.band, 'bottom', x, ex);
    points.push({ x, y: below }, { x: ex, y: below }, { x: ex, y: exit.y + exit.height });
    return points;
  }
}

function opposite(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}
