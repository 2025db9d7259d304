import type { NodeKind } from '../../core/layout';

export interface SymbolShapeProps {
  kind: NodeKind;
  width: number;
  height: number;
  /** A connector's letter, drawn inside the pentagon. */
  letter?: string | undefined;
  className?: string;
}

/**
 * The Permenpan RB 35/2012 flowchart symbols, drawn in SVG: terminator
 * (capsule), process (box), decision (diamond), off-page connector (pentagon),
 * and the marker of an arrow that leaves the SOP. Filled and small, like the
 * printed tables; the step's words are in the Kegiatan column, not inside.
 */
export function SymbolShape({ kind, width: w, height: h, letter, className }: SymbolShapeProps) {
  const s = 1.5; // half the stroke, so the outline stays inside the box
  let shape;
  switch (kind) {
    case 'start':
    case 'end':
      shape = <rect x={s} y={s} width={w - 2 * s} height={h - 2 * s} rx={(h - 2 * s) / 2} />;
      break;
    case 'process':
      shape = <rect x={s} y={s} width={w - 2 * s} height={h - 2 * s} />;
      break;
    case 'decision':
      shape = <polygon points={`${w / 2},${s} ${w - s},${h / 2} ${w / 2},${h - s} ${s},${h / 2}`} />;
      break;
    case 'connector':
      shape = <polygon points={`${s},${s} ${w - s},${s} ${w - s},${h * 0.6} ${w / 2},${h - s} ${s},${h * 0.6}`} />;
      break;
    case 'exit':
      shape = <polygon points={`${s},${s} ${w * 0.7},${s} ${w - s},${h / 2} ${w * 0.7},${h - s} ${s},${h - s}`} />;
      break;
  }
  return (
    <svg
      className={`symbol symbol--${kind} ${className ?? ''}`}
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      aria-hidden="true"
      focusable="false"
    >
      {shape}
      {letter && (
        <text x={w / 2} y={h * 0.45} textAnchor="middle" dominantBaseline="middle" className="symbol__letter">
          {letter}
        </text>
      )}
    </svg>
  );
}
