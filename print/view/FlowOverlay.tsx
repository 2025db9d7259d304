import { useId } from 'react';
import type { LayoutEdge, LayoutNode } from '../../core/layout/types';
import { wrapText } from '../../core/layout/textMetrics';
import { DASH, PRESETS, type NotationPreset } from '../../core/notation';
import { FlowSymbol } from './FlowSymbol';

export interface FlowOverlayProps {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
  width: number;
  height: number;
  /** Accessible name of each symbol, by node id (the step text, a connector's meaning). */
  titles?: ReadonlyMap<string, string>;
  /** Inks of the symbols, arrows and labels (core/notation); Standar when absent. */
  preset?: NotationPreset;
  className?: string;
}

/**
 * The flowchart drawn over the actor columns of the table: arrows first, then
 * symbols on top, then branch labels. Coordinates are the layout's; shapes
 * and inks are the step-kind registry's.
 */
export function FlowOverlay({ nodes, edges, width, height, titles, preset = 'standar', className }: FlowOverlayProps) {
  const arrowId = `arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const inks = PRESETS[preset];
  return (
    <svg
      className={className ? `flow-overlay ${className}` : 'flow-overlay'}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      overflow="visible"
      data-preset={preset}
    >
      <defs>
        <marker id={arrowId} viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6.5" markerHeight="6.5" markerUnits="userSpaceOnUse" orient="auto">
          <path d="M0 0L8 4L0 8Z" fill={inks.arrow.stroke} />
        </marker>
      </defs>
      <g fill="none" stroke={inks.arrow.stroke} strokeWidth={inks.arrow.width} strokeLinejoin="round">
        {edges.map((edge) => (
          <path
            key={edge.id}
            className={`flow-edge flow-edge--${edge.kind}`}
            data-edge={edge.id}
            {...(edge.inferred?.length ? { 'data-inferred': edge.inferred.join(' ') } : {})}
            d={edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('')}
            markerEnd={`url(#${arrowId})`}
            strokeDasharray={edge.inferred?.includes('target') ? DASH.inferred : edge.alternative ? DASH.alternative : undefined}
          />
        ))}
      </g>
      {nodes.map((node) => (
        <FlowSymbol key={node.id} node={node} title={titles?.get(node.id)} preset={preset} />
      ))}
      {nodes
        .filter((node) => node.kind === 'exit' && node.text)
        .map((node) => {
          // Wrapped to the room left of the drawing's right edge: the text never runs into the Mutu Baku columns.
          const lines = wrapText(node.text!, Math.max(30, width - (node.x + node.width + 3) - 2), 8.5, 0.55);
          const top = node.y + node.height / 2 - ((lines.length - 1) * 10) / 2;
          return (
            <text key={`${node.id}-text`} className="flow-exit-text" fontSize={8.5} fill={inks.label}>
              {lines.map((line, i) => (
                <tspan key={i} x={node.x + node.width + 3} y={top + i * 10} dominantBaseline="central">
                  {line}
                </tspan>
              ))}
            </text>
          );
        })}
      {edges
        .filter((edge) => edge.label)
        .map((edge) => {
          const label = edge.label!;
          const x = label.anchor === 'start' ? label.x : label.x + label.width;
          return (
            <text key={`${edge.id}-label`} className="flow-label" data-edge={edge.id} fontSize={label.fontSize} textAnchor={label.anchor} fill={inks.label}>
              {label.lines.map((line, i) => (
                <tspan key={i} x={x} y={label.y + (i + 0.8) * label.lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
          );
        })}
    </svg>
  );
}
