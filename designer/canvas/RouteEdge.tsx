import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { DASH, PRESETS } from '../../core/notation';

const ARROW = PRESETS.standar.arrow;
import type { RouteFlowEdge } from './flowElements';

/** Turns the layout's orthogonal polyline into an SVG path. */
export function polylinePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
}

/**
 * An arrow exactly as the layout routed it (orthogonal, back-edges in the
 * side channel), with its branch label beside the diamond's exit.
 */
export const RouteEdge = memo(function RouteEdge({ id, data, selected, markerEnd }: EdgeProps<RouteFlowEdge>) {
  if (!data || data.points.length < 2) return null;
  const label = data.label;
  return (
    <>
      <BaseEdge
        id={id}
        path={polylinePath(data.points)}
        markerEnd={markerEnd}
        className={`route-edge route-edge--${data.kind} ${data.alternative ? 'route-edge--alternative' : ''} ${data.inferred?.includes('target') ? 'route-edge--inferred' : ''} ${selected ? 'route-edge--selected' : ''}`}
        // The registry's arrow ink, as on paper; a selected arrow takes the selection's from designer.css.
        style={{
          ...(selected ? {} : { stroke: ARROW.stroke, strokeWidth: ARROW.width }),
          ...(data.inferred?.includes('target') ? { strokeDasharray: DASH.inferred } : data.alternative ? { strokeDasharray: DASH.alternative } : {}),
        }}
        interactionWidth={12}
      />
      {label && (
        <text
          className={`route-edge__label ${selected ? 'route-edge__label--selected' : ''}`}
          fontSize={label.fontSize}
          textAnchor={label.anchor}
          x={label.anchor === 'start' ? label.x : label.x + label.width}
          y={label.y}
        >
          {label.lines.map((line, i) => (
            <tspan key={i} x={label.anchor === 'start' ? label.x : label.x + label.width} dy={i === 0 ? label.fontSize : label.lineHeight}>
              {line}
            </tspan>
          ))}
        </text>
      )}
    </>
  );
});
