/**
 * Printing and image export from the editor, always of what is on screen
 * now: the draft in the editor (unsaved changes included, never the last
 * published revision), and the flow that is open.
 *
 * Only the small pieces are imported (the hand-over to the print page, the
 * SVG drawing, the PNG rasteriser), not the print view itself, which lives
 * on its own page: the designer's first load stays as it was.
 */
import type { Lang } from '../../core/i18n';
import { exportFlowchartSvg } from '../model/exportFlowchart';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { downloadBlob } from '../../ui/download';
import { svgToPngBlob } from './exportImage';
import type { LocalizedText } from '../../core/validation';
import { HandOverError, openPrintView } from './handover';

/**
 * Opens the print view (identity page, flowchart table, paper, margins) in a
 * new tab with this draft. Resolves to a message for the drafter when the
 * document could not be handed over (never silently nothing).
 */
export async function printDraft(doc: SopDocument): Promise<LocalizedText | undefined> {
  try {
    await openPrintView(doc);
    return undefined;
  } catch (error) {
    if (error instanceof HandOverError) return error.localized;
    return { id: `Halaman cetak tidak dapat dibuka: ${String(error)}`, en: `The print page could not be opened: ${String(error)}` };
  }
}

/** "perpres-12-2024-main.svg": the Nomor SOP (else the SOP's id) and the flow, safe for any file system. */
export function flowImageName(doc: SopDocument, flowId: string, extension: 'svg' | 'png'): string {
  const stem = (doc.identity.number || doc.id).replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'sop';
  return `${stem}-${flowId}.${extension}`;
}

/** Downloads the flow as SVG; false when the document has no such flow. */
export function exportFlowSvg(doc: SopDocument, flowId: string, lang: Lang): boolean {
  const svg = exportFlowchartSvg(doc, flowId, lang);
  if (!svg) return false;
  downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), flowImageName(doc, flowId, 'svg'));
  return true;
}

/** Downloads the flow as PNG (twice the SVG's size, white background); false when there is no such flow. */
export async function exportFlowPng(doc: SopDocument, flowId: string, lang: Lang): Promise<boolean> {
  const svg = exportFlowchartSvg(doc, flowId, lang);
  if (!svg) return false;
  downloadBlob(await svgToPngBlob(svg), flowImageName(doc, flowId, 'png'));
  return true;
}
