import { useId, useMemo } from 'react';
import type { CaseState } from '../../core/engine';
import { findFlow } from '../../core/engine';
import { computeSwimlaneLayout, type LayoutNode } from '../../core/layout';
import { DASH, PRESETS, symbolSizes } from '../../core/notation';
import { plainTextOf } from '../../core/text/richText';
import type { Flow, SopDocument } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { SymbolGlyph } from '../../ui/notation/SymbolGlyph';

const LANE_W = 96;
const HEADER_H = 24;
/** The registry's symbols at this fraction of their printed size: a map, not a sheet. */
const MAP_SCALE = 0.6;
const INKS = PRESETS.standar;

export interface SwimlaneMapProps {
  sop: SopDocument;
  state: CaseState;
}

/**
 * A small read-only swimlane map: the shared swimlane layout (core/layout)
 * with the registry's symbols (core/notation), as the canvas and the print
 * draw them, only smaller and without the text columns. Active steps are
 * highlighted, done steps marked; a number beside a step counts its visits
 * when it was visited more than once. A plain SVG (no React Flow: the
 * clerk's bundle stays small).
 */
export function SwimlaneMap({ sop, state }: SwimlaneMapProps) {
  const t = useT();
  const arrowId = `rt-map-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const flow = findFlow(sop, state.sop.flowId);
  const layout = useMemo(() => (flow ? mapLayout(sop, flow) : null), [sop, flow]);
  if (!flow || !layout) return null;
  const width = Math.max(layout.width, LANE_W);
  const height = HEADER_H + layout.height + 8;
  const active = new Set(state.visits.filter((v) => v.status === 'active').map((v) => v.stepId));
  const visits = new Map<string, number>();
  for (const v of state.visits) visits.set(v.stepId, (visits.get(v.stepId) ?? 0) + 1);
  const steps = new Map(flow.steps.map((s) => [s.id, s] as const));
  const nodesOfStep = new Map<string, LayoutNode[]>();
  for (const node of layout.nodes) {
    if (node.kind === 'exit') continue;
    nodesOfStep.set(node.stepId, [...(nodesOfStep.get(node.stepId) ?? []), node]);
  }

  return (
    <figure className="rt-map">
      <figcaption className="rt-visually-hidden">{t('runtime.case.mapLabel')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('runtime.case.mapLabel')}>
        <defs>
          <marker id={arrowId} viewBox="0 0 8 8" refX="8" refY="4" markerWidth="5" markerHeight="5" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0 0L8 4L0 8Z" fill={INKS.arrow.stroke} />
          </marker>
        </defs>
        {layout.lanes.map((lane, i) => (
          <g key={lane.index}>
            <rect x={lane.x} y={0} width={lane.width} height={height} className={i % 2 ? 'rt-map__lane rt-map__lane--alt' : 'rt-map__lane'} />
            <text x={lane.x + lane.width / 2} y={14} textAnchor="middle" className="rt-map__lane-label">
              {truncate(lane.label, 16)}
            </text>
          </g>
        ))}
        <g transform={`translate(0 ${HEADER_H})`}>
          <g fill="none" stroke={INKS.arrow.stroke} strokeWidth={1}>
            {layout.edges.map((edge) => (
              <path
                key={edge.id}
                d={edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ')}
                className={edge.kind === 'back' ? 'rt-map__edge rt-map__edge--back' : 'rt-map__edge'}
                markerEnd={`url(#${arrowId})`}
                strokeDasharray={edge.inferred?.includes('target') ? DASH.inferred : edge.alternative ? DASH.alternative : undefined}
              />
            ))}
          </g>
          {flow.steps.map((step) => {
            const nodes = nodesOfStep.get(step.id) ?? [];
            const first = nodes[0];
            if (!first) return null;
            const status = active.has(step.id) ? 'active' : visits.has(step.id) ? 'done' : 'todo';
            const count = visits.get(step.id) ?? 0;
            return (
              <g key={step.id} className={`rt-map__step rt-map__step--${status}`} data-step={step.id} data-status={status}>
                <title>{`${step.number ?? step.id}: ${truncate(plainTextOf(steps.get(step.id)?.text), 80)}`}</title>
                {nodes.map((node) => (
                  <SymbolGlyph key={node.id} node={node} />
                ))}
                {/* A connector shows its letter, not its number. */}
                {first.kind === 'connector' && first.text ? null : (
                  <text x={first.x + first.width / 2} y={first.y + first.height / 2} textAnchor="middle" dominantBaseline="central" className="rt-map__number">
                    {step.number?.replace(/\.$/, '') ?? ''}
                  </text>
                )}
                {count > 1 && (
                  <text x={first.x + first.width + 3} y={first.y - 2} className="rt-map__visits">
                    ×{count}
                  </text>
                )}
              </g>
            );
          })}
          {layout.nodes
            .filter((node) => node.kind === 'exit')
            .map((node) => (
              <SymbolGlyph key={node.id} node={node} className="rt-map__exit" title={node.text} />
            ))}
        </g>
      </svg>
    </figure>
  );
}

/** The canvas's and the print's layout, at map size: no text columns, so rows are as low as their symbols. */
function mapLayout(sop: SopDocument, flow: Flow) {
  return computeSwimlaneLayout(flow, {
    actors: sop.actors,
    laneWidth: LANE_W,
    symbolSizes: symbolSizes(MAP_SCALE),
    textColumns: { kegiatan: 0, kelengkapan: 0, waktu: 0, output: 0, keterangan: 0 },
    labelFontSize: 8,
    exitColumnWidth: 60,
  });
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
