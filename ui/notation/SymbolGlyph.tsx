/**
 * A flowchart symbol in React, drawn from the step-kind registry's parts
 * (`symbolParts` in core/notation): the canvas, the print and the runtime's
 * map all render this, and the SVG export writes the same parts as text.
 */
import type { SVGProps } from 'react';
import { PRESETS, symbolParts, type NodeKind, type NotationPreset, type SymbolBox } from '../../core/notation';

export interface SymbolGlyphProps extends Omit<SVGProps<SVGGElement>, 'children'> {
  node: SymbolBox;
  preset?: NotationPreset;
  /** Accessible name (the step it draws). */
  title?: string | undefined;
}

/** One symbol inside an SVG, at its box. The outline carries the class `symbol__shape`, so a surface can mark states (selected, active) over the preset's inks. */
export function SymbolGlyph({ node, preset = 'standar', title, className, ...rest }: SymbolGlyphProps) {
  const parts = symbolParts(node, PRESETS[preset]);
  return (
    <g className={className ? `symbol-glyph ${className}` : 'symbol-glyph'} data-kind={node.kind} {...rest}>
      {title ? <title>{title}</title> : null}
      {parts.map((part, i) =>
        part.element === 'path' ? (
          <path
            key={i}
            className={part.role === 'outline' ? 'symbol__shape' : 'symbol__mark'}
            d={part.d}
            fill={part.fill}
            stroke={part.stroke ?? undefined}
            strokeWidth={part.stroke ? part.strokeWidth : undefined}
            strokeDasharray={part.dash ?? undefined}
            {...(part.role === 'mark' ? { 'data-mark': i } : {})}
          />
        ) : (
          <text
            key={i}
            className="symbol__letter"
            x={part.x}
            y={part.y}
            fill={part.fill}
            fontSize={part.fontSize}
            fontWeight={part.fontWeight}
            textAnchor="middle"
            dominantBaseline="central"
          >
            {part.text}
          </text>
        ),
      )}
    </g>
  );
}

export interface SymbolIconProps {
  kind: NodeKind;
  width: number;
  height: number;
  preset?: NotationPreset;
  /** A connector's letter. */
  letter?: string | undefined;
  split?: boolean;
  join?: boolean;
  external?: boolean;
  className?: string;
  /** Accessible name; without it the icon is decoration (hidden from screen readers). */
  label?: string;
}

/** A symbol in an SVG of its own: the palette, the legend and the canvas's nodes. */
export function SymbolIcon({ kind, width, height, preset, letter, split, join, external, className, label }: SymbolIconProps) {
  const node: SymbolBox = {
    kind,
    x: 0,
    y: 0,
    width,
    height,
    ...(letter ? { text: letter } : {}),
    ...(split ? { split: true as const } : {}),
    ...(join ? { join: true as const } : {}),
    ...(external ? { external: true } : {}),
  };
  return (
    <svg
      className={`symbol symbol--${kind}${className ? ` ${className}` : ''}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      overflow="visible"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true, focusable: false })}
    >
      <SymbolGlyph node={node} {...(preset ? { preset } : {})} />
    </svg>
  );
}
