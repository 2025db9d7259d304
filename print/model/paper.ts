/**
 * Paper sizes and the page box. Everything on a printed page is laid out in
 * CSS pixels (96 per inch), the unit Chromium prints with, so measured row
 * heights, the layout and the PDF agree.
 */

export type PaperSize = 'a4' | 'f4' | 'letter' | 'legal';
export type Orientation = 'landscape' | 'portrait';

/**
 * The sheets signed SOPs are printed on: Letter (most of the national
 * agency's corpus), A4, Legal, and F4 (folio), which regional offices use.
 */
export const PAPER_SIZES: readonly PaperSize[] = ['a4', 'f4', 'letter', 'legal'];
export const ORIENTATIONS: readonly Orientation[] = ['landscape', 'portrait'];

/** Portrait width × height in millimetres. F4 (folio) is the 215 × 330 mm sheet Indonesian offices use. */
export const PAPER_MM: Readonly<Record<PaperSize, { width: number; height: number }>> = {
  a4: { width: 210, height: 297 },
  f4: { width: 215, height: 330 },
  letter: { width: 215.9, height: 279.4 },
  legal: { width: 215.9, height: 355.6 },
};

/** How a paper size is named to people: "A4", "F4 (215 × 330 mm)", "Letter", "Legal". */
export const PAPER_NAMES: Readonly<Record<PaperSize, string>> = {
  a4: 'A4 (210 × 297 mm)',
  f4: 'F4 (215 × 330 mm)',
  letter: 'Letter (8,5 × 11 in)',
  legal: 'Legal (8,5 × 14 in)',
};

/** A paper size as typed ("A4", "Legal", " f4 "): case and surrounding spaces do not matter. */
export function parsePaperSize(text: string | null | undefined): PaperSize | null {
  const key = text?.trim().toLowerCase();
  return (PAPER_SIZES as readonly string[]).includes(key ?? '') ? (key as PaperSize) : null;
}

/** An orientation as typed ("Landscape", "PORTRAIT"). */
export function parseOrientation(text: string | null | undefined): Orientation | null {
  const key = text?.trim().toLowerCase();
  return (ORIENTATIONS as readonly string[]).includes(key ?? '') ? (key as Orientation) : null;
}

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
