import type { CaseState } from '../../core/engine';
import { findFlow } from '../../core/engine';
import type { SopDocument, Step } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';

const LANE_W = 96;
const ROW_H = 30;
const HEADER_H = 34;
const SHAPE_W = 40;
const SHAPE_H = 18;

export interface SwimlaneMapProps {
  sop: SopDocument;
  state: CaseState;
}

/**
 * A small read-only swimlane map: one column per lane, one row per step, the
 * symbol in its first actor's lane. Active steps are highlighted, done steps
 * filled; a number beside a step counts its visits when it was visited more
 * than once. A plain SVG (no React Flow: the clerk's bundle stays small).
 */
export function SwimlaneMap({ sop, state }: SwimlaneMapProps) {
  const t = useT();
  const flow = findFlow(sop, state.sop.flowId);
  if (!flow) return null;
  const laneIds = [...flow.lanes, ...(flow.externalActors ?? []).filter((a) => !flow.lanes.includes(a))];
  const laneIndex = new Map(laneIds.map((id, i) => [id, i]));
  const width = Math.max(1, laneIds.length) * LANE_W;
  const height = HEADER_H + flow.steps.length * ROW_H + 8;
  const center = (step: Step, row: number) => {
    const lane = laneIndex.get(step.actors[0]?.actor ?? '') ?? 0;
    return { x: lane * LANE_W + LANE_W / 2, y: HEADER_H + row * ROW_H + ROW_H / 2 };
  };
  const rowOf = new Map(flow.steps.map((s, i) => [s.id, i]));
  const active = new Set(state.visits.filter((v) => v.status === 'active').map((v) => v.stepId));
  const visits = new Map<string, number>();
  for (const v of state.visits) visits.set(v.stepId, (visits.get(v.stepId) ?? 0) + 1);
  const label = (id: string) => sop.actors.find((a) => a.id === id)?.label ?? id;

  return (
    <figure className="rt-map">
      <figcaption className="rt-visually-hidden">{t('runtime.case.mapLabel')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('runtime.case.mapLabel')}>
        {laneIds.map((id, i) => (
          <g key={id}>
            <rect x={i * LANE_W} y={0} width={LANE_W} height={height} className={i % 2 ? 'rt-map__lane rt-map__lane--alt' : 'rt-map__lane'} />
            <text x={i * LANE_W + LANE_W / 2} y={14} textAnchor="middle" className="rt-map__lane-label">
              {truncate(label(id), 16)}
            </text>
          </g>
        ))}
        {flow.edges.map((edge) => {
          const from = rowOf.get(edge.from);
          const to = edge.to === undefined ? undefined : rowOf.get(edge.to);
          if (from === undefined || to === undefined) return null;
          const a = center(flow.steps[from]!, from);
          const b = center(flow.steps[to]!, to);
          // A loop back runs out to the right of the lane so it never crosses later symbols.
          const d = to <= from ? `M${a.x + SHAPE_W / 2},${a.y} h12 V${b.y} H${b.x + SHAPE_W / 2}` : `M${a.x},${a.y + SHAPE_H / 2} V${(a.y + b.y) / 2} H${b.x} V${b.y - SHAPE_H / 2}`;
          return <path key={edge.id} d={d} className={to <= from ? 'rt-map__edge rt-map__edge--back' : 'rt-map__edge'} />;
        })}
        {flow.steps.map((step, row) => {
          const { x, y } = center(step, row);
          const status = active.has(step.id) ? 'active' : visits.has(step.id) ? 'done' : 'todo';
          const count = visits.get(step.id) ?? 0;
          return (
            <g key={step.id} className={`rt-map__step rt-map__step--${status}`} data-step={step.id} data-status={status}>
              <title>{`${step.number ?? step.id}: ${truncate(step.text, 80)}`}</title>
              {shape(step.kind, x, y)}
              <text x={x} y={y + 4} textAnchor="middle" className="rt-map__number">
                {step.number?.replace(/\.$/, '') ?? ''}
              </text>
              {count > 1 && (
                <text x={x + SHAPE_W / 2 + 4} y={y - 4} className="rt-map__visits">
                  ×{count}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function shape(kind: Step['kind'], x: number, y: number) {
  const w = SHAPE_W;
  const h = SHAPE_H;
  switch (kind) {
    case 'start':
    case 'end':
      return <rect x={x - w / 2} y={y - h / 2} width={w} height={h} rx={h / 2} />;
    case 'decision':
      return <polygon points={`${x},${y - h / 2 - 3} ${x + w / 2},${y} ${x},${y + h / 2 + 3} ${x - w / 2},${y}`} />;
    case 'connector':
      return <polygon points={`${x - 9},${y - 8} ${x + 9},${y - 8} ${x + 9},${y + 3} ${x},${y + 9} ${x - 9},${y + 3}`} />;
    default:
      return <rect x={x - w / 2} y={y - h / 2} width={w} height={h} />;
  }
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
