import { SYMBOLS, type NodeKind } from '../../core/notation';
import { SymbolIcon, type SymbolIconProps } from '../../ui/notation/SymbolGlyph';

export type SymbolShapeProps = SymbolIconProps;

/**
 * The canvas's symbols: the step-kind registry's shapes (core/notation), the
 * same the print and the runtime's map draw, in the Standar inks. Filled and
 * without text, like the printed tables: the step's words are in the
 * Kegiatan column. Selection and problems are marked over the inks by
 * designer.css (`.symbol__shape`).
 */
export function SymbolShape(props: SymbolShapeProps) {
  return <SymbolIcon {...props} />;
}

/** A symbol's size as a small icon `height` px tall, in its registry proportions (a diamond stays square). */
export function iconSize(kind: NodeKind, height: number): { width: number; height: number } {
  const { width, height: h } = SYMBOLS[kind].sizePt;
  return { width: Math.round(Math.min(height * 2.6, (height * width) / h)), height };
}
