/** Helpers shared by the print tests: PDF text through pdfjs-dist. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RenderPrintOptions } from '../../print/model/protocol';
import type { PdfPrinter } from '../../print/pdf/pdfPrinter';
import type { SopDocument } from '../../schemas/generated/sop.types';

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

/**
 * A sample as schema v2 has it, while the samples are still v1 (the migration
 * lands with the loaders): end outcomes, asked conditions, and identity fields
 * v1 wrote as "" for "the document has none" made absent, as docs/schema-v2.md
 * says the migration does. Samples already at v2 come back unchanged.
 */
export function asV2<T extends { schemaVersion: number }>(input: T): T {
  const doc = structuredClone(input) as unknown as import('../../schemas/generated/sop.types').SopDocument & { schemaVersion: number };
  if (doc.schemaVersion >= 2) return doc as unknown as T;
  (doc as { schemaVersion: number }).schemaVersion = 2;
  for (const flow of doc.flows) {
    const fromDecision = new Set(flow.edges.filter((e) => flow.steps.find((s) => s.id === e.from)?.kind === 'decision' && e.to).map((e) => e.to!));
    for (const step of flow.steps) {
      if (step.kind === 'end' && !step.outcome) step.outcome = 'selesai';
      const condition = step.condition as unknown;
      if (typeof condition === 'string') step.condition = { text: condition, asked: !fromDecision.has(step.id) };
    }
  }
  const identity = doc.identity as Record<string, unknown>;
  for (const key of ['unit', 'number']) if (identity[key] === '') delete identity[key];
  return doc as unknown as T;
}

/** A painted path on a PDF page, in PDF points with the origin at the bottom left. */
export interface PdfShape {
  paint: 'fill' | 'stroke' | 'fillStroke';
  fill: string;
  stroke: string;
  /** Line width in points. */
  lineWidth: number;
  box: { left: number; bottom: number; right: number; top: number };
  /** The path's straight runs (curves as their end points), for crossing tests. */
  segments: Array<[number, number, number, number]>;
}

/** A run of text with its box (baseline to font height), in PDF points. */
export interface PdfTextBox {
  text: string;
  fontSize: number;
  box: { left: number; bottom: number; right: number; top: number };
}

export interface PdfPageGeometry {
  width: number;
  height: number;
  shapes: PdfShape[];
  texts: PdfTextBox[];
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * Every painted path and text run of each page, read from the PDF with
 * pdfjs-dist's operator list: what Chromium actually drew, in points. Enough
 * to measure symbols, and to test whether a label's box meets a line.
 */
export async function pdfGeometry(pdf: Uint8Array): Promise<PdfPageGeometry[]> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const paints: Record<number, PdfShape['paint']> = {
    [OPS.fill]: 'fill',
    [OPS.eoFill]: 'fill',
    [OPS.stroke]: 'stroke',
    [OPS.closeStroke]: 'stroke',
    [OPS.fillStroke]: 'fillStroke',
    [OPS.eoFillStroke]: 'fillStroke',
    [OPS.closeFillStroke]: 'fillStroke',
  };
  const pages: PdfPageGeometry[] = [];
  for (let p = 1; p <= document.numPages; p++) {
    const page = await document.getPage(p);
    const [, , width, height] = page.view as [number, number, number, number];
    const list = await page.getOperatorList();
    const shapes: PdfShape[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    let state = { fill: '#000000', stroke: '#000000', lineWidth: 1 };
    const stack: Array<{ ctm: Matrix; state: typeof state }> = [];
    list.fnArray.forEach((fn, i) => {
      const args = list.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push({ ctm, state: { ...state } });
      else if (fn === OPS.restore) ({ ctm, state } = stack.pop() ?? { ctm, state });
      else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
      else if (fn === OPS.setFillRGBColor) state.fill = String(args[0]);
      else if (fn === OPS.setStrokeRGBColor) state.stroke = String(args[0]);
      else if (fn === OPS.setLineWidth) state.lineWidth = Number(args[0]);
      else if (fn === OPS.constructPath) {
        const paint = paints[args[0] as number];
        if (!paint) return;
        const data = Array.from(((args[1] as unknown[])[0] ?? []) as ArrayLike<number>);
        const segments: PdfShape['segments'] = [];
        const xs: number[] = [];
        const ys: number[] = [];
        let start: [number, number] | null = null;
        let at: [number, number] | null = null;
        for (let k = 0; k < data.length; ) {
          const op = data[k++]!;
          const take = op === 0 || op === 1 ? 2 : op === 2 ? 6 : op === 3 ? 4 : 0;
          if (op === 4) {
            if (at && start) segments.push([at[0], at[1], start[0], start[1]]);
            at = start;
            continue;
          }
          const coords = data.slice(k, k + take);
          k += take;
          const point = apply(ctm, coords[take - 2]!, coords[take - 1]!);
          xs.push(point[0]);
          ys.push(point[1]);
          if (op === 0) start = point;
          else if (at) segments.push([at[0], at[1], point[0], point[1]]);
          at = point;
        }
        if (xs.length === 0) return;
        const scale = Math.hypot(ctm[0], ctm[1]);
        shapes.push({
          paint,
          fill: state.fill,
          stroke: state.stroke,
          lineWidth: state.lineWidth * scale,
          box: { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) },
          segments,
        });
      }
    });
    const content = await page.getTextContent();
    const texts: PdfTextBox[] = content.items.flatMap((item) => {
      if (!('str' in item) || !item.str.trim()) return [];
      const [a, b, , , e, f] = item.transform as number[];
      const fontSize = Math.hypot(a!, b!);
      return [{ text: item.str, fontSize, box: { left: e!, right: e! + item.width, bottom: f! - fontSize * 0.21, top: f! + fontSize * 0.72 } }];
    });
    pages.push({ width, height, shapes, texts });
  }
  await document.destroy();
  return pages;
}

