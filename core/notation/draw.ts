/**
 * A symbol as the drawing primitives every surface renders: the outline, the
 * split/join bars and the letter inside. The React symbol (`ui/notation`) and
 * the SVG writer of the export both render these parts and nothing else, so
 * the canvas, the print, the exported image and the runtime's map cannot draw
 * a symbol two ways.
 */
import type { NodeKind, Rect } from '../layout/types';
import { DASH, type PresetInks } from './presets';
import { SYMBOLS, markPath } from './symbols';

export interface SymbolBox extends Rect {
  kind: NodeKind;
  /** A connector's letter (drawn inside), or an exit's target (drawn beside it by the surface). */
  text?: string;
  /** Drawn in a lane borrowed from a neighbouring step: a dashed outline. */
  external?: boolean;
  split?: true;
  join?: true;
}

export type SymbolPart =
  | { element: 'path'; role: 'outline' | 'mark'; d: string; fill: string; stroke: string | null; strokeWidth: number; dash: string | null }
  | { element: 'text'; role: 'letter'; x: number; y: number; text: string; fill: string; fontSize: number; fontWeight: number };

export function symbolParts(node: SymbolBox, inks: PresetInks): SymbolPart[] {
  const def = SYMBOLS[node.kind] ?? SYMBOLS.process;
  const ink = inks.symbols[def.kind];
  // The outline sits inside the box: half the stroke in from each side.
  const inset = ink.strokeWidth / 2;
  const outline: Rect = { x: node.x + inset, y: node.y + inset, width: Math.max(1, node.width - 2 * inset), height: Math.max(1, node.height - 2 * inset) };
  const dash = node.kind === 'exit' ? DASH.exit : node.external ? DASH.alternative : null;
  const parts: SymbolPart[] = [{ element: 'path', role: 'outline', d: def.path(outline), fill: ink.fill, stroke: ink.stroke, strokeWidth: ink.strokeWidth, dash }];
  if (node.split) parts.push({ element: 'path', role: 'mark', d: markPath('split', node, node.kind), fill: inks.mark, stroke: null, strokeWidth: 0, dash: null });
  if (node.join) parts.push({ element: 'path', role: 'mark', d: markPath('join', node, node.kind), fill: inks.mark, stroke: null, strokeWidth: 0, dash: null });
  if (def.textAt && node.text) {
    parts.push({
      element: 'text',
      role: 'letter',
      x: node.x + node.width * def.textAt.x,
      y: node.y + node.height * def.textAt.y,
      text: node.text,
      fill: ink.text,
      fontSize: Math.max(6, Math.min(12, Math.round(node.height * def.textAt.sizeOfHeight * 10) / 10)),
      fontWeight: 700,
    });
  }
  return parts;
}
