/**
 * Paper sizes and the page box. Everything on a printed page is laid out in
 * CSS pixels (96 per inch), the unit Chromium prints with, so measured row
 * heights, the layout and the PDF agree.
 */

export type PaperSize = 'a4' | 'f4';
export type Orientation = 'landscape' | 'portrait';

export const PAPER_SIZES: readonly PaperSize[] = ['a4', 'f4'];
export const ORIENTATIONS: readonly Orientation[] = ['landscape', 'portrait'];

/** Portrait width × height in millimetres. F4 (folio) is the 215 × 330 mm sheet Indonesian offices use. */
export const PAPER_MM: Readonly<Record<PaperSize, { width: number; height: number }>> = {
  a4: { width: 210, height: 297 },
  f4: { width: 215, height: 330 },
};

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Margins in mm; a little wider on the binding (left) side. */
export const DEFAULT_MARGINS_MM: Readonly<Margins> = { top: 12, right: 12, bottom: 12, left: 15 };

export const PX_PER_MM = 96 / 25.4;

export interface PageBox {
  paper: PaperSize;
  orientation: Orientation;
  /** Sheet size in mm, as oriented. */
  widthMm: number;
  heightMm: number;
  marginsMm: Margins;
  /** The printable area inside the margins, in CSS px. */
  contentWidth: number;
  contentHeight: number;
}

export function pageBox(paper: PaperSize, orientation: Orientation, margins: Partial<Margins> = {}): PageBox {
  const size = PAPER_MM[paper];
  const landscape = orientation === 'landscape';
  const widthMm = landscape ? size.height : size.width;
  const heightMm = landscape ? size.width : size.height;
  const m = { ...DEFAULT_MARGINS_MM, ...clampMargins(margins, widthMm, heightMm) };
  return {
    paper,
    orientation,
    widthMm,
    heightMm,
    marginsMm: m,
    contentWidth: Math.floor((widthMm - m.left - m.right) * PX_PER_MM),
    contentHeight: Math.floor((heightMm - m.top - m.bottom) * PX_PER_MM),
  };
}

/** Margins a user types are kept between 0 and a third of the sheet, so a page always has room. */
function clampMargins(margins: Partial<Margins>, widthMm: number, heightMm: number): Partial<Margins> {
  const out: Partial<Margins> = {};
  for (const key of ['top', 'right', 'bottom', 'left'] as const) {
    const value = margins[key];
    if (value === undefined || !Number.isFinite(value)) continue;
    const limit = (key === 'top' || key === 'bottom' ? heightMm : widthMm) / 3;
    out[key] = Math.min(Math.max(value, 0), limit);
  }
  return out;
}
