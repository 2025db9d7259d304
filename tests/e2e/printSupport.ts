/** Helpers shared by the print tests: PDF text through pdfjs-dist. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPageText {
  /** Every text run on the page, trimmed, in drawing order. */
  items: string[];
  /** The same runs with where they start on the page (PDF points, origin bottom left). */
  runs: Array<{ text: string; x: number; y: number }>;
  /** The page's text with all whitespace (and zero-width breaks) removed, for containment checks across wraps. */
  squashed: string;
}

export async function pdfPages(pdf: Uint8Array): Promise<PdfPageText[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PdfPageText[] = [];
  for (let p = 1; p <= document.numPages; p++) {
    const content = await (await document.getPage(p)).getTextContent();
    const runs = content.items.flatMap((item) =>
      'str' in item && item.str.trim() ? [{ text: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number }] : [],
    );
    const items = runs.map((run) => run.text);
    pages.push({ items, runs, squashed: squash(items.join('')) });
  }
  await document.destroy();
  return pages;
}

export function squash(text: string): string {
  return text.replace(/[\s\u200b]+/g, '');
}

export interface PixelDiff {
  width: number;
  height: number;
  /** Pixels whose colour differs by more than the threshold in some channel. */
  differing: number;
  /** Baseline and actual differ in size: every pixel counts as different. */
  sizeChanged: boolean;
  /** A PNG with the differing pixels in red over a faded actual, when anything differs. */
  diffPng: Buffer | null;
}

/**
 * Compares two PNGs pixel by pixel, decoded by Chromium (createImageBitmap +
 * canvas): the browser we already run decodes PNG exactly, so the tests need
 * no PNG library. A channel difference up to `threshold` (0-255) is ignored:
 * antialiasing may shift by a shade between runs.
 */
export async function comparePngs(page: import('playwright-core').Page, baseline: Buffer, actual: Buffer, threshold = 48): Promise<PixelDiff> {
  const result = await page.evaluate(
    async ([a, b, limit]) => {
      const load = async (base64: string) => createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const [first, second] = await Promise.all([load(a), load(b)]);
      const width = Math.max(first.width, second.width);
      const height = Math.max(first.height, second.height);
      const pixels = (bitmap: ImageBitmap) => {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, width, height);
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, width, height);
      };
      const pa = pixels(first);
      const pb = pixels(second);
      const out = new ImageData(width, height);
      let differing = 0;
      for (let i = 0; i < pa.data.length; i += 4) {
        const delta = Math.max(Math.abs(pa.data[i]! - pb.data[i]!), Math.abs(pa.data[i + 1]! - pb.data[i + 1]!), Math.abs(pa.data[i + 2]! - pb.data[i + 2]!));
        const grey = 255 - (255 - pb.data[i]!) / 4;
        if (delta > limit) {
          differing++;
          out.data.set([255, 0, 0, 255], i);
        } else out.data.set([grey, grey, grey, 255], i);
      }
      let diff: string | null = null;
      if (differing > 0) {
        const canvas = new OffscreenCanvas(width, height);
        canvas.getContext('2d')!.putImageData(out, 0, 0);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        diff = btoa(binary);
      }
      return { width, height, differing, sizeChanged: first.width !== second.width || first.height !== second.height, diff };
    },
    [baseline.toString('base64'), actual.toString('base64'), threshold] as const,
  );
  return { ...result, diffPng: result.diff ? Buffer.from(result.diff, 'base64') : null };
}
