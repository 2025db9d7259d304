import type { LayoutNode, NodeKind } from '../../core/layout/types';
import { INK, SYMBOL_FILL, symbolPath } from '../../core/print/symbols';

/** One Permenpan symbol, inside an SVG, at its layout position. */
export function FlowSymbol({ node, title }: { node: LayoutNode; title?: string }) {
  return (
    <g
      className={`flow-symbol flow-symbol--${node.kind}`}
      data-node={node.id}
      data-step={node.stepId}
      data-kind={node.kind}
      {...(node.kind === 'connector' && node.text ? { 'data-letter': node.text } : {})}
    >
      {title ? <title>{title}</title> : null}
      <path
        d={symbolPath(node.kind, node)}
        fill={SYMBOL_FILL[node.kind]}
        stroke={INK}
        strokeWidth={1.1}
        strokeDasharray={node.external ? '3 2' : undefined}
      />
      {node.kind === 'connector' && node.text ? (
        <text
          x={node.x + node.width / 2}
          y={node.y + node.height * 0.31}
          dominantBaseline="central"
          textAnchor="middle"
          fontSize={Math.min(node.height * 0.48, 11)}
          fontWeight={700}
          fill={INK}
        >
          {node.text}
        </text>
      ) : null}
    </g>
  );
}

/** A symbol on its own, for legends and stories. */
export function SymbolPreview({ kind, width = 44, height = 27, label, letter = 'A' }: { kind: NodeKind; width?: number; height?: number; label?: string; letter?: string }) {
  const node: LayoutNode = {
    id: `preview-${kind}`,
    stepId: 'preview',
    actorId: null,
    kind,
    lane: 0,
    band: 0,
    chainIndex: 0,
    chainLength: 1,
    external: false,
    x: 1,
    y: 1,
    width,
    height,
    ...(kind === 'connector' ? { text: letter } : {}),
  };
  return (
    <svg className="symbol-preview" width={width + 2} height={height + 2} viewBox={`0 0 ${width + 2} ${height + 2}`} role="img" aria-label={label ?? kind}>
      <FlowSymbol node={node} />
    </svg>
  );
}
