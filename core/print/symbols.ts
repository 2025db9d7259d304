/**
 * The Permenpan symbols as SVG path data, shared by the React print view and
 * the SVG export so both draw the same shapes: terminator (kapsul), process
 * (kotak), decision (belah ketupat), off-page connector (segi lima), and the
 * exit marker where an arrow leaves the SOP.
 */
import type { NodeKind, Rect } from '../layout/types';

export function symbolPath(kind: NodeKind, box: Rect): string {
  const { x, y, width: w, height: h } = box;
  const cx = x + w / 2;
  const cy = y + h / 2;
  const f = (n: number) => String(Math.round(n * 100) / 100);
  switch (kind) {
    case 'start':
    case 'end': {
      const r = Math.min(h / 2, w / 2);
      return `M${f(x + r)} ${f(y)}H${f(x + w - r)}A${f(r)} ${f(r)} 0 0 1 ${f(x + w - r)} ${f(y + h)}H${f(x + r)}A${f(r)} ${f(r)} 0 0 1 ${f(x + r)} ${f(y)}Z`;
    }
    case 'decision':
      return `M${f(cx)} ${f(y)}L${f(x + w)} ${f(cy)}L${f(cx)} ${f(y + h)}L${f(x)} ${f(cy)}Z`;
    case 'connector': {
      // Segi lima: a square-ish box with a pointed bottom. Drawn narrower than the
      // other symbols' box so it reads as a marker, but it keeps the same box.
      const half = Math.min(w, h) / 2;
      const l = cx - half;
      const r = cx + half;
      return `M${f(l)} ${f(y)}H${f(r)}V${f(y + h * 0.62)}L${f(cx)} ${f(y + h)}L${f(l)} ${f(y + h * 0.62)}Z`;
    }
    case 'exit': {
      const tip = x + w;
      return `M${f(x)} ${f(y + h * 0.2)}H${f(x + w * 0.62)}V${f(y)}L${f(tip)} ${f(cy)}L${f(x + w * 0.62)} ${f(y + h)}V${f(y + h * 0.8)}H${f(x)}Z`;
    }
    default:
      return `M${f(x)} ${f(y)}H${f(x + w)}V${f(y + h)}H${f(x)}Z`;
  }
}

/** Fills that read on screen and still separate the kinds when printed in grey. */
export const SYMBOL_FILL: Readonly<Record<NodeKind, string>> = {
  start: '#cfe8d5',
  end: '#cfe8d5',
  process: '#d6e4f5',
  decision: '#fbe7b5',
  connector: '#ffffff',
  exit: '#eeeeee',
};

export const INK = '#1f2933';
