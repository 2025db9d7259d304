/**
 * `sop print <file.sop.json> --out <file.pdf>`: the print view, bundled in
 * process with Vite, rendered by Debian's headless Chromium and saved as PDF.
 * The PDF is written to a temporary file beside the target and renamed into
 * place, so a failure never leaves a half-written PDF behind.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import type { Margins, Orientation, PaperSize } from '../core/print/paper';
import { hasErrors, type Diagnostic } from '../core/validation';
import type { SopDocument } from '../schemas/generated/sop.types';
import type { PrintSummary, RenderPrintOptions } from '../ui/print/printEntry';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo, type Lang } from './io';
import { readSopFile } from './readSopFile';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface PrintCommandOptions {
  file: string;
  out: string;
  paper: PaperSize;
  orientation: Orientation;
  margins?: Partial<Margins>;
  flowId?: string;
  lang: Lang;
}

/** Where the time of one print goes: loading and laying out the pages, then Chromium writing the PDF. */
export interface PrintTimings {
  renderMs: number;
  pdfMs: number;
  totalMs: number;
}

interface Bundle {
  js: string;
  css: string;
}

let bundlePromise: Promise<Bundle> | null = null;

/** The print view as one script and one stylesheet (built once per process). */
export function bundlePrintView(): Promise<Bundle> {
  bundlePromise ??= buildBundle().catch((error: unknown) => {
    bundlePromise = null;
    throw error;
  });
  return bundlePromise;
}

async function buildBundle(): Promise<Bundle> {
  const { build } = await import('vite');
  const result = await build({
    root,
    configFile: false,
    logLevel: 'error',
    // Production React and JSX whatever NODE_ENV the caller runs under (Vitest sets "test"); no
    // React plugin, which would follow NODE_ENV into development JSX.
    mode: 'production',
    oxc: { jsx: { runtime: 'automatic', development: false } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      cssCodeSplit: false,
      lib: { entry: join(root, 'ui/print/printEntry.tsx'), formats: ['iife'], name: 'sopPrintBundle' },
    },
  });
  let js = '';
  let css = '';
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!('output' in output)) continue;
    for (const item of output.output) {
      if (item.type === 'chunk') js += item.code;
      else if (item.fileName.endsWith('.css')) css += typeof item.source === 'string' ? item.source : new TextDecoder().decode(item.source);
    }
  }
  if (!js) throw new Error('vite build produced no script for the print view');
  return { js, css };
}

/** One Chromium for many documents: the tests and the benchmark print dozens of PDFs. */
export class PdfPrinter {
  private constructor(
    private readonly browser: Browser,
    private readonly bundle: Bundle,
  ) {}

  static async start(): Promise<PdfPrinter> {
    const [bundle, browser] = await Promise.all([bundlePrintView(), launchChromium()]);
    return new PdfPrinter(browser, bundle);
  }

  /** Renders one document; resolves with the PDF bytes and what was laid out on which page. */
  async print(doc: SopDocument, options: RenderPrintOptions): Promise<{ pdf: Buffer; summary: PrintSummary; timings: PrintTimings }> {
    const started = performance.now();
    return this.withRendered(doc, options, async (page, summary) => {
      const rendered = performance.now();
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const done = performance.now();
      return { pdf, summary, timings: { renderMs: rendered - started, pdfMs: done - rendered, totalMs: done - started } };
    });
  }

  /** One PNG per printed sheet, as the screen shows them (for visual regression tests). */
  async screenshots(doc: SopDocument, options: RenderPrintOptions): Promise<{ pngs: Buffer[]; summary: PrintSummary }> {
    return this.withRendered(doc, options, async (page, summary) => {
      const pngs: Buffer[] = [];
      for (const sheet of await page.locator('.print-page').all()) pngs.push(await sheet.screenshot({ animations: 'disabled' }));
      return { pngs, summary };
    });
  }

