import { symbolSizes, type NodeKind, type NotationPreset } from '../../core/notation';
import type { LayoutNode } from '../../core/layout/types';
import { SymbolGlyph, SymbolIcon } from '../../ui/notation/SymbolGlyph';

/** One Permenpan symbol, inside an SVG, at its layout position, drawn from the step-kind registry. */
export function FlowSymbol({ node, title, preset }: { node: LayoutNode; title?: string | undefined; preset?: NotationPreset }) {
  return (
    <SymbolGlyph
      node={node}
      title={title}
      {...(preset ? { preset } : {})}
      className={`flow-symbol flow-symbol--${node.kind}`}
      data-node={node.id}
      data-step={node.stepId}
      {...(node.kind === 'connector' && node.text ? { 'data-letter': node.text } : {})}
      {...(node.split ? { 'data-split': 'parallel' } : {})}
      {...(node.join ? { 'data-join': 'all' } : {})}
    />
  );
}

/** A symbol on its own at its printed size (or `scale` of it), for legends and stories. */
export function SymbolPreview({ kind, scale = 1, label, letter = 'A', preset }: { kind: NodeKind; scale?: number; label?: string; letter?: string; preset?: NotationPreset }) {
  const { width, height } = symbolSizes(scale)[kind];
  return (
    <SymbolIcon
      kind={kind}
      width={width}
      height={height}
      className="symbol-preview flow-symbol"
      {...(kind === 'connector' ? { letter } : {})}
      {...(preset ? { preset } : {})}
      label={label ?? kind}
    />
  );
}