/** Whether a segment passes through the inside of a box (shrunk by `inset`). */
export function segmentCrossesBox(s: [number, number, number, number], box: PdfTextBox['box'], inset = 0.3): boolean {
  const left = box.left + inset;
  const right = box.right - inset;
  const bottom = box.bottom + inset;
  const top = box.top - inset;
  return Math.max(s[0], s[2]) > left && Math.min(s[0], s[2]) < right && Math.max(s[1], s[3]) > bottom && Math.min(s[1], s[3]) < top;
}

export function boxesOverlap(a: PdfTextBox['box'], b: PdfTextBox['box'], inset = 0.3): boolean {
  return a.left + inset < b.right && b.left + inset < a.right && a.bottom + inset < b.top && b.bottom + inset < a.top;
}

type Printed = Awaited<ReturnType<PdfPrinter['print']>>;

/**
 * A printer for a test file that prints the same document on the same paper several times (the samples on A4
 * landscape for their own test, then for the word-break and label checks): each distinct document and options
 * is printed once, and each PDF read back once. Up to `parallel` prints run at once, each in its own page: a print
 * spends most of its time opening the print page, which another page's layout and PDF writing can overlap.
 */
export function sharedPrints(printer: PdfPrinter, parallel: number) {
  const prints = new Map<string, Promise<Printed>>();
  const texts = new WeakMap<Uint8Array, Promise<PdfPageText[]>>();
  const geometries = new WeakMap<Uint8Array, Promise<PdfPageGeometry[]>>();
  let running = 0;
  const waiting: Array<() => void> = [];
  async function limited<T>(work: () => Promise<T>): Promise<T> {
    if (running >= parallel) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  }
  const remember = <K extends object, V>(cache: WeakMap<K, Promise<V>>, key: K, make: () => Promise<V>) => {
    let value = cache.get(key);
    if (!value) cache.set(key, (value = make()));
    return value;
  };
  return {
    print(doc: SopDocument, options: RenderPrintOptions): Promise<Printed> {
      const key = JSON.stringify([doc, options]);
      let printed = prints.get(key);
      if (!printed) {
        // The document as it is now: a test may change its copy afterwards.
        const copy = structuredClone(doc);
        printed = limited(() => printer.print(copy, options));
        // A failed print is not remembered: the next test asking for it gets its own error.
        printed.catch(() => prints.delete(key));
        prints.set(key, printed);
      }
      return printed;
    },
    pages: (pdf: Uint8Array) => remember(texts, pdf, () => pdfPages(pdf)),
    geometry: (pdf: Uint8Array) => remember(geometries, pdf, () => pdfGeometry(pdf)),
  };
}