  private async withRendered<T>(doc: SopDocument, options: RenderPrintOptions, use: (page: Page, summary: PrintSummary) => Promise<T>): Promise<T> {
    const page = await this.browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    try {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>SOP</title></head><body></body></html>');
      await page.addStyleTag({ content: `body{margin:0}${this.bundle.css}` });
      await page.addScriptTag({ content: this.bundle.js });
      const summary = await page.evaluate(
        async ([d, o]) => {
          await document.fonts.ready;
          return (globalThis as unknown as { sopPrint: { render: (doc: unknown, options: unknown) => Promise<PrintSummary> } }).sopPrint.render(d, o);
        },
        [doc, options] as const,
      );
      if (errors.length > 0) throw new Error(errors.join('\n'));
      // How far each sheet's content runs past the sheet (0 when nothing is cut off).
      summary.overflow = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.print-page:not(.print-page--overflow)'), (sheet) => {
          const body = sheet.querySelector<HTMLElement>('.print-page__body')!;
          return Math.max(0, body.scrollHeight - body.clientHeight, sheet.scrollHeight - sheet.clientHeight);
        }),
      );
      return await use(page, summary);
    } finally {
      await page.close();
    }
  }

  /** A blank page of the same browser, for tests that decode or compare images. */
  blankPage(): Promise<Page> {
    return this.browser.newPage();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export async function runPrintCommand(options: PrintCommandOptions, io: CliIo): Promise<number> {
  const say = (id: string, en: string) => (options.lang === 'en' ? `${en} / ${id}` : `${id} / ${en}`);
  const parsed = await readSopFile(options.file);
  if (!parsed.document || hasErrors(parsed.diagnostics)) {
    io.stderr(`sop print: ${say(`${options.file} bukan SOP yang sah, tidak dicetak.`, `${options.file} is not a valid SOP; nothing was printed.`)}\n`);
    for (const d of parsed.diagnostics.filter((x: Diagnostic) => x.severity === 'error')) {
      const [first, second] = options.lang === 'en' ? [d.message.en, d.message.id] : [d.message.id, d.message.en];
      io.stderr(`  ${options.file}#${d.pointer || '/'}  ${d.ruleId}  ${first} / ${second}\n`);
    }
    return EXIT_PROBLEMS;
  }
  const doc = parsed.document;
  if (options.flowId !== undefined && !doc.flows.some((f) => f.id === options.flowId)) {
    const known = doc.flows.map((f) => f.id).join(', ') || '-';
    io.stderr(`sop print: ${say(`tidak ada diagram alir "${options.flowId}" (yang ada: ${known}).`, `no flowchart "${options.flowId}" (there are: ${known}).`)}\n`);
    return EXIT_USAGE;
  }

  const out = resolve(options.out);
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Fail before the slow part when the PDF could not be saved anyway.
  const unwritable = await checkWritable(out, temp);
  if (unwritable) {
    io.stderr(`sop print: ${say(`tidak dapat menulis ${options.out}: ${unwritable.id}.`, `cannot write ${options.out}: ${unwritable.en}.`)}\n`);
    return EXIT_PROBLEMS;
  }

  let printer: PdfPrinter | null = null;
  try {
    printer = await PdfPrinter.start();
    const { pdf, summary } = await printer.print(doc, {
      paper: options.paper,
      orientation: options.orientation,
      lang: options.lang,
      ...(options.margins ? { margins: options.margins } : {}),
      ...(options.flowId ? { flowId: options.flowId } : {}),
    });
    await writeFile(temp, pdf);
    await rename(temp, out);
    io.stdout(`${options.out}: ${say(`${summary.pageCount} halaman`, `${summary.pageCount} pages`)}\n`);
    return EXIT_OK;
  } catch (error) {
    await rm(temp, { force: true });
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`sop print: ${say('gagal mencetak', 'printing failed')}: ${message}\n`);
    return EXIT_PROBLEMS;
  } finally {
    await printer?.close();
  }
}

async function checkWritable(out: string, temp: string): Promise<{ id: string; en: string } | null> {
  try {
    const info = await stat(out).catch(() => null);
    if (info?.isDirectory()) return { id: 'itu sebuah folder', en: 'it is a folder' };
    const handle = await open(temp, 'wx');
    await handle.close();
    await rm(temp, { force: true });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { id: 'tidak ada izin menulis', en: 'permission denied' };
    if (code === 'ENOENT') return { id: 'foldernya tidak ada', en: 'the folder does not exist' };
    if (code === 'ENOTDIR') return { id: 'foldernya bukan folder', en: 'a parent is not a folder' };
    return { id: `galat ${code}`, en: `error ${code}` };
  }
}

/** "12,12,12,15" (top, right, bottom, left, mm) or one number for all four. */
export function parseMargins(text: string): Partial<Margins> | null {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.some((n) => !Number.isFinite(n) || n < 0 || n > 100)) return null;
  if (parts.length === 1) return { top: parts[0]!, right: parts[0]!, bottom: parts[0]!, left: parts[0]! };
  if (parts.length === 4) return { top: parts[0]!, right: parts[1]!, bottom: parts[2]!, left: parts[3]! };
  return null;
}
